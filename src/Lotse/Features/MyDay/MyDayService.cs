using System.Security.Claims;
using Lotse.Data;
using Lotse.Features.Calendar;
using Lotse.Features.Cases;
using Lotse.Features.Referrals;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.MyDay;

public sealed record DayCase(Guid CaseId, string Reference, string ClientName);

public sealed record DayDeadline(DayCase Case, string Title, DateOnly DueOn, bool Overdue);

public sealed record DayStep(DayCase Case, string Goal, string Title, DateOnly DueOn);

public sealed record DayQuiet(DayCase Case, DateTime? LastContact);

public sealed record DayAppointment(string Title, DateTime Start, DateTime End, string? Location, DayCase? Case);

/// <summary>A referral of one of the user's cases that changed recently or waits too long for an answer.</summary>
public sealed record DayReferral(DayCase Case, Guid ReferralId, string Target, ReferralStatus Status, DateTime At, bool Overdue);

public sealed record Caseload(string Name, int Open, int Clearing);

/// <summary>"Mein Tag": what a case manager (or the team, for a team lead) must look at today.</summary>
public sealed class MyDayData
{
    public IReadOnlyList<DayAppointment> Appointments { get; init; } = [];

    public IReadOnlyList<DayDeadline> Deadlines { get; init; } = [];

    public IReadOnlyList<DayStep> OverdueSteps { get; init; } = [];

    public IReadOnlyList<DayQuiet> WithoutContact { get; init; } = [];

    public IReadOnlyList<DayCase> InClearing { get; init; } = [];

    public IReadOnlyList<Caseload> Caseloads { get; init; } = [];

    public IReadOnlyList<DayReferral> Referrals { get; init; } = [];

    public int NoContactWeeks { get; init; }

    /// <summary>The day of the cases whose client name or reference contains <paramref name="text"/>: the filter by case.</summary>
    public MyDayData For(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return this;
        }

        var wanted = text.Trim();
        bool Matches(DayCase? c) => c is not null
            && (c.ClientName.Contains(wanted, StringComparison.CurrentCultureIgnoreCase) || c.Reference.Contains(wanted, StringComparison.OrdinalIgnoreCase));
        return new MyDayData
        {
            Appointments = [.. Appointments.Where(a => Matches(a.Case))],
            Deadlines = [.. Deadlines.Where(d => Matches(d.Case))],
            OverdueSteps = [.. OverdueSteps.Where(s => Matches(s.Case))],
            WithoutContact = [.. WithoutContact.Where(q => Matches(q.Case))],
            InClearing = [.. InClearing.Where(Matches)],
            Caseloads = Caseloads,
            Referrals = [.. Referrals.Where(r => Matches(r.Case))],
            NoContactWeeks = NoContactWeeks,
        };
    }
}

