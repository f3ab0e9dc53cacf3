using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

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

/// <summary>The case journey over the API; every endpoint decides access through <see cref="CaseAuthorizationHandler"/>.</summary>
public static class CaseApi
{
    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").RequireAuthorization(Policies.CaseWork).WithTags("Cases");

        cases.MapGet("", async Task<Ok<PagedList<CaseDto>>> (bool? mine, CasePhase? phase, int? page, int? pageSize, HttpContext context, LotseDbContext db, TimeProvider time) =>
        {
            var (p, size) = ApiConventions.Paging(page, pageSize);
            var userId = context.User.GetUserId();
            var query = db.Cases.Where(CaseAuthorizationHandler.VisibleTo(context.User, DateOnly.FromDateTime(time.GetLocalNow().DateTime)));
            if (mine == true)
            {
                query = query.Where(c => c.ResponsibleUserId == userId);
            }

            if (phase is { } wanted)
            {
                query = query.Where(c => c.Phase == wanted);
            }

            var total = await query.CountAsync(context.RequestAborted);
            var items = await query.OrderByDescending(c => c.OpenedOn).ThenBy(c => c.Reference).Skip((p - 1) * size).Take(size)
                .Include(c => c.Client).Include(c => c.Members).Include(c => c.Deputies).AsSplitQuery().ToListAsync(context.RequestAborted);
            return TypedResults.Ok(new PagedList<CaseDto>([.. items.Select(CaseDto.From)], total, p, size));
        })
        .WithSummary("The cases the caller may see; mine=true only those the caller is responsible for.");

        cases.MapPost("", async Task<Results<Created<CaseDto>, ValidationProblem>> (CaseCreate body, HttpContext context, CaseService service, ClientGate clients) =>
        {
            var client = body.ClientId is { } clientId ? await clients.OpenAsync(clientId, ClientOperation.OpenCase, cancellationToken: context.RequestAborted) : null;
            if (client is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = ["Die Klientin oder der Klient wurde nicht gefunden."] });
            }

