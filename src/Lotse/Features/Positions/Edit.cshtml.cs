using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Positions;

/// <summary>A KIM position: module, organisation, FTE, holder, filled/vacant since, cost and funding rate.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class EditModel(LotseDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Modules { get; } =
        [.. Enum.GetValues<FundingModule>().Select(m => new SelectListItem(Funding.ModuleName(m), m.ToString()))];

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Holders { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadChoicesAsync();
        if (Id is null)
        {
            return Page();
        }

        if (await db.Positions.FindAsync(Id) is not { } p)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Title = p.Title,
            Module = p.Module,
            OrganizationId = p.OrganizationId,
            Fte = p.Fte,
            HolderId = p.HolderId,
            FilledSince = p.FilledSince,
            VacantSince = p.VacantSince,
            AnnualCost = p.AnnualCost,
            FundingRatePercent = p.FundingRate is { } rate ? rate * 100 : null,
            Version = p.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChoicesAsync();
        if (Input.OrganizationId is { } organization && !await db.Organizations.AnyAsync(o => o.Id == organization))
        {
            ModelState.AddModelError("Input.OrganizationId", localizer["Bitte wählen Sie eine Organisation."]);
        }

        if (Input.HolderId is not null && Input.VacantSince is not null)
        {
            ModelState.AddModelError("Input.VacantSince", localizer["Eine besetzte Stelle ist nicht unbesetzt: Inhaber:in oder „unbesetzt seit“ leeren."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var position = Id is null ? new Position { Title = string.Empty } : await db.Positions.FindAsync(Id);
        if (position is null)
        {
            return NotFound();
        }

        position.Title = Input.Title.Trim();
        position.Module = Input.Module;
        position.OrganizationId = Input.OrganizationId!.Value;
        position.Fte = Input.Fte;
        position.HolderId = Input.HolderId;
        position.FilledSince = Input.HolderId is null ? null : Input.FilledSince;
        position.VacantSince = Input.HolderId is null ? Input.VacantSince : null;
        position.AnnualCost = Input.AnnualCost;
        position.FundingRate = Input.FundingRatePercent is { } percent ? Math.Round(percent / 100, 4) : null;
        if (Id is null)
        {
            db.Positions.Add(position);
            await db.SaveChangesAsync();
        }
        else if (!await db.TrySaveEditAsync(position, Input.Version))
        {
            ModelState.AddModelError(string.Empty, localizer["Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."]);
            return Page();
        }

        TempData["Message"] = localizer["Die Stelle „{0}“ wurde gespeichert.", position.Title].Value;
        return RedirectToPage("./Index");
    }

    private async Task LoadChoicesAsync()
    {
        Organizations = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync();
        Holders = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DisplayName)
            .Select(u => new SelectListItem(u.DisplayName + " (" + u.Organization!.Name + ")", u.Id.ToString())).ToListAsync();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie eine Bezeichnung ein.")]
        [StringLength(200, ErrorMessage = "Höchstens 200 Zeichen.")]
        public string Title { get; set; } = string.Empty;

        public FundingModule Module { get; set; } = FundingModule.CaseManagement;

        [Required(ErrorMessage = "Bitte wählen Sie eine Organisation.")]
        public Guid? OrganizationId { get; set; }

        [Range(0.05, 2, ErrorMessage = "Der Stellenumfang liegt zwischen 0,05 und 2 VZÄ.")]
        public decimal Fte { get; set; } = 1.0m;

        public Guid? HolderId { get; set; }

        public DateOnly? FilledSince { get; set; }

        public DateOnly? VacantSince { get; set; }

        [Range(0, 10_000_000, ErrorMessage = "Die Jahreskosten liegen zwischen 0 und 10.000.000 €.")]
        public decimal? AnnualCost { get; set; }

        [Range(0, 100, ErrorMessage = "Die Förderquote liegt zwischen 0 und 100 %.")]
        public decimal? FundingRatePercent { get; set; }

        public int Version { get; set; }
    }
}
