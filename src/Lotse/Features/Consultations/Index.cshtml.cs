using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Consultations;

/// <summary>Walk-in questions recorded in seconds, without any personal data, so that they count.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(LotseDbContext db, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ShortConsultation> Today { get; private set; } = [];

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];

    public IEnumerable<SelectListItem> LanguageItems => Languages.All().Select(l => new SelectListItem(l.Name, l.Code));

    public async Task OnGetAsync()
    {
        Input.Date = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        // An empty choice binds as null: it is no choice, not an unknown code.
        Input.NeedAreas = [.. Input.NeedAreas.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct()];
        if (Input.NeedAreas.Count == 0)
        {
            ModelState.AddModelError("Input.NeedAreas", localizer["Bitte wählen Sie mindestens ein Handlungsfeld."]);
        }

        if (Input.NeedAreas.Any(n => !NeedAreas.ContainsKey(n)) || (Input.Language is { Length: > 0 } language && !Languages.IsKnown(language)))
        {
            ModelState.AddModelError(string.Empty, localizer["Die Auswahl enthält einen unbekannten Wert."]);
        }

        if (Input.Date > DateOnly.FromDateTime(time.GetLocalNow().DateTime))
        {
            ModelState.AddModelError("Input.Date", localizer["Das Datum liegt in der Zukunft."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ShortConsultations.Add(new ShortConsultation
        {
            OrganizationId = User.GetOrganizationIdOrEmpty(),
            UserId = User.GetUserId()!.Value,
            Date = Input.Date ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime),
            DurationMinutes = Input.DurationMinutes ?? 15,
            NeedAreaCodes = Input.NeedAreas,
            Language = string.IsNullOrEmpty(Input.Language) ? null : Input.Language,
            InterpreterUsed = Input.InterpreterUsed,
            DistrictId = Input.DistrictId,
            ReferredTo = string.IsNullOrWhiteSpace(Input.ReferredTo) ? null : Input.ReferredTo.Trim(),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = localizer["Die Kurzberatung wurde gezählt."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var userId = User.GetUserId();
        Today = await db.ShortConsultations.Where(s => s.UserId == userId && s.Date == today).OrderByDescending(s => s.CreatedAt).ToListAsync();
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, activeOnly: true);
        Districts = await db.Districts.Where(d => d.IsActive && d.Level != DistrictLevel.Stadtbezirk).OrderBy(d => d.Parent!.SortOrder).ThenBy(d => d.SortOrder)
            .Select(d => new SelectListItem(d.Name, d.Id.ToString())).ToListAsync();
    }

    public sealed class InputModel
    {
        public DateOnly? Date { get; set; }

        [Range(1, 480, ErrorMessage = "Die Dauer liegt zwischen 1 und 480 Minuten.")]
        public int? DurationMinutes { get; set; } = 15;

        public List<string> NeedAreas { get; set; } = [];

        public string? Language { get; set; }

        public bool InterpreterUsed { get; set; }

        public Guid? DistrictId { get; set; }

        [StringLength(200, ErrorMessage = "Höchstens 200 Zeichen.")]
        public string? ReferredTo { get; set; }
    }
}
