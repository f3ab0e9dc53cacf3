using System.Globalization;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

/// <summary>One line of a case's timeline.</summary>
public sealed record TimelineEntry(DateTime At, string Kind, string Text, string? Detail);

/// <summary>The change of one need area across assessments.</summary>
public sealed record NeedAreaProgress(string Code, string Label, int? First, int? Previous, int? Latest)
{
    public int? SinceFirst => First is { } f && Latest is { } l ? l - f : null;

    public int? SinceLast => Previous is { } p && Latest is { } l ? l - p : null;
}

/// <summary>Everything the case page shows, loaded in a handful of queries.</summary>
public sealed class CaseOverview
{
    public required Case Case { get; init; }

    public required IReadOnlyList<Assessment> Assessments { get; init; }

    public required IReadOnlyList<Goal> Goals { get; init; }

    public required IReadOnlyList<Encounter> Encounters { get; init; }

    public required IReadOnlyList<Deadline> Deadlines { get; init; }

    public required IReadOnlyDictionary<string, string> NeedAreas { get; init; }

    public required IReadOnlyDictionary<string, string> EncounterKinds { get; init; }

    public required IReadOnlyDictionary<Guid, string> UserNames { get; init; }

    public required IReadOnlyList<NeedAreaProgress> Progress { get; init; }

    /// <summary>
    /// The need area a new goal most likely belongs to: the one with the most urgent need in the latest
    /// assessment (rated 1 to 3) that has no open goal yet, the catalogue's order breaking ties. Only a
    /// suggestion on the form; null when the assessment leaves no such area.
    /// </summary>
    public string? SuggestedNeedArea => Progress
        .Where(p => p.Latest <= 3 && !Goals.Any(g => g.Status == GoalStatus.Open && g.NeedAreaCode == p.Code))
        .OrderBy(p => p.Latest)
        .Select(p => p.Code)
        .FirstOrDefault();

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    public required IReadOnlyList<Referral> Referrals { get; init; }

    public required IReadOnlyDictionary<string, string> ReferralStatuses { get; init; }

