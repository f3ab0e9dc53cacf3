using System.Globalization;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

/// <summary>The case journey: opening, phases, closing and reopening, and the work inside a case.</summary>
public sealed partial class CaseService(LotseDbContext db, ClientService clients, TimeProvider time)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Loads a case with what authorization and the case page need, or null.</summary>
    public Task<Case?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Cases.Include(c => c.Client).Include(c => c.Deputies).ThenInclude(d => d.User).Include(c => c.EmergencyAccesses).ThenInclude(e => e.User)
            .Include(c => c.Members).ThenInclude(m => m.Client)
            .Include(c => c.Responsible).Include(c => c.Team).Include(c => c.PhaseChanges).Include(c => c.Organization)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public async Task<Case> OpenAsync(Guid actorId, Guid organizationId, Client client, Guid? responsibleUserId, string? accessRouteCode,
        IReadOnlyCollection<Guid> memberIds, CancellationToken cancellationToken = default)
    {
        if (client.OrganizationId != organizationId)
        {
            throw new RuleViolationException("clientId", "Die Klientin oder der Klient wurde nicht gefunden.");
        }

        if (await db.Cases.Where(c => c.ClientId == client.Id && c.Phase != CasePhase.Closed).Select(c => c.Reference).FirstOrDefaultAsync(cancellationToken) is { } open)
        {
            throw new RuleViolationException("clientId", "Für diese Person gibt es schon einen offenen Fall ({0}). Ein Weg pro Person: Arbeiten Sie in diesem Fall weiter.", open);
        }

        var responsible = await db.Users.SingleOrDefaultAsync(u => u.Id == (responsibleUserId ?? actorId) && u.OrganizationId == organizationId && u.IsActive, cancellationToken)
            ?? throw new RuleViolationException("responsibleUserId", "Die verantwortliche Fachkraft muss zur eigenen Organisation gehören.");
        if (accessRouteCode is not null && !await db.IsCatalogCodeAsync(CatalogKind.AccessRoute, accessRouteCode, cancellationToken: cancellationToken))
        {
            throw new RuleViolationException("accessRoute", "Bitte wählen Sie einen Zugangsweg aus der Liste.");
        }

        var members = memberIds.Count == 0 ? [] : await db.Clients
            .Where(c => memberIds.Contains(c.Id) && c.OrganizationId == organizationId && c.Id != client.Id && c.HouseholdId != null && c.HouseholdId == client.HouseholdId)
            .ToListAsync(cancellationToken);
        if (members.Count != memberIds.Count(id => id != client.Id))
        {
            throw new RuleViolationException("memberIds", "Mitglieder des Falls müssen zum Haushalt gehören.");
        }

        var year = Today.Year;
        var prefix = $"F-{year}-";
        var count = await db.Cases.CountAsync(c => c.OrganizationId == organizationId && c.Reference.StartsWith(prefix), cancellationToken);
        var @case = new Case
        {
            Reference = prefix + (count + 1).ToString("0000", CultureInfo.InvariantCulture),
            ClientId = client.Id,
            OrganizationId = organizationId,
            ResponsibleUserId = responsible.Id,
            TeamId = responsible.TeamId,
            AccessRouteCode = accessRouteCode,
            OpenedOn = Today,
            Phase = CasePhase.Clearing,
        };
        @case.Members.AddRange(members.Select(m => new CaseMember { ClientId = m.Id }));
        @case.PhaseChanges.Add(new CasePhaseChange { To = CasePhase.Clearing, At = Now, UserId = actorId, Note = "eröffnet" });
        db.Cases.Add(@case);
        await db.SaveChangesAsync(cancellationToken);
        await clients.SyncResidenceDeadlinesAsync(client.Id, cancellationToken);
        return @case;
    }

    /// <summary>
    /// Moves the case to another phase: one step forward or back to any earlier phase. From Closed,
    /// any other phase reopens the case and keeps its history.
    /// </summary>
    public async Task TransitionAsync(Case @case, CasePhase to, Guid actorId, string? note, CancellationToken cancellationToken = default)
    {
        if (to == CasePhase.Closed)
        {
            throw new RuleViolationException("to", "Ein Fall wird über „Fall abschließen“ mit einem Abschlussgrund geschlossen.");
        }

        if (to == @case.Phase)
        {
            throw new RuleViolationException("to", "Der Fall ist bereits in dieser Phase.");
        }

        var reopening = @case.Phase == CasePhase.Closed;
        if (!reopening && to > @case.Phase && to != @case.Phase + 1)
        {
            throw new RuleViolationException("to", "Phasen werden nacheinander durchlaufen; zurück geht es jederzeit.");
        }

        @case.PhaseChanges.Add(new CasePhaseChange { From = @case.Phase, To = to, At = Now, UserId = actorId, Note = reopening ? note ?? "wiedereröffnet" : note });
        @case.Phase = to;
        if (reopening)
        {
            @case.ClosedOn = null;
            @case.ClosureReasonCode = null;
            @case.ClosureNote = null;
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Open goals that closing would leave behind.</summary>
    public Task<List<Goal>> OpenGoalsAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.Goals.Where(g => g.CaseId == caseId && g.Status == GoalStatus.Open).OrderBy(g => g.AgreedOn).ToListAsync(cancellationToken);

    /// <summary>Closes the case with a reason; open goals must be resolved first or carried over explicitly.</summary>
    public async Task CloseAsync(Case @case, string? reasonCode, string? note, bool carryOverOpenGoals, Guid actorId, CancellationToken cancellationToken = default)
    {
        if (@case.Phase == CasePhase.Closed)
        {
            throw new RuleViolationException("reason", "Der Fall ist bereits abgeschlossen.");
        }

        if (string.IsNullOrWhiteSpace(reasonCode) || !await db.IsCatalogCodeAsync(CatalogKind.ClosureReason, reasonCode, cancellationToken: cancellationToken))
        {
            throw new RuleViolationException("reason", "Bitte wählen Sie einen Abschlussgrund.");
        }

        var openGoals = await OpenGoalsAsync(@case.Id, cancellationToken);
        if (openGoals.Count > 0 && !carryOverOpenGoals)
        {
            throw new RuleViolationException("carryOverOpenGoals",
                "Offene Ziele: {0}. Bewerten Sie sie oder übernehmen Sie sie ausdrücklich als „übergeben“.", string.Join("; ", openGoals.Select(g => g.Title)));
        }

        foreach (var goal in openGoals)
        {
            goal.Status = GoalStatus.CarriedOver;
        }

        @case.PhaseChanges.Add(new CasePhaseChange { From = @case.Phase, To = CasePhase.Closed, At = Now, UserId = actorId, Note = note });
        @case.Phase = CasePhase.Closed;
        @case.ClosedOn = Today;
        @case.ClosureReasonCode = reasonCode;
        @case.ClosureNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Assessment> AddAssessmentAsync(Case @case, DateOnly date, string? note, IEnumerable<AssessmentRating> ratings, Guid actorId, CancellationToken cancellationToken = default)
    {
        EnsureOpen(@case);
        if (date > Today)
        {
            throw new RuleViolationException("date", "Das Datum des Assessments liegt in der Zukunft.");
        }

        var needAreas = await db.CatalogCodesAsync(CatalogKind.NeedArea, cancellationToken);
        var list = ratings.Where(r => r.Rating is not null || !string.IsNullOrWhiteSpace(r.Resources) || !string.IsNullOrWhiteSpace(r.Note)).ToList();
        if (list.Count == 0)
        {
            throw new RuleViolationException("ratings", "Bitte bewerten Sie mindestens ein Handlungsfeld.");
        }

        if (list.FirstOrDefault(r => !needAreas.Contains(r.NeedAreaCode)) is { } unknown)
        {
            throw new RuleViolationException("ratings", "Unbekanntes Handlungsfeld: {0}", unknown.NeedAreaCode);
        }

        if (list.Any(r => r.Rating is < 1 or > 5))
        {
            throw new RuleViolationException("ratings", "Die Einschätzung reicht von 1 (akuter Handlungsbedarf) bis 5 (selbstständig).");
        }

        var assessment = new Assessment { CaseId = @case.Id, Date = date, Note = note, UserId = actorId, Ratings = list };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>Agrees a goal with the steps agreed with it (usually the first): all are saved together or none.</summary>
    public async Task<Goal> AddGoalAsync(Case @case, string needAreaCode, string title, DateOnly agreedOn, DateOnly? dueOn, IReadOnlyList<StepDraft>? steps = null, CancellationToken cancellationToken = default)
    {
        EnsureOpen(@case);
        if (!await db.IsCatalogCodeAsync(CatalogKind.NeedArea, needAreaCode, cancellationToken: cancellationToken))
        {
            throw new RuleViolationException("needArea", "Bitte wählen Sie ein Handlungsfeld.");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("title", "Bitte beschreiben Sie das Ziel.");
        }

        if (dueOn is { } due && due < agreedOn)
        {
            throw new RuleViolationException("dueOn", "Das Zieldatum liegt vor dem Tag der Vereinbarung.");
        }

        var goal = new Goal { CaseId = @case.Id, NeedAreaCode = needAreaCode, Title = title.Trim(), AgreedOn = agreedOn, DueOn = dueOn };
        // Every step is checked before anything is added: a refused step leaves nothing behind, not even in the tracker.
        var newSteps = (steps ?? []).Select(step => NewStep(goal, step.Title, step.Responsible, step.PartnerName, step.DueOn)).ToList();
        db.Goals.Add(goal);
        db.GoalSteps.AddRange(newSteps);

        await db.SaveChangesAsync(cancellationToken);
        return goal;
    }

    /// <summary>A step agreed together with its goal.</summary>
    public sealed record StepDraft(string Title, StepResponsible Responsible, string? PartnerName, DateOnly? DueOn);

    public async Task<GoalStep> AddStepAsync(Goal goal, string title, StepResponsible responsible, string? partnerName, DateOnly? dueOn, CancellationToken cancellationToken = default)
    {
        var step = NewStep(goal, title, responsible, partnerName, dueOn);
        db.GoalSteps.Add(step);
        await db.SaveChangesAsync(cancellationToken);
        return step;
    }

    private GoalStep NewStep(Goal goal, string title, StepResponsible responsible, string? partnerName, DateOnly? dueOn)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("title", "Bitte beschreiben Sie den Schritt.");
        }

        if (responsible == StepResponsible.Partner && string.IsNullOrWhiteSpace(partnerName))
        {
            throw new RuleViolationException("partnerName", "Bitte nennen Sie den Partner, der den Schritt übernimmt.");
        }

        return new GoalStep { GoalId = goal.Id, Title = title.Trim(), Responsible = responsible, PartnerName = partnerName?.Trim(), DueOn = dueOn, CreatedAt = Now };
    }

    public async Task SetStepStatusAsync(GoalStep step, StepStatus status, CancellationToken cancellationToken = default)
    {
        step.Status = status;
        step.DoneOn = status == StepStatus.Done ? Today : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records the result of a goal; <paramref name="versionRead"/> detects a concurrent edit.</summary>
    public async Task<bool> SetGoalResultAsync(Goal goal, GoalStatus status, string? result, int versionRead, CancellationToken cancellationToken = default)
    {
        goal.Status = status;
        goal.Result = string.IsNullOrWhiteSpace(result) ? null : result.Trim();
        return await db.TrySaveEditAsync(goal, versionRead, cancellationToken);
    }

    public async Task<Encounter> AddEncounterAsync(Case @case, Encounter encounter, CancellationToken cancellationToken = default)
    {
        if (!await db.IsCatalogCodeAsync(CatalogKind.EncounterKind, encounter.KindCode, cancellationToken: cancellationToken))
        {
            throw new RuleViolationException("kind", "Bitte wählen Sie die Art des Kontakts.");
        }

        if (encounter.DurationMinutes is < 1 or > 1440)
        {
            throw new RuleViolationException("durationMinutes", "Die Dauer liegt zwischen 1 und 1440 Minuten.");
        }

        if (encounter.At > Now.AddHours(1))
        {
            throw new RuleViolationException("at", "Ein Kontakt wird erfasst, wenn er stattgefunden hat – der Zeitpunkt liegt in der Zukunft.");
        }

        var needAreas = await db.CatalogCodesAsync(CatalogKind.NeedArea, cancellationToken);
        if (encounter.NeedAreaCodes.FirstOrDefault(c => !needAreas.Contains(c)) is { } unknown)
        {
            throw new RuleViolationException("needAreas", "Unbekanntes Handlungsfeld: {0}", unknown);
        }

        encounter.CaseId = @case.Id;
        encounter.CreatedAt = Now;
        db.Encounters.Add(encounter);
        await db.SaveChangesAsync(cancellationToken);
        return encounter;
    }

    public async Task<Deadline> AddDeadlineAsync(Case @case, string title, DateOnly dueOn, int leadDays, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new RuleViolationException("title", "Bitte beschreiben Sie die Frist.");
        }

        if (leadDays is < 0 or > 365)
        {
            throw new RuleViolationException("leadDays", "Die Vorlaufzeit liegt zwischen 0 und 365 Tagen.");
        }

        var deadline = new Deadline { CaseId = @case.Id, Title = title.Trim(), DueOn = dueOn, LeadDays = leadDays };
        db.Deadlines.Add(deadline);
        await db.SaveChangesAsync(cancellationToken);
        return deadline;
    }

    public async Task SetDeadlineDoneAsync(Deadline deadline, bool done, CancellationToken cancellationToken = default)
    {
        deadline.DoneOn = done ? Today : null;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void EnsureOpen(Case @case)
    {
        if (@case.Phase == CasePhase.Closed)
        {
            throw new RuleViolationException(string.Empty, "Der Fall ist abgeschlossen. Öffnen Sie ihn wieder, um weiterzuarbeiten.");
        }
    }

}
