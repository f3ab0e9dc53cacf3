using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Reports;

/// <summary>
/// Caseload and capacity per organisation and team: active cases per case manager and per full-time
/// equivalent (from the KIM positions they hold), and who waits in Clearing for how long. No names:
/// coordinators see teams, not people.
/// </summary>
[Authorize(Policy = Policies.Reports)]
public sealed class CaseloadModel(LotseDbContext db, AuditLog audit, TimeProvider time) : PageModel
{
    public sealed record Row(string Organization, string Team, Cell CaseManagers, Cell Active, decimal? PerCaseManager, decimal? Fte, decimal? PerFte, Cell Clearing, Cell WaitingDays, Cell LongestDays);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public bool Suppressed { get; private set; }

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var scope = ReportPeriod.ScopeFor(User, null, null);
        Suppressed = ReportAccess.SeesEveryOrganization(User) || scope.OrganizationId != User.GetOrganizationId();
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);

        var open = db.Cases.AsNoTracking().Where(c => c.ClosedOn == null && (scope.OrganizationId == null || c.OrganizationId == scope.OrganizationId));
        var perTeam = await open.GroupBy(c => new { c.OrganizationId, c.TeamId })
            .Select(g => new { g.Key.OrganizationId, g.Key.TeamId, Active = g.Count(), Clearing = g.Count(c => c.Phase == CasePhase.Clearing) }).ToListAsync(cancellationToken);
        var waiting = await open.Where(c => c.Phase == CasePhase.Clearing).Select(c => new { c.TeamId, c.OrganizationId, c.OpenedOn }).ToListAsync(cancellationToken);
        var caseManagerRole = await db.Roles.Where(r => r.Name == Roles.CaseManager).Select(r => r.Id).SingleAsync(cancellationToken);
        var managers = await db.Users.AsNoTracking().Where(u => u.IsActive && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == caseManagerRole))
            .Where(u => scope.OrganizationId == null || u.OrganizationId == scope.OrganizationId)
            .Select(u => new { u.Id, u.OrganizationId, u.TeamId, Fte = db.Positions.Where(p => p.HolderId == u.Id).Sum(p => (decimal?)p.Fte) }).ToListAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);

        var keys = perTeam.Select(t => (t.OrganizationId, t.TeamId)).Union(managers.Select(m => (m.OrganizationId, m.TeamId))).Distinct();
        Rows = [.. keys.Select(key =>
        {
            var cases = perTeam.FirstOrDefault(t => t.OrganizationId == key.OrganizationId && t.TeamId == key.TeamId);
            var people = managers.Where(m => m.OrganizationId == key.OrganizationId && m.TeamId == key.TeamId).ToList();
            var fte = people.Sum(p => p.Fte ?? 0);
            var active = cases?.Active ?? 0;
            var days = waiting.Where(w => w.OrganizationId == key.OrganizationId && w.TeamId == key.TeamId).Select(w => (double)(today.DayNumber - w.OpenedOn.DayNumber)).ToList();
            var fewWaiting = Suppressed && Suppression.IsSmall(days.Count);
            return new Row(organizations.GetValueOrDefault(key.OrganizationId, "?"), key.TeamId is { } t ? teams.GetValueOrDefault(t, "?") : "ohne Team",
                // Staff are counted, not protected: a team of one is a fact of planning, not a person's secret.
                new Cell("count", "Anzahl", people.Count, CellState.Shown), Count(active),
                people.Count == 0 ? null : Math.Round((decimal)active / people.Count, 1),
                fte == 0 ? null : fte, fte == 0 ? null : Math.Round(active / fte, 1),
                Count(cases?.Clearing ?? 0),
                new Cell("median", "Median", KimReportService.Median(days), fewWaiting ? CellState.Small : CellState.Shown, days.Count),
                new Cell("longest", "längste", days.Count == 0 ? null : (decimal)days.Max(), fewWaiting ? CellState.Small : CellState.Shown, days.Count));
        }).OrderBy(r => r.Organization).ThenBy(r => r.Team)];
        await audit.RecordAsync(AuditOperation.Read, "Caseload", null, null, null, cancellationToken);
    }

    private Cell Count(long value) => new("count", "Anzahl", value, Suppressed && Suppression.IsSmall(value) ? CellState.Small : CellState.Shown);
}
