namespace Lotse.Features.Cases;

// The case journey's request and answer bodies of the API (CaseApi).

public sealed record CaseDto(
    Guid Id, string Reference, Guid ClientId, string ClientName, Guid OrganizationId, Guid ResponsibleUserId, Guid? TeamId,
    CasePhase Phase, string? AccessRoute, DateOnly OpenedOn, DateOnly? ClosedOn, string? ClosureReason,
    IReadOnlyList<Guid> MemberIds, IReadOnlyList<Guid> DeputyIds, int Version)
{
    public static CaseDto From(Case c) => new(
        c.Id, c.Reference, c.ClientId, c.Client?.FullName ?? string.Empty, c.OrganizationId, c.ResponsibleUserId, c.TeamId,
        c.Phase, c.AccessRouteCode, c.OpenedOn, c.ClosedOn, c.ClosureReasonCode,
        [.. c.Members.Select(m => m.ClientId)], [.. c.Deputies.Select(d => d.UserId)], c.Version);
}

public sealed record CaseCreate(Guid? ClientId, string? AccessRoute, Guid? ResponsibleUserId, IReadOnlyList<Guid>? MemberIds);

public sealed record TransitionRequest(CasePhase? To, string? Note);

public sealed record CloseRequest(string? Reason, string? Note, bool? CarryOverOpenGoals);

public sealed record RatingDto(string NeedArea, int? Rating, string? Resources, string? Note);

public sealed record AssessmentDto(Guid Id, DateOnly Date, string? Note, IReadOnlyList<RatingDto> Ratings)
{
    public static AssessmentDto From(Assessment a) => new(a.Id, a.Date, a.Note, [.. a.Ratings.Select(r => new RatingDto(r.NeedAreaCode, r.Rating, r.Resources, r.Note))]);
}

public sealed record AssessmentWrite(DateOnly? Date, string? Note, IReadOnlyList<RatingDto>? Ratings);

public sealed record StepDto(Guid? Id, string Title, StepResponsible Responsible, string? PartnerName, DateOnly? DueOn, StepStatus? Status);

public sealed record GoalDto(Guid Id, string NeedArea, string Title, DateOnly AgreedOn, DateOnly? DueOn, GoalStatus Status, string? Result, IReadOnlyList<StepDto> Steps)
{
    public static GoalDto From(Goal g) => new(g.Id, g.NeedAreaCode, g.Title, g.AgreedOn, g.DueOn, g.Status, g.Result,
        [.. g.Steps.Select(s => new StepDto(s.Id, s.Title, s.Responsible, s.PartnerName, s.DueOn, s.Status))]);
}

public sealed record GoalWrite(string? NeedArea, string? Title, DateOnly? AgreedOn, DateOnly? DueOn, IReadOnlyList<StepDto>? Steps);

public sealed record EncounterDto(Guid Id, DateTime At, int DurationMinutes, string Kind, bool InterpreterUsed, string? InterpreterLanguage, IReadOnlyList<string> NeedAreas, string? Note)
{
    public static EncounterDto From(Encounter e) => new(e.Id, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.DurationMinutes, e.KindCode, e.InterpreterUsed, e.InterpreterLanguage, e.NeedAreaCodes, e.Note);
}

public sealed record EncounterWrite(DateTime? At, int? DurationMinutes, string? Kind, bool? InterpreterUsed, string? InterpreterLanguage, IReadOnlyList<string>? NeedAreas, string? Note);

public sealed record DeadlineDto(Guid Id, Guid CaseId, string Title, DeadlineKind Kind, DateOnly DueOn, int LeadDays, DateOnly? DoneOn)
{
    public static DeadlineDto From(Deadline d) => new(d.Id, d.CaseId, d.Title, d.Kind, d.DueOn, d.LeadDays, d.DoneOn);
}

public sealed record DeadlineWrite(string? Title, DateOnly? DueOn, int? LeadDays);