public sealed class MyDayService(LotseDbContext db, ReferralService referralService, TimeProvider time, IOptionsMonitor<LotseOptions> options)
{
    /// <summary>The user's own day; with <paramref name="team"/> the day of the team lead's team.</summary>
    public async Task<MyDayData> LoadAsync(ClaimsPrincipal user, bool team, CancellationToken cancellationToken = default)
    {
        var now = time.GetLocalNow();
        var today = DateOnly.FromDateTime(now.DateTime);
        var userId = user.GetUserId() ?? Guid.Empty;
        var cases = db.Cases.Where(CaseAuthorizationHandler.VisibleTo(user, today)).Where(c => c.Phase != CasePhase.Closed);
        if (!team)
        {
            cases = cases.Where(c => c.ResponsibleUserId == userId || c.Deputies.Any(d => d.UserId == userId));
        }

        // The access rule (an OR over deputies and emergency access) is evaluated once; the six boxes
        // then look up the few case ids instead of re-running it each (bench/results: before/after).
        var caseIds = await cases.Select(c => c.Id).ToListAsync(cancellationToken);
        cases = db.Cases.Where(c => caseIds.Contains(c.Id));
        var weeks = options.CurrentValue.Cases.NoContactWeeks;
        var quietSince = now.UtcDateTime.AddDays(-7 * weeks);
        // A day is not always 24 hours: where the clocks change, the day's end is the next day's start.
        var zone = new LocalZone(time);
        var dayStart = zone.StartOf(today);
        var dayEnd = zone.StartOf(today.AddDays(1));

        // Lead times are at most a year, so the database narrows by that and each lead time is applied here.
        var horizon = today.AddDays(366);
        var deadlines = (await db.Deadlines.Where(d => caseIds.Contains(d.CaseId) && d.DoneOn == null && d.DueOn <= horizon)
            .OrderBy(d => d.DueOn).Take(500)
            .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.Title, d.DueOn, d.LeadDays, c.Id, c.Reference, c.Client!.GivenName, c.Client.FamilyName })
            .ToListAsync(cancellationToken))
            .Where(d => d.DueOn.AddDays(-d.LeadDays) <= today)
            .Take(100)
            .ToList();
        var steps = await db.GoalSteps.Where(s => s.Status == StepStatus.Open && s.DueOn < today)
            .Join(db.Goals.Where(g => caseIds.Contains(g.CaseId) && g.Status == GoalStatus.Open), s => s.GoalId, g => g.Id, (s, g) => new { Step = s, Goal = g })
            .Join(db.Cases, x => x.Goal.CaseId, c => c.Id, (x, c) => new { x.Step.Title, DueOn = x.Step.DueOn!.Value, Goal = x.Goal.Title, c.Id, c.Reference, c.Client!.GivenName, c.Client.FamilyName })
            .OrderBy(x => x.DueOn).Take(100).ToListAsync(cancellationToken);
        var quiet = await cases.Where(c => c.Phase != CasePhase.Clearing || c.OpenedOn <= DateOnly.FromDateTime(quietSince))
            .Select(c => new { c.Id, c.Reference, c.Client!.GivenName, c.Client.FamilyName, Last = db.Encounters.Where(e => e.CaseId == c.Id).Max(e => (DateTime?)e.At) })
            .Where(c => c.Last == null || c.Last < quietSince)
            .OrderBy(c => c.Last).Take(50).ToListAsync(cancellationToken);
        var clearing = await cases.Where(c => c.Phase == CasePhase.Clearing).OrderBy(c => c.OpenedOn)
            .Select(c => new { c.Id, c.Reference, c.Client!.GivenName, c.Client.FamilyName }).Take(50).ToListAsync(cancellationToken);
        var appointments = await db.Appointments.Where(a => a.UserId == userId && a.Start < dayEnd && a.End >= dayStart).OrderBy(a => a.Start)
            .Select(a => new { a.Title, a.Start, a.End, a.Location, a.CaseId }).ToListAsync(cancellationToken);
        // An appointment links to its case only while the case is still one of this user's.
        var appointmentCaseIds = appointments.Where(a => a.CaseId is { } id && caseIds.Contains(id)).Select(a => a.CaseId!.Value).Distinct().ToList();
        var appointmentCases = appointmentCaseIds.Count == 0 ? [] : await db.Cases.Where(c => appointmentCaseIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.Client!.GivenName, c.Client.FamilyName }).ToListAsync(cancellationToken);

        // Answers of the last 14 days, and sent referrals that wait longer than the answer period.
        var answeredSince = now.UtcDateTime.AddDays(-14);
        var referralRows = await db.Referrals.Where(r => caseIds.Contains(r.CaseId)
                && ((r.Status == ReferralStatus.Sent) || (r.Status != ReferralStatus.Draft && r.Status != ReferralStatus.Withdrawn && r.UpdatedAt >= answeredSince && r.FirstAnsweredAt != null)))
            .Include(r => r.Offer).Include(r => r.RecipientOrganization).Include(r => r.Case!).ThenInclude(c => c.Client)
            .OrderByDescending(r => r.UpdatedAt).Take(100).ToListAsync(cancellationToken);
        var dayReferrals = referralRows
            .Select(r => new DayReferral(new DayCase(r.CaseId, r.Case!.Reference, r.Case.Client!.FullName), r.Id, r.Offer?.Name ?? r.RecipientOrganization?.Name ?? string.Empty,
                r.Status, r.UpdatedAt, referralService.IsOverdue(r)))
            .Where(r => r.Status != ReferralStatus.Sent || r.Overdue)
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.At).Take(30).ToList();

        IReadOnlyList<Caseload> caseloads = [];
        if (team)
        {
            var counts = await cases.GroupBy(c => c.ResponsibleUserId)
                .Select(g => new { g.Key, Open = g.Count(), Clearing = g.Sum(c => c.Phase == CasePhase.Clearing ? 1 : 0) })
                .ToListAsync(cancellationToken);
            var ids = counts.Select(c => c.Key).ToList();
            var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
            caseloads = [.. counts.Select(c => new Caseload(names.GetValueOrDefault(c.Key, "?"), c.Open, c.Clearing)).OrderByDescending(c => c.Open)];
        }

        static string Name(string? given, string family) => string.IsNullOrWhiteSpace(given) ? family : $"{given} {family}";
        return new MyDayData
        {
            Deadlines = [.. deadlines.Select(d => new DayDeadline(new DayCase(d.Id, d.Reference, Name(d.GivenName, d.FamilyName)), d.Title, d.DueOn, d.DueOn < today))],
            OverdueSteps = [.. steps.Select(s => new DayStep(new DayCase(s.Id, s.Reference, Name(s.GivenName, s.FamilyName)), s.Goal, s.Title, s.DueOn))],
            WithoutContact = [.. quiet.Select(q => new DayQuiet(new DayCase(q.Id, q.Reference, Name(q.GivenName, q.FamilyName)), q.Last))],
            InClearing = [.. clearing.Select(c => new DayCase(c.Id, c.Reference, Name(c.GivenName, c.FamilyName)))],
            Appointments = [.. appointments.Select(a => new DayAppointment(a.Title, a.Start, a.End, a.Location,
                appointmentCases.Where(c => c.Id == a.CaseId).Select(c => new DayCase(c.Id, c.Reference, Name(c.GivenName, c.FamilyName))).FirstOrDefault()))],
            Caseloads = caseloads,
            Referrals = dayReferrals,
            NoContactWeeks = weeks,
        };
    }
}