            try
            {
                var opened = await service.OpenAsync(context.User.GetUserId()!.Value, context.User.GetOrganizationIdOrEmpty(), client,
                    body.ResponsibleUserId, body.AccessRoute, body.MemberIds ?? [], context.RequestAborted);
                var created = await service.FindAsync(opened.Id, context.RequestAborted);
                context.Response.Headers.ETag = ApiConventions.ETag(created!.Version);
                return TypedResults.Created($"/api/v1/cases/{opened.Id}", CaseDto.From(created));
            }
            catch (RuleViolationException violation)
            {
                return ApiConventions.Problem(violation);
            }
        })
        .WithSummary("Opens a case for a client; {\"clientId\": …} is enough (the caller's organisation, the caller responsible).");

        cases.MapGet("/{id:guid}", (Guid id, HttpContext context, CaseService service, CaseGate gate) =>
            WithCaseAsync(id, context, gate, CaseOperation.Read, null, async c =>
            {
                context.Response.Headers.ETag = ApiConventions.ETag(c.Version);
                return TypedResults.Ok(CaseDto.From(c));
            }));

        cases.MapPost("/{id:guid}/transitions", (Guid id, TransitionRequest body, HttpContext context, CaseService service, CaseGate gate) =>
            WithCaseAsync(id, context, gate, CaseOperation.Edit, null, async c =>
            {
                if (body.To is not { } to)
                {
                    throw new RuleViolationException("to", "Bitte geben Sie die Zielphase an (Clearing, Assessment, Planning, Implementation, Evaluation).");
                }

                if (ApiConventions.CheckIfMatchWhenSent(context, c.Version) is { } precondition)
                {
                    return precondition;
                }

                await service.TransitionAsync(c, to, context.User.GetUserId()!.Value, body.Note, context.RequestAborted);
                context.Response.Headers.ETag = ApiConventions.ETag(c.Version);
                return (IResult)TypedResults.Ok(CaseDto.From(c));
            }))
            .WithSummary("Moves a case to another phase: {\"to\": \"Assessment\"}. One step forward, any step back; from Closed it reopens. " +
                "With If-Match the move is made only on that version (412 otherwise); a move that loses a race answers 409 with the current phase and version.");

        cases.MapPost("/{id:guid}/close", (Guid id, CloseRequest body, HttpContext context, CaseService service, CaseGate gate) =>
            WithCaseAsync(id, context, gate, CaseOperation.Close, null, async c =>
            {
                if (ApiConventions.CheckIfMatchWhenSent(context, c.Version) is { } precondition)
                {
                    return precondition;
                }

                await service.CloseAsync(c, body.Reason, body.Note, body.CarryOverOpenGoals ?? false, context.User.GetUserId()!.Value, context.RequestAborted);
                context.Response.Headers.ETag = ApiConventions.ETag(c.Version);
                return (IResult)TypedResults.Ok(CaseDto.From(c));
            }))
            .WithSummary("Closes a case with a closure reason code; open goals need carryOverOpenGoals=true. If-Match and 409 as for transitions.");

        cases.MapGet("/{id:guid}/assessments", (Guid id, HttpContext context, CaseService service, CaseGate gate, LotseDbContext db) =>
            WithCaseAsync(id, context, gate, CaseOperation.Read, "Assessments", async c =>
            {
                var items = await db.Assessments.Where(a => a.CaseId == c.Id).Include(a => a.Ratings).OrderBy(a => a.Date).ToListAsync(context.RequestAborted);
                return TypedResults.Ok(List(items.Select(AssessmentDto.From)));
            }));

        cases.MapPost("/{id:guid}/assessments", (Guid id, AssessmentWrite body, HttpContext context, CaseService service, CaseGate gate, TimeProvider time) =>
            WithCaseAsync(id, context, gate, CaseOperation.Edit, null, async c =>
            {
                var assessment = await service.AddAssessmentAsync(c, body.Date ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime), body.Note,
                    (body.Ratings ?? []).Select(r => new AssessmentRating { NeedAreaCode = r.NeedArea, Rating = r.Rating, Resources = r.Resources, Note = r.Note }),
                    context.User.GetUserId()!.Value, context.RequestAborted);
                return TypedResults.Created($"/api/v1/cases/{c.Id}/assessments", AssessmentDto.From(assessment));
            }));

        cases.MapGet("/{id:guid}/goals", (Guid id, HttpContext context, CaseService service, CaseGate gate, LotseDbContext db) =>
            WithCaseAsync(id, context, gate, CaseOperation.Read, "Goals", async c =>
            {
                var items = await db.Goals.Where(g => g.CaseId == c.Id).Include(g => g.Steps).OrderBy(g => g.AgreedOn).ToListAsync(context.RequestAborted);
                return TypedResults.Ok(List(items.Select(GoalDto.From)));
            }));

        cases.MapPost("/{id:guid}/goals", (Guid id, GoalWrite body, HttpContext context, CaseService service, CaseGate gate, TimeProvider time) =>
            WithCaseAsync(id, context, gate, CaseOperation.Edit, null, async c =>
            {
                var goal = await service.AddGoalAsync(c, body.NeedArea ?? string.Empty, body.Title ?? string.Empty,
                    body.AgreedOn ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime), body.DueOn, context.RequestAborted);
                foreach (var step in body.Steps ?? [])
                {
                    goal.Steps.Add(await service.AddStepAsync(goal, step.Title, step.Responsible, step.PartnerName, step.DueOn, context.RequestAborted));
                }

                return TypedResults.Created($"/api/v1/cases/{c.Id}/goals", GoalDto.From(goal));
            }));

        cases.MapGet("/{id:guid}/encounters", (Guid id, HttpContext context, CaseService service, CaseGate gate, LotseDbContext db) =>
            WithCaseAsync(id, context, gate, CaseOperation.Read, "Encounters", async c =>
            {
                var items = await db.Encounters.Where(e => e.CaseId == c.Id).OrderByDescending(e => e.At).ToListAsync(context.RequestAborted);
                return TypedResults.Ok(List(items.Select(EncounterDto.From)));
            }));

        cases.MapPost("/{id:guid}/encounters", (Guid id, EncounterWrite body, HttpContext context, CaseService service, CaseGate gate, TimeProvider time) =>
            WithCaseAsync(id, context, gate, CaseOperation.Edit, null, async c =>
            {
                var encounter = await service.AddEncounterAsync(c, new Encounter
                {
                    UserId = context.User.GetUserId()!.Value,
                    At = body.At?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime,
                    DurationMinutes = body.DurationMinutes ?? 0,
                    KindCode = body.Kind ?? string.Empty,
                    InterpreterUsed = body.InterpreterUsed ?? false,
                    InterpreterLanguage = body.InterpreterLanguage,
                    NeedAreaCodes = [.. body.NeedAreas ?? []],
                    Note = body.Note,
                }, context.RequestAborted);
                return TypedResults.Created($"/api/v1/cases/{c.Id}/encounters", EncounterDto.From(encounter));
            }));

        cases.MapGet("/{id:guid}/deadlines", (Guid id, HttpContext context, CaseService service, CaseGate gate, LotseDbContext db) =>
            WithCaseAsync(id, context, gate, CaseOperation.Read, "Deadlines", async c =>
            {
                var items = await db.Deadlines.Where(d => d.CaseId == c.Id).OrderBy(d => d.DueOn).ToListAsync(context.RequestAborted);
                return TypedResults.Ok(List(items.Select(DeadlineDto.From)));
            }));

        cases.MapPost("/{id:guid}/deadlines", (Guid id, DeadlineWrite body, HttpContext context, CaseService service, CaseGate gate) =>
            WithCaseAsync(id, context, gate, CaseOperation.Edit, null, async c =>
            {
                if (body.DueOn is not { } dueOn)
                {
                    throw new RuleViolationException("dueOn", "Bitte geben Sie das Datum der Frist an.");
                }

                var deadline = await service.AddDeadlineAsync(c, body.Title ?? string.Empty, dueOn, body.LeadDays ?? 14, context.RequestAborted);
                return TypedResults.Created($"/api/v1/cases/{c.Id}/deadlines", DeadlineDto.From(deadline));
            }));

        api.MapGet("/deadlines", async Task<Ok<PagedList<DeadlineDto>>> (bool? mine, int? page, int? pageSize, HttpContext context, LotseDbContext db, TimeProvider time) =>
        {
            var (p, size) = ApiConventions.Paging(page, pageSize);
            var userId = context.User.GetUserId();
            var visible = db.Cases.Where(CaseAuthorizationHandler.VisibleTo(context.User, DateOnly.FromDateTime(time.GetLocalNow().DateTime)));
            if (mine == true)
            {
                visible = visible.Where(c => c.ResponsibleUserId == userId || c.Deputies.Any(d => d.UserId == userId));
            }

            var query = db.Deadlines.Where(d => d.DoneOn == null && visible.Select(c => c.Id).Contains(d.CaseId));
            var total = await query.CountAsync(context.RequestAborted);
            var items = await query.OrderBy(d => d.DueOn).Skip((p - 1) * size).Take(size).ToListAsync(context.RequestAborted);
            return TypedResults.Ok(new PagedList<DeadlineDto>([.. items.Select(DeadlineDto.From)], total, p, size));
        })
        .RequireAuthorization(Policies.CaseWork)
        .WithTags("Cases")
        .WithSummary("Open deadlines of the caller's cases, soonest first; mine=true only the caller's own and deputised cases.");

        return api;
    }

    private static PagedList<T> List<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return new PagedList<T>(list, list.Count, 1, Math.Max(1, list.Count));
    }

    /// <summary>Opens the case through its gate (404 when refused, so existence does not leak), runs the work, turns broken rules into 400.</summary>
    private static async Task<IResult> WithCaseAsync<T>(Guid id, HttpContext context, CaseGate gate, CaseOperation operation, string? shown, Func<Case, Task<T>> work)
        where T : IResult
    {
        if (await gate.OpenAsync(id, operation, shown, context.RequestAborted) is not { } @case)
        {
            return TypedResults.NotFound();
        }

        try
        {
            return await work(@case);
        }
        catch (RuleViolationException violation)
        {
            return ApiConventions.Problem(violation);
        }
    }
}
