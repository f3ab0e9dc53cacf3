using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Districts;
using Lotse.Features.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Admin.Teams;

public sealed class EditModel(LotseDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public IReadOnlyList<District> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadChoicesAsync();
        if (Id is null)
        {
            return Page();
        }

        var team = await db.Teams.Include(t => t.Districts).SingleOrDefaultAsync(t => t.Id == Id);
        if (team is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Name = team.Name,
            OrganizationId = team.OrganizationId,
            DistrictIds = [.. team.Districts.Select(d => d.Id)],
            IsActive = team.IsActive,
            Version = team.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChoicesAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == Input.OrganizationId))
        {
            ModelState.AddModelError("Input.OrganizationId", localizer["Bitte wählen Sie eine Organisation."]);
            return Page();
        }

        var name = Input.Name.Trim();
        if (await db.Teams.AnyAsync(t => t.OrganizationId == Input.OrganizationId && t.Name == name && t.Id != Id))
        {
            ModelState.AddModelError("Input.Name", localizer["Diese Organisation hat schon ein Team mit diesem Namen."]);
            return Page();
        }

        var team = Id is null ? new Team { Name = name } : await db.Teams.Include(t => t.Districts).SingleOrDefaultAsync(t => t.Id == Id);
        if (team is null)
        {
            return NotFound();
        }

        team.Name = name;
        team.OrganizationId = Input.OrganizationId!.Value;
        team.IsActive = Input.IsActive;
        team.Districts.Clear();
        team.Districts.AddRange(await db.Districts.Where(d => Input.DistrictIds.Contains(d.Id)).ToListAsync());
        if (Id is null)
        {
            db.Teams.Add(team);
            await db.SaveChangesAsync();
        }
        else if (!await db.TrySaveEditAsync(team, Input.Version))
        {
            ModelState.AddModelError(string.Empty, localizer["Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."]);
            return Page();
        }

        TempData["Message"] = localizer["Das Team „{0}“ wurde gespeichert.", team.Name].Value;
        return RedirectToPage("./Index");
    }

    private async Task LoadChoicesAsync()
    {
        Organizations = await db.Organizations.OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        Districts = await db.Districts.Where(d => d.Level != DistrictLevel.Quartier)
            .OrderBy(d => d.Level).ThenBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Namen ein.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Bitte wählen Sie eine Organisation.")]
        public Guid? OrganizationId { get; set; }

        public List<Guid> DistrictIds { get; set; } = [];

        public bool IsActive { get; set; } = true;

        public int Version { get; set; }
    }
}
