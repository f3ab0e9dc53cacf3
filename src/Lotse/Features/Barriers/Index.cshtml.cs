using Lotse.Data;
using Lotse.Features.Referrals;
using Lotse.Features.Reports;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Barriers;

/// <summary>
/// The coordination office's list of structural barriers for the steering group: how many cases each
/// affects, status, merging duplicates, and beside them the evidence from the referrals (declined for
/// lack of capacity or responsibility, answer times). Printable.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class IndexModel(LotseDbContext db, BarrierService barriers, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record Row(Barrier Barrier, Cell Cases, string Organization);

    public sealed record Evidence(string Organization, Cell NoCapacity, Cell NotResponsible, Cell Answered, decimal? MedianDays);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyList<Evidence> FromReferrals { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Statuses { get; } =
        [.. Enum.GetValues<BarrierStatus>().Select(s => new SelectListItem(BarrierNames.StatusName(s), s.ToString()))];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostStatusAsync(Guid barrierId, BarrierStatus status)
    {
        await barriers.SetStatusAsync(barrierId, status, HttpContext.RequestAborted);
        TempData["Message"] = localizer["Der Stand des Systemhinweises wurde geändert."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMergeAsync(Guid barrierId, Guid into)
    {
        try
        {
            await barriers.MergeAsync(barrierId, into, HttpContext.RequestAborted);
            TempData["Message"] = localizer["Die Systemhinweise wurden zusammengeführt."].Value;
        }
        catch (RuleViolationException violation)
        {
            TempData["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var list = await db.Barriers.AsNoTracking().Where(b => b.MergedIntoId == null)
            .Select(b => new { Barrier = b, Cases = b.Cases.Count }).ToListAsync(cancellationToken);
        // Figures leave the organisations here: counts of 1–4 show as "< 5" (ADR 012).
        Rows = [.. list.OrderBy(b => b.Barrier.Status).ThenByDescending(b => b.Cases).ThenBy(b => b.Barrier.Institution)
            .Select(b => new Row(b.Barrier, Count(b.Cases), organizations.GetValueOrDefault(b.Barrier.CreatedByOrganizationId, "?")))];

        var answered = await db.Referrals.AsNoTracking().Where(r => r.SentAt != null)
            .GroupBy(r => r.RecipientOrganizationId)
            .Select(g => new
            {
                g.Key,
                NoCapacity = g.Count(r => r.DeclineReasonCode == "keine-kapazitaet"),
                NotResponsible = g.Count(r => r.DeclineReasonCode == "nicht-zustaendig"),
                Answered = g.Count(r => r.FirstAnsweredAt != null),
            }).ToListAsync(cancellationToken);
        var times = (await db.Referrals.AsNoTracking().Where(r => r.SentAt != null && r.FirstAnsweredAt != null).Select(r => new { r.RecipientOrganizationId, r.SentAt, r.FirstAnsweredAt }).ToListAsync(cancellationToken))
            .GroupBy(r => r.RecipientOrganizationId).ToDictionary(g => g.Key, g => g.Select(r => (r.FirstAnsweredAt!.Value - r.SentAt!.Value).TotalDays).ToList());
        FromReferrals = [.. answered.Where(a => a.NoCapacity + a.NotResponsible > 0).OrderByDescending(a => a.NoCapacity + a.NotResponsible)
            .Select(a => new Evidence(organizations.GetValueOrDefault(a.Key, "?"), Count(a.NoCapacity), Count(a.NotResponsible), Count(a.Answered),
                times.TryGetValue(a.Key, out var days) && days.Count >= Suppression.Threshold ? KimReportService.Median(days) : null))];
    }

    private static Cell Count(long value) => new("count", "Anzahl", value, Suppression.IsSmall(value) ? CellState.Small : CellState.Shown);
}
