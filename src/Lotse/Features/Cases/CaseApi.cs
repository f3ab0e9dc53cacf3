using Lotse.Data;
using Lotse.Features.Clients;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

/// <summary>
/// The case journey over the API. Every endpoint is a named handler that opens the case through
/// its gate (<see cref="CaseAuthorizationHandler"/>; 404 when refused, so existence does not leak); a
/// broken rule answers 400 with the field through the one handler for rule violations.
/// </summary>
public static class CaseApi
{
    public static RouteGroupBuilder MapCaseApi(this RouteGroupBuilder api)
    {
        var cases = api.MapGroup("/cases").RequireAuthorization(Policies.CaseWork).WithTags("Cases");
        cases.MapGet("", ListAsync)
            .WithSummary("The cases the caller may see; mine=true only those the caller is responsible for.");
        cases.MapPost("", OpenAsync)
            .WithSummary("Opens a case for a client; {\"clientId\": …} is enough (the caller's organisation, the caller responsible).");
        cases.MapGet("/{id:guid}", GetAsync)
            .WithSummary("One case: phase, responsibility and version.");
        cases.MapPost("/{id:guid}/transitions", TransitionAsync)
            .AcceptsIfMatch()
            .WithSummary("Moves a case to another phase: {\"to\": \"Assessment\"}. One step forward, any step back; from Closed it reopens. " +
                "With If-Match the move is made only on that version (412 otherwise); a move that loses a race answers 409 with the current phase and version.");
        cases.MapPost("/{id:guid}/close", CloseAsync)
            .AcceptsIfMatch()
            .WithSummary("Closes a case with a closure reason code; open goals need carryOverOpenGoals=true. If-Match and 409 as for transitions.");
        cases.MapGet("/{id:guid}/assessments", AssessmentsAsync)
            .WithSummary("The case's assessments, a rating (1–5) per need area each, oldest first.");
        cases.MapPost("/{id:guid}/assessments", AddAssessmentAsync)
            .WithSummary("Records an assessment or re-assessment: a date and ratings by need area code.");
        cases.MapGet("/{id:guid}/goals", GoalsAsync)
            .WithSummary("The case's goals with their steps.");
        cases.MapPost("/{id:guid}/goals", AddGoalAsync)
            .WithSummary("Agrees a goal for a need area, optionally with its first steps.");
        cases.MapGet("/{id:guid}/encounters", EncountersAsync)
            .WithSummary("The case's contacts, newest first.");
        cases.MapPost("/{id:guid}/encounters", AddEncounterAsync)
            .WithSummary("Logs a contact: kind, time (German time unless an offset is given), minutes, need areas touched.");
        cases.MapGet("/{id:guid}/deadlines", DeadlinesAsync)
            .WithSummary("The case's deadlines, soonest first.");
        cases.MapPost("/{id:guid}/deadlines", AddDeadlineAsync)
            .WithSummary("Sets a deadline on the case.");
        api.MapGet("/deadlines", OpenDeadlinesAsync)
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Cases")
            .WithSummary("Open deadlines of the caller's cases, soonest first; mine=true only the caller's own and deputised cases.");
        return api;
    }

    private static async Task<Ok<PagedList<CaseDto>>> ListAsync(bool? mine, CasePhase? phase, [AsParameters] PageRequest paging, HttpContext context, LotseDbContext db, TimeProvider time)
    {
        var (p, size) = paging.Normalized;
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
    }

