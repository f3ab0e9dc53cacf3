using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

/// <summary>Assessment and re-assessment: one rating per need area, with the change shown beside it.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class AssessmentModel(
    LotseDbContext db,
    CaseService cases,
    CaseGate gate,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public DateOnly Date { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public List<RatingInput> Ratings { get; set; } = [];

    public CaseOverview Overview { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Label)> Scale { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        Date = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var latest = Overview.Assessments.Count > 0 ? Overview.Assessments[^1] : null;
        Ratings = [.. Overview.NeedAreas.Select(n => new RatingInput { NeedArea = n.Key, Rating = latest?.Ratings.FirstOrDefault(r => r.NeedAreaCode == n.Key)?.Rating })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        try
        {
            await cases.AddAssessmentAsync(Overview.Case, Date, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
                Ratings.Select(r => new AssessmentRating { NeedAreaCode = r.NeedArea ?? string.Empty, Rating = r.Rating, Resources = r.Resources?.Trim(), Note = r.Note?.Trim() }),
                User.GetUserId()!.Value, HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, this);
            return Page();
        }

        TempData["Message"] = localizer["Das Assessment wurde gespeichert."].Value;
        return RedirectToPage("./Details", new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenAsync(Id, CaseOperation.Edit, "Assessments", HttpContext.RequestAborted) is not { } @case)
        {
            return NotFound();
        }

        Overview = await CaseOverview.LoadAsync(db, @case, localizer, HttpContext.RequestAborted);
        Scale = [.. (await CatalogLabels.LoadAsync(db, CatalogKind.AssessmentScale, activeOnly: true, HttpContext.RequestAborted)).Select(e => (e.Key, e.Value))];
        return null;
    }

    public sealed class RatingInput
    {
        // Not required for binding: an empty code is refused by the service with its message, beside the form.
        public string? NeedArea { get; set; }

        public int? Rating { get; set; }

        public string? Resources { get; set; }

        public string? Note { get; set; }
    }
}
