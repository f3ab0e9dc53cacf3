using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients.Matching;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Clients;

public sealed record NameSpellingDto(string? GivenName, string FamilyName);

public sealed record ClientDto(
    Guid Id, string? GivenName, string FamilyName, string? BirthName, string? BirthDate, Sex Sex,
    IReadOnlyList<string> Nationalities, IReadOnlyList<string> Languages, bool InterpreterNeeded, string? InterpreterLanguage,
    string? Phone, string? Email, string? Street, string? PostalCode, string? City, Guid? DistrictId, DateOnly? EntryDate,
    Guid? HouseholdId, IReadOnlyList<NameSpellingDto> OtherSpellings, int Version)
{
    public static ClientDto From(Client c) => new(
        c.Id, c.GivenName, c.FamilyName, c.BirthName, c.BirthDate, c.Sex, c.Nationalities, c.Languages, c.InterpreterNeeded, c.InterpreterLanguage,
        c.Phone, c.Email, c.Street, c.PostalCode, c.City, c.DistrictId, c.EntryDate, c.HouseholdId,
        [.. c.OtherSpellings.Select(a => new NameSpellingDto(a.GivenName, a.FamilyName))], c.Version);
}

public sealed record RestrictionRequest(string? Reason);

public sealed record RestrictionDto(bool Restricted, DateTime? Since, string? Reason);

/// <summary>A client as the API receives it; a create needs no more than the names and the birth date.</summary>
public sealed record ClientWrite(
    string? GivenName, string? FamilyName, string? BirthName, string? BirthDate, Sex? Sex,
    IReadOnlyList<string>? Nationalities, IReadOnlyList<string>? Languages, bool? InterpreterNeeded, string? InterpreterLanguage,
    string? Phone, string? Email, string? Street, string? PostalCode, string? City, Guid? DistrictId, DateOnly? EntryDate,
    IReadOnlyList<NameSpellingDto>? OtherSpellings, Guid? HouseholdWith)
{
    public ClientInput ToInput() => new()
    {
        GivenName = GivenName,
        FamilyName = FamilyName ?? string.Empty,
        BirthName = BirthName,
        BirthDate = BirthDate,
        Sex = Sex ?? Clients.Sex.Unknown,
        Nationalities = Nationalities ?? [],
        Languages = Languages ?? [],
        InterpreterNeeded = InterpreterNeeded ?? false,
        InterpreterLanguage = InterpreterLanguage,
        Phone = Phone,
        Email = Email,
        Street = Street,
        PostalCode = PostalCode,
        City = City,
        DistrictId = DistrictId,
        EntryDate = EntryDate,
        OtherSpellings = [.. (OtherSpellings ?? []).Select(s => (s.GivenName, s.FamilyName))],
    };
}

public sealed record DuplicateDto(Guid ClientId, int Score, IReadOnlyList<string> Reasons, string Name, string? BirthDate);

public sealed record DuplicateList(IReadOnlyList<DuplicateDto> Items);

public sealed record ResidenceStatusDto(Guid Id, string Kind, string? LegalBasis, DateOnly? ValidFrom, DateOnly? ValidUntil, string? DocumentNumber, bool ResidenceObligation)
{
    public static ResidenceStatusDto From(ResidenceStatus r) => new(r.Id, r.KindCode, r.LegalBasis, r.ValidFrom, r.ValidUntil, r.DocumentNumber, r.ResidenceObligation);
}

public sealed record ResidenceStatusWrite(string? Kind, string? LegalBasis, DateOnly? ValidFrom, DateOnly? ValidUntil, string? DocumentNumber, bool? ResidenceObligation);