    private static async Task<Results<Created<CaseDto>, ValidationProblem>> OpenAsync(CaseCreate body, HttpContext context, CaseService service, ClientGate clients)
    {
        var client = body.ClientId is { } clientId ? await clients.OpenAsync(clientId, ClientOperation.OpenCase, cancellationToken: context.RequestAborted) : null;
        if (client is null)
        {
            // Answered, not thrown: the gate's refusal is audited in the request's transaction, which a throw would roll back.
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["clientId"] = ["Die Klientin oder der Klient wurde nicht gefunden."] });
        }

        var opened = await service.OpenAsync(context.User.GetUserId()!.Value, context.User.GetOrganizationIdOrEmpty(), client,
            body.ResponsibleUserId, body.AccessRoute, body.MemberIds ?? [], context.RequestAborted);
        var created = await service.FindAsync(opened.Id, context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(created!.Version);
        return TypedResults.Created($"/api/v1/cases/{opened.Id}", CaseDto.From(created));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(Guid id, HttpContext context, CaseGate gate)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ETag = ApiConventions.ETag(c.Version);
        return TypedResults.Ok(CaseDto.From(c));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ProblemHttpResult>> TransitionAsync(Guid id, TransitionRequest body, HttpContext context, CaseService service, CaseGate gate)
    {
        if (await gate.OpenAsync(id, CaseOperation.Edit, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

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
        return TypedResults.Ok(CaseDto.From(c));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ProblemHttpResult>> CloseAsync(Guid id, CloseRequest body, HttpContext context, CaseService service, CaseGate gate)
    {
        if (await gate.OpenAsync(id, CaseOperation.Close, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        if (ApiConventions.CheckIfMatchWhenSent(context, c.Version) is { } precondition)
        {
            return precondition;
        }

        await service.CloseAsync(c, body.Reason, body.Note, body.CarryOverOpenGoals ?? false, context.User.GetUserId()!.Value, context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(c.Version);
        return TypedResults.Ok(CaseDto.From(c));
    }

    private static async Task<Results<Ok<PagedList<AssessmentDto>>, NotFound>> AssessmentsAsync(Guid id, HttpContext context, CaseGate gate, LotseDbContext db)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, "Assessments", context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Assessments.Where(a => a.CaseId == c.Id).Include(a => a.Ratings).OrderBy(a => a.Date).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(PagedList.All(items.Select(AssessmentDto.From)));
    }

    private static async Task<Results<Created<AssessmentDto>, NotFound>> AddAssessmentAsync(Guid id, AssessmentWrite body, HttpContext context, CaseService service, CaseGate gate, TimeProvider time)
    {
        if (await gate.OpenAsync(id, CaseOperation.Edit, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var assessment = await service.AddAssessmentAsync(c, body.Date ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime), body.Note,
            (body.Ratings ?? []).Select(r => new AssessmentRating { NeedAreaCode = r.NeedArea, Rating = r.Rating, Resources = r.Resources, Note = r.Note }),
            context.User.GetUserId()!.Value, context.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/assessments", AssessmentDto.From(assessment));
    }

    private static async Task<Results<Ok<PagedList<GoalDto>>, NotFound>> GoalsAsync(Guid id, HttpContext context, CaseGate gate, LotseDbContext db)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, "Goals", context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Goals.Where(g => g.CaseId == c.Id).Include(g => g.Steps).OrderBy(g => g.AgreedOn).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(PagedList.All(items.Select(GoalDto.From)));
    }

    private static async Task<Results<Created<GoalDto>, NotFound>> AddGoalAsync(Guid id, GoalWrite body, HttpContext context, CaseService service, CaseGate gate, TimeProvider time)
    {
        if (await gate.OpenAsync(id, CaseOperation.Edit, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var goal = await service.AddGoalAsync(c, body.NeedArea ?? string.Empty, body.Title ?? string.Empty,
            body.AgreedOn ?? DateOnly.FromDateTime(time.GetLocalNow().DateTime), body.DueOn,
            [.. (body.Steps ?? []).Select(s => new CaseService.StepDraft(s.Title, s.Responsible, s.PartnerName, s.DueOn))], context.RequestAborted);

        return TypedResults.Created($"/api/v1/cases/{c.Id}/goals", GoalDto.From(goal));
    }

    private static async Task<Results<Ok<PagedList<EncounterDto>>, NotFound>> EncountersAsync(Guid id, HttpContext context, CaseGate gate, LotseDbContext db)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, "Encounters", context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Encounters.Where(e => e.CaseId == c.Id).OrderByDescending(e => e.At).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(PagedList.All(items.Select(EncounterDto.From)));
    }

    private static async Task<Results<Created<EncounterDto>, NotFound>> AddEncounterAsync(Guid id, EncounterWrite body, HttpContext context, CaseService service, CaseGate gate, TimeProvider time, LocalZone zone)
    {
        if (await gate.OpenAsync(id, CaseOperation.Edit, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var encounter = await service.AddEncounterAsync(c, new Encounter
        {
            UserId = context.User.GetUserId()!.Value,
            At = body.At is { } at ? zone.FromClient(at) : time.GetUtcNow().UtcDateTime,
            DurationMinutes = body.DurationMinutes ?? 0,
            KindCode = body.Kind ?? string.Empty,
            InterpreterUsed = body.InterpreterUsed ?? false,
            InterpreterLanguage = body.InterpreterLanguage,
            NeedAreaCodes = [.. body.NeedAreas ?? []],
            Note = body.Note,
        }, context.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/encounters", EncounterDto.From(encounter));
    }

    private static async Task<Results<Ok<PagedList<DeadlineDto>>, NotFound>> DeadlinesAsync(Guid id, HttpContext context, CaseGate gate, LotseDbContext db)
    {
        if (await gate.OpenAsync(id, CaseOperation.Read, "Deadlines", context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        var items = await db.Deadlines.Where(d => d.CaseId == c.Id).OrderBy(d => d.DueOn).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(PagedList.All(items.Select(DeadlineDto.From)));
    }

    private static async Task<Results<Created<DeadlineDto>, NotFound>> AddDeadlineAsync(Guid id, DeadlineWrite body, HttpContext context, CaseService service, CaseGate gate)
    {
        if (await gate.OpenAsync(id, CaseOperation.Edit, null, context.RequestAborted) is not { } c)
        {
            return TypedResults.NotFound();
        }

        if (body.DueOn is not { } dueOn)
        {
            throw new RuleViolationException("dueOn", "Bitte geben Sie das Datum der Frist an.");
        }

        var deadline = await service.AddDeadlineAsync(c, body.Title ?? string.Empty, dueOn, body.LeadDays ?? 14, context.RequestAborted);
        return TypedResults.Created($"/api/v1/cases/{c.Id}/deadlines", DeadlineDto.From(deadline));
    }

    private static async Task<Ok<PagedList<DeadlineDto>>> OpenDeadlinesAsync(bool? mine, [AsParameters] PageRequest paging, HttpContext context, LotseDbContext db, TimeProvider time)
    {
        var (p, size) = paging.Normalized;
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
    }
}