    public static async Task<CaseOverview> LoadAsync(LotseDbContext db, Case @case, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var assessments = await db.Assessments.Where(a => a.CaseId == @case.Id).Include(a => a.Ratings)
            .OrderBy(a => a.Date).ThenBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        var goals = await db.Goals.Where(g => g.CaseId == @case.Id).Include(g => g.Steps)
            .OrderBy(g => g.AgreedOn).ThenBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        var encounters = await db.Encounters.Where(e => e.CaseId == @case.Id).OrderByDescending(e => e.At).ToListAsync(cancellationToken);
        var deadlines = await db.Deadlines.Where(d => d.CaseId == @case.Id).OrderBy(d => d.DueOn).ToListAsync(cancellationToken);
        var needAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: cancellationToken);
        var kinds = await CatalogLabels.LoadAsync(db, CatalogKind.EncounterKind, cancellationToken: cancellationToken);
        var closure = await CatalogLabels.LoadAsync(db, CatalogKind.ClosureReason, cancellationToken: cancellationToken);
        var referrals = await db.Referrals.Where(r => r.CaseId == @case.Id).Include(r => r.Offer).Include(r => r.RecipientOrganization).Include(r => r.Events)
            .OrderByDescending(r => r.CreatedAt).AsSplitQuery().ToListAsync(cancellationToken);
        var referralStatuses = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralStatus, cancellationToken: cancellationToken);
        var outcomes = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralOutcome, cancellationToken: cancellationToken);
        var declines = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralDeclineReason, cancellationToken: cancellationToken);
        var userIds = encounters.Select(e => e.UserId).Concat(@case.PhaseChanges.Select(p => p.UserId)).Concat(assessments.Select(a => a.UserId)).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);

        var progress = needAreas
            .Select(area =>
            {
                var ratings = assessments.Select(a => a.Ratings.FirstOrDefault(r => r.NeedAreaCode == area.Key)?.Rating).Where(r => r is not null).ToList();
                return new NeedAreaProgress(area.Key, area.Value, ratings.FirstOrDefault(), ratings.Count > 1 ? ratings[^2] : null, ratings.LastOrDefault());
            })
            .Where(p => p.Latest is not null)
            .ToList();

        string Phase(CasePhase phase) => localizer[CasePhases.DisplayName(phase)];
        var timeline = new List<TimelineEntry>();
        timeline.AddRange(@case.PhaseChanges.Select(p => new TimelineEntry(p.At, "phase",
            p.From is null ? localizer["Fall eröffnet ({0})", Phase(p.To)]
            : p.To == CasePhase.Closed ? localizer["Fall abgeschlossen: {0}", closure.GetValueOrDefault(@case.ClosureReasonCode ?? string.Empty, @case.ClosureReasonCode ?? string.Empty)]
            : p.From == CasePhase.Closed ? localizer["Fall wiedereröffnet ({0})", Phase(p.To)]
            : localizer["Phase: {0} → {1}", Phase(p.From.Value), Phase(p.To)], users.GetValueOrDefault(p.UserId))));
        timeline.AddRange(assessments.Select((a, i) => new TimelineEntry(a.Date.ToDateTime(TimeOnly.MinValue), "assessment",
            i == 0 ? localizer["Assessment"] : localizer["Re-Assessment"], localizer["{0} Handlungsfelder eingeschätzt", a.Ratings.Count(r => r.Rating is not null)])));
        timeline.AddRange(goals.Select(g => new TimelineEntry(g.AgreedOn.ToDateTime(TimeOnly.MinValue), "goal", localizer["Ziel vereinbart: {0}", g.Title], needAreas.GetValueOrDefault(g.NeedAreaCode))));
        timeline.AddRange(goals.SelectMany(g => g.Steps).Where(s => s.DoneOn is not null)
            .Select(s => new TimelineEntry(s.DoneOn!.Value.ToDateTime(new TimeOnly(23, 59)), "step", localizer["Schritt erledigt: {0}", s.Title], null)));
        timeline.AddRange(encounters.Select(e => new TimelineEntry(e.At, "encounter",
            localizer["Kontakt: {0}, {1} Min.", kinds.GetValueOrDefault(e.KindCode, e.KindCode), e.DurationMinutes], users.GetValueOrDefault(e.UserId))));
        timeline.AddRange(deadlines.Select(d => new TimelineEntry(d.CreatedAt, "deadline", localizer["Frist eingetragen: {0} ({1})", d.Title, d.DueOn.ToString("d", CultureInfo.CurrentCulture)], null)));
        timeline.AddRange(deadlines.Where(d => d.DoneOn is not null).Select(d => new TimelineEntry(d.DoneOn!.Value.ToDateTime(new TimeOnly(23, 59)), "deadline", localizer["Frist erledigt: {0}", d.Title], null)));

        foreach (var referral in referrals)
        {
            var target = referral.Offer?.Name ?? referral.RecipientOrganization?.Name ?? string.Empty;
            timeline.AddRange(referral.Events.Where(e => e.To != ReferralStatus.Draft).Select(e => new TimelineEntry(e.At, "referral",
                localizer["Vermittlung an {0}: {1}", target, referralStatuses.GetValueOrDefault(ReferralRules.StatusCode(e.To), e.To.ToString())],
                e.ReasonCode is { } code ? outcomes.GetValueOrDefault(code) ?? declines.GetValueOrDefault(code, code) : null)));
        }

        return new CaseOverview
        {
            Case = @case,
            Assessments = assessments,
            Goals = goals,
            Encounters = encounters,
            Deadlines = deadlines,
            NeedAreas = needAreas,
            EncounterKinds = kinds,
            UserNames = users,
            Progress = progress,
            Timeline = [.. timeline.OrderByDescending(t => t.At)],
            Referrals = referrals,
            ReferralStatuses = referralStatuses,
        };
    }
}