/// <summary>Clients over the API: named handlers, each opening the client through its gate (404 when refused).</summary>
public static class ClientApi
{
    public static RouteGroupBuilder MapClientApi(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").RequireAuthorization(Policies.CaseWork).WithTags("Clients");
        clients.MapGet("/duplicates", DuplicatesAsync)
            .WithSummary("Ranked duplicate candidates of the caller's organisation for a name and birth date (YYYY, YYYY-MM or YYYY-MM-DD), best first.");
        clients.MapGet("", ListAsync)
            .WithSummary("The clients the caller may see; with q= the ranked name search (any script, any order).");
        clients.MapPost("/{id:guid}/restriction", RestrictAsync)
            .WithSummary("Art. 18 GDPR: restricts the processing; the person's records become read-only. For the responsible case manager or a team lead.");
        clients.MapDelete("/{id:guid}/restriction", LiftRestrictionAsync)
            .WithSummary("Lifts the restriction of processing.");
        clients.MapPost("", CreateAsync)
            .ReturnsETag()
            .WithSummary("Registers a client. givenName, familyName and birthDate are enough.");
        clients.MapGet("/{id:guid}", GetAsync)
            .ReturnsETag()
            .WithSummary("One client's file (read is audited), with its ETag.");
        clients.MapPut("/{id:guid}", UpdateAsync)
            .RequiresIfMatch()
            .WithSummary("Replaces a client's data. Needs If-Match with the ETag of the last read.");
        clients.MapGet("/{id:guid}/residence-statuses", ResidenceStatusesAsync)
            .WithSummary("The client's residence status history, newest first.");
        clients.MapPost("/{id:guid}/residence-statuses", AddResidenceStatusAsync)
            .WithSummary("Adds an entry to the residence status history; its valid-until date becomes a deadline in the client's open cases.");
        return api;
    }

    private static async Task<Ok<DuplicateList>> DuplicatesAsync(string? givenName, string? familyName, string? birthDate, HttpContext context, ClientMatching matching, AuditLog audit)
    {
        if (string.IsNullOrWhiteSpace(familyName))
        {
            throw new RuleViolationException("familyName", "Bitte geben Sie den Familiennamen an.");
        }

        PartialDate? date = null;
        if (!string.IsNullOrWhiteSpace(birthDate))
        {
            if (matching.ReadBirthDate(birthDate) is not { } parsed)
            {
                throw new RuleViolationException("birthDate", "Das Geburtsdatum hat die Form TT.MM.JJJJ, MM.JJJJ oder JJJJ (z. B. 12.05.1990, 05.1990 oder 1990).");
            }

            date = parsed;
        }

        var candidates = await matching.FindDuplicatesAsync(context.User, givenName, familyName, date, cancellationToken: context.RequestAborted);
        await audit.SearchAsync("Client", candidates.Select(c => c.Client.Id), context.RequestAborted);
        return TypedResults.Ok(new DuplicateList([.. candidates.Select(c => new DuplicateDto(c.Client.Id, c.Score, c.Reasons, c.Client.FullName, c.Client.BirthDate))]));
    }

