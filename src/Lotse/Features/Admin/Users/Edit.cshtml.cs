using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Admin.Users;

public sealed class EditModel(
    LotseDbContext db,
    UserManager<User> users,
    UserAdministration administration,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public User? Existing { get; private set; }

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Existing is not null)
        {
            Input = new InputModel
            {
                Email = Existing.Email ?? string.Empty,
                DisplayName = Existing.DisplayName,
                OrganizationId = Existing.OrganizationId,
                TeamId = Existing.TeamId,
                Roles = [.. await users.GetRolesAsync(Existing)],
                ConcurrencyStamp = Existing.ConcurrencyStamp,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Id is null && string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", localizer["Bitte vergeben Sie ein Anfangspasswort."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var input = new UserInput(Input.Email, Input.DisplayName, Input.OrganizationId ?? Guid.Empty, Input.TeamId, Input.Roles);
        AdminResult result;
        if (Id is null)
        {
            (result, _) = await administration.CreateAsync(input, Input.Password!);
        }
        else
        {
            result = await administration.UpdateAsync(Id.Value, input, Input.ConcurrencyStamp ?? string.Empty);
        }

        if (!result.Succeeded)
        {
            foreach (var (field, message) in result.Errors)
            {
                ModelState.AddModelError(field.Length == 0 ? string.Empty : "Input." + field, localizer[message]);
            }

            return Page();
        }

        TempData["Message"] = localizer["Der Benutzer {0} wurde gespeichert.", Input.Email].Value;
        return RedirectToPage("./Index");
    }

    public async Task<IActionResult> OnPostActiveAsync(bool active)
    {
        if (Id is null)
        {
            return NotFound();
        }

        if (!active && string.Equals(users.GetUserId(User), Id.Value.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            TempData["Message"] = localizer["Sie können sich nicht selbst deaktivieren."].Value;
            return RedirectToPage(new { id = Id });
        }

        var result = await administration.SetActiveAsync(Id.Value, active);
        TempData["Message"] = result.Succeeded
            ? (active ? localizer["Der Benutzer wurde wieder aktiviert."] : localizer["Der Benutzer wurde deaktiviert. Offene Sitzungen und Tokens gelten nicht mehr."]).Value
            : localizer[result.Errors[0].Message].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync()
    {
        if (Id is null)
        {
            return NotFound();
        }

        var result = await administration.ResetTwoFactorAsync(Id.Value);
        TempData["Message"] = result.Succeeded
            ? localizer["Der zweite Faktor wurde zurückgesetzt. Der Benutzer richtet ihn bei der nächsten Anmeldung neu ein."].Value
            : localizer[result.Errors[0].Message].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task<bool> LoadAsync()
    {
        if (Id is not null)
        {
            Existing = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == Id);
            if (Existing is null)
            {
                return false;
            }
        }

        Organizations = await db.Organizations.Where(o => o.IsActive || (Existing != null && o.Id == Existing.OrganizationId))
            .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        Teams = await db.Teams.Where(t => t.IsActive).OrderBy(t => t.Organization!.Name).ThenBy(t => t.Name)
            .Select(t => new SelectListItem(t.Organization!.Name + " – " + t.Name, t.Id.ToString())).ToListAsync();
        return true;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie die E-Mail-Adresse ein.")]
        [EmailAddress(ErrorMessage = "Die E-Mail-Adresse ist ungültig.")]
        [StringLength(256, ErrorMessage = "Die E-Mail-Adresse ist zu lang.")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Bitte geben Sie einen Namen ein.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Bitte wählen Sie eine Organisation.")]
        public Guid? OrganizationId { get; set; }

        public Guid? TeamId { get; set; }

        public List<string> Roles { get; set; } = [];

        public string? Password { get; set; }

        public string? ConcurrencyStamp { get; set; }
    }
}
