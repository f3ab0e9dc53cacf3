using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Privacy;

/// <summary>
/// The data protection officer's retention report: who is due (counted per organisation, never
/// named), who will be due in the coming twelve months, what is held, and the register of what was
/// anonymised. The officer can start the run that the daily job would otherwise do.
/// </summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class IndexModel(LotseDbContext db, RetentionService retention, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record OrganizationRow(string Organization, int DueNow, int Held, IReadOnlyList<int> ByMonth);

    public sealed record RegisterRow(DateTime At, AnonymisationKind Kind, string Organization, string? User, int Cases, int Documents, string? Reason);

    public int Years => retention.Years;

    public DateOnly Today => retention.Today;

    /// <summary>The first day of each of the next twelve months.</summary>
    public IReadOnlyList<DateOnly> Months { get; private set; } = [];

    public IReadOnlyList<OrganizationRow> Rows { get; private set; } = [];

    public IReadOnlyList<RegisterRow> Register { get; private set; } = [];

    public RetentionRun? LastRun { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRunAsync(bool dryRun)
    {
        LastRun = await retention.RunAsync(dryRun, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditOperation.Update, "Retention", null, null, dryRun ? "dry-run" : "run", HttpContext.RequestAborted);
        if (!dryRun)
        {
            TempData["Message"] = localizer["Aufbewahrungslauf: {0} Personen anonymisiert.", LastRun.Anonymised].Value;
            return RedirectToPage();
        }

        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        // This month (from tomorrow) and the eleven after it.
        var firstMonth = new DateOnly(Today.Year, Today.Month, 1);
        Months = [.. Enumerable.Range(0, 12).Select(firstMonth.AddMonths)];
        var candidates = await retention.DueUntilAsync(firstMonth.AddMonths(12).AddDays(-1), cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        Rows = [.. candidates.GroupBy(c => c.OrganizationId)
            .Select(g => new OrganizationRow(
                organizations.GetValueOrDefault(g.Key, "?"),
                g.Count(c => c.DueOn <= Today && !c.LegalHold && !c.Restricted),
                g.Count(c => c.LegalHold || c.Restricted),
                [.. Months.Select(m => g.Count(c => c.DueOn > Today && c.DueOn >= m && c.DueOn < m.AddMonths(1)))]))
            .OrderBy(r => r.Organization)];

        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        Register = [.. (await db.Anonymisations.AsNoTracking().OrderByDescending(a => a.At).Take(200).ToListAsync(cancellationToken))
            .Select(a => new RegisterRow(a.At, a.Kind, organizations.GetValueOrDefault(a.OrganizationId, "?"), a.UserId is { } u ? users.GetValueOrDefault(u) : null, a.Cases, a.Documents, a.Reason))];
    }
}