    private static async Task<Ok<PagedList<ClientDto>>> ListAsync(string? q, [AsParameters] PageRequest paging, HttpContext context, LotseDbContext db, ClientMatching matching, AuditLog audit)
    {
        var (p, size) = paging.Normalized;
        if (!string.IsNullOrWhiteSpace(q))
        {
            var found = await matching.SearchAsync(context.User, q.Trim(), 200, context.RequestAborted);
            var pageItems = found.Skip((p - 1) * size).Take(size).Select(c => c.Client).ToList();
            await audit.SearchAsync("Client", pageItems.Select(c => c.Id), context.RequestAborted);
            return TypedResults.Ok(new PagedList<ClientDto>([.. pageItems.Select(ClientDto.From)], found.Count, p, size));
        }

        var query = db.Clients.Where(ClientAuthorizationHandler.VisibleTo(context.User));
        var total = await query.CountAsync(context.RequestAborted);
        var items = await query.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName).ThenBy(c => c.Id)
            .Skip((p - 1) * size).Take(size).Include(c => c.OtherSpellings).ToListAsync(context.RequestAborted);
        await audit.SearchAsync("Client", items.Select(c => c.Id), context.RequestAborted);
        return TypedResults.Ok(new PagedList<ClientDto>([.. items.Select(ClientDto.From)], total, p, size));
    }

    private static async Task<Results<Ok<RestrictionDto>, NotFound>> RestrictAsync(Guid id, RestrictionRequest? body, HttpContext context, ClientService service, ClientGate gate)
    {
        if (await gate.OpenAsync(id, ClientOperation.ExerciseRights, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        await service.RestrictAsync(client, context.User.GetUserId()!.Value, body?.Reason, context.RequestAborted);
        return TypedResults.Ok(new RestrictionDto(true, client.RestrictedAt, client.RestrictionReason));
    }

    private static async Task<Results<Ok<RestrictionDto>, NotFound>> LiftRestrictionAsync(Guid id, HttpContext context, ClientService service, ClientGate gate)
    {
        if (await gate.OpenAsync(id, ClientOperation.ExerciseRights, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        await service.LiftRestrictionAsync(client, context.RequestAborted);
        return TypedResults.Ok(new RestrictionDto(false, null, null));
    }

    private static async Task<Created<ClientDto>> CreateAsync(ClientWrite body, HttpContext context, ClientService service)
    {
        var client = await service.CreateAsync(context.User.GetOrganizationIdOrEmpty(), body.ToInput(), body.HouseholdWith, context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(client.Version);
        return TypedResults.Created($"/api/v1/clients/{client.Id}", ClientDto.From(client));
    }

    private static async Task<Results<Ok<ClientDto>, NotFound>> GetAsync(Guid id, HttpContext context, ClientGate gate)
    {
        if (await gate.OpenAsync(id, ClientOperation.Read, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ETag = ApiConventions.ETag(client.Version);
        return TypedResults.Ok(ClientDto.From(client));
    }

    private static async Task<Results<Ok<ClientDto>, NotFound, ProblemHttpResult>> UpdateAsync(Guid id, ClientWrite body, HttpContext context, ClientGate gate, ClientService service)
    {
        if (await gate.OpenAsync(id, ClientOperation.Edit, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        if (ApiConventions.CheckIfMatch(context, client.Version) is { } precondition)
        {
            return precondition;
        }

        if (!await service.UpdateAsync(client, body.ToInput(), client.Version, context.RequestAborted))
        {
            return TypedResults.Problem(title: "Inzwischen geändert", detail: "Der Datensatz wurde seit dem Lesen geändert.", statusCode: StatusCodes.Status412PreconditionFailed);
        }

        context.Response.Headers.ETag = ApiConventions.ETag(client.Version);
        return TypedResults.Ok(ClientDto.From(client));
    }

    private static async Task<Results<Ok<PagedList<ResidenceStatusDto>>, NotFound>> ResidenceStatusesAsync(Guid id, HttpContext context, LotseDbContext db, ClientGate gate)
    {
        if (await gate.OpenAsync(id, ClientOperation.Read, "ResidenceStatuses", context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var items = await db.ResidenceStatuses.Where(r => r.ClientId == id).OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.CreatedAt).ToListAsync(context.RequestAborted);
        return TypedResults.Ok(PagedList.All(items.Select(ResidenceStatusDto.From)));
    }

    private static async Task<Results<Created<ResidenceStatusDto>, NotFound>> AddResidenceStatusAsync(Guid id, ResidenceStatusWrite body, HttpContext context, ClientGate gate, ClientService service)
    {
        if (await gate.OpenAsync(id, ClientOperation.Edit, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        var status = await service.AddResidenceStatusAsync(client, new ResidenceStatus
        {
            KindCode = body.Kind ?? string.Empty,
            LegalBasis = body.LegalBasis,
            ValidFrom = body.ValidFrom,
            ValidUntil = body.ValidUntil,
            DocumentNumber = body.DocumentNumber,
            ResidenceObligation = body.ResidenceObligation ?? false,
        }, context.RequestAborted);
        return TypedResults.Created($"/api/v1/clients/{id}/residence-statuses", ResidenceStatusDto.From(status));
    }
}
