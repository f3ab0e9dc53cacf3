using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Districts;
using Lotse.Features.Organizations;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Reports;

/// <summary>
/// The KIM report on screen, for the Verwendungsnachweis and the Sachbericht. Coordinators see every
/// organisation, always with small numbers suppressed; a team lead sees the own organisation in full.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public sealed class IndexModel(LotseDbContext db, KimReportService reports, FirstPrints prints, AuditLog audit, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? DistrictId { get; set; }

    public KimReportData? Report { get; private set; }

    public string? Error { get; private set; }

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];

    public bool Coordinator => ReportAccess.SeesEveryOrganization(User);

    /// <summary>Presets: this year, last year, the half-years and quarters of this year (all on the grid of figures that leave).</summary>
    public IReadOnlyList<(string Label, DateOnly From, DateOnly To)> Presets { get; private set; } = [];

    public Dictionary<string, string> Query => new()
    {
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["organizationId"] = OrganizationId?.ToString() ?? "",
        ["districtId"] = DistrictId?.ToString() ?? "",
    };

    public async Task OnGetAsync() => await LoadAsync(screen: true);

    public async Task<IActionResult> OnGetCsvAsync() =>
        await LoadAsync(screen: false) is { } report ? File(ReportFiles.Csv(report), "text/csv; charset=utf-8", FileName(report) + ".csv") : Page();

    public async Task<IActionResult> OnGetXlsxAsync() =>
        await LoadAsync(screen: false) is { } report
            ? File(ReportFiles.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileName(report) + ".xlsx")
            : Page();

    private static string FileName(KimReportData report) => $"kim-bericht-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}";

    private async Task<KimReportData?> LoadAsync(bool screen)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var today = ReportPeriod.Today(time);
        Presets =
        [
            (today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            ((today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(today.Year - 1, 1, 1), new DateOnly(today.Year - 1, 12, 31)),
            .. Enumerable.Range(0, 2).Select(h => ($"H{h + 1}/{today.Year}", new DateOnly(today.Year, (h * 6) + 1, 1), new DateOnly(today.Year, (h * 6) + 1, 1).AddMonths(6).AddDays(-1))),
            .. Enumerable.Range(0, 4).Select(q => ($"Q{q + 1}/{today.Year}", new DateOnly(today.Year, (q * 3) + 1, 1), new DateOnly(today.Year, (q * 3) + 1, 1).AddMonths(3).AddDays(-1))),
        ];
        Organizations = Coordinator
            ? [.. await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.WelfareOrganization || db.Cases.Any(c => c.OrganizationId == o.Id))
                .OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(cancellationToken)]
            : [];
        Districts = await DistrictChoices.TreeAsync(db, cancellationToken);

        var scope = ReportPeriod.ScopeFor(User, OrganizationId, DistrictId);
        // Figures leave the owning organisation when a coordinator looks, and in every file.
        var suppress = !screen || Coordinator || scope.OrganizationId != User.GetOrganizationId();
        var period = ReportPeriod.Resolve(From, To, time, onGrid: suppress);
        if (period.Error is { } error)
        {
            Error = error;
            return null;
        }

        // The period asked for stays in the form (figures that leave may end earlier, with the last complete month).
        (From, To) = (period.From, To ?? new DateOnly(period.From.Year, 12, 31));
        Report = await prints.CompareAsync(await reports.BuildAsync(period.From, period.To, scope, suppress, cancellationToken), scope, cancellationToken);
        await audit.RecordAsync(screen ? AuditOperation.Read : AuditOperation.Export, "KimReport", null, null,
            $"{period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}", cancellationToken);
        return Report;
    }
}
