using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Admin.Organizations;

public sealed class EditModel(LotseDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<OrganizationKind>().Select(k => new SelectListItem(localizer[OrganizationKinds.DisplayName(k)], k.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            return Page();
        }

        var organization = await db.Organizations.FindAsync(Id);
        if (organization is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Name = organization.Name,
            ShortName = organization.ShortName,
            Kind = organization.Kind,
            IsActive = organization.IsActive,
            Version = organization.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var name = Input.Name.Trim();
        if (await db.Organizations.AnyAsync(o => o.Name == name && o.Id != Id))
        {
            ModelState.AddModelError("Input.Name", localizer["Eine Organisation mit diesem Namen gibt es schon."]);
            return Page();
        }

        var organization = Id is null ? new Organization { Name = name } : await db.Organizations.FindAsync(Id);
        if (organization is null)
        {
            return NotFound();
        }

        organization.Name = name;
        organization.ShortName = string.IsNullOrWhiteSpace(Input.ShortName) ? null : Input.ShortName.Trim();
        organization.Kind = Input.Kind;
        organization.IsActive = Input.IsActive;
        if (Id is null)
        {
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
        }
        else if (!await db.TrySaveEditAsync(organization, Input.Version))
        {
            ModelState.AddModelError(string.Empty, localizer["Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."]);
            return Page();
        }

        TempData["Message"] = localizer["Die Organisation „{0}“ wurde gespeichert.", organization.Name].Value;
        return RedirectToPage("./Index");
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Namen ein.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
        public string Name { get; set; } = string.Empty;

        [StringLength(50, ErrorMessage = "Die Kurzbezeichnung darf höchstens 50 Zeichen lang sein.")]
        public string? ShortName { get; set; }

        [Required(ErrorMessage = "Bitte wählen Sie die Art der Organisation.")]
        public OrganizationKind Kind { get; set; } = OrganizationKind.WelfareOrganization;

        public bool IsActive { get; set; } = true;

        public int Version { get; set; }
    }
}
