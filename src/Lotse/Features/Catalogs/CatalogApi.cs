using Lotse.Data;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Catalogs;

/// <summary>The catalogues over the API: every user reads them, administrators change labels and order.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogs/{catalog}", ListAsync)
            .WithSummary("The entries of one catalogue (NeedArea, AssessmentScale, ResidenceStatusKind, AccessRoute, EncounterKind, ClosureReason, ReferralStatus, ReferralDeclineReason, ReferralOutcome).");
        api.MapPost("/catalogs/{catalog}", AddAsync)
            .RequireAuthorization(Policies.Administration)
            .WithSummary("Adds an entry to a catalogue (administrators). Answers 201 with the entry and its id.");
        api.MapGet("/catalog-entries/{id:guid}", GetAsync)
            .ReturnsETag()
            .WithSummary("One catalogue entry with its ETag.");
        api.MapPut("/catalog-entries/{id:guid}", UpdateAsync)
            .RequireAuthorization(Policies.Administration)
            .RequiresIfMatch()
            .WithSummary("Changes a catalogue entry (administrators). Needs If-Match with the ETag of the last read.");
        return api;
    }

    private static async Task<Results<Ok<PagedList<CatalogEntryDto>>, NotFound>> ListAsync(string catalog, [AsParameters] PageRequest paging, LotseDbContext db, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CatalogKind>(catalog, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return TypedResults.NotFound();
        }

        var (p, size) = paging.Normalized;
        var query = db.CatalogEntries.Where(e => e.Catalog == kind);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(e => e.SortOrder).ThenBy(e => e.Label)
            .Skip((p - 1) * size).Take(size)
            .Select(e => new CatalogEntryDto(e.Id, e.Catalog.ToString(), e.Code, e.Label, e.LabelEn, e.Detail, e.SortOrder, e.IsActive))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<CatalogEntryDto>(items, total, p, size));
    }

    private static async Task<Results<Created<CatalogEntryDto>, NotFound>> AddAsync(string catalog, CatalogEntryCreate create, LotseDbContext db, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<CatalogKind>(catalog, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return TypedResults.NotFound();
        }

        create.Validate();
        if (await db.CatalogEntries.AnyAsync(e => e.Catalog == kind && e.Code == create.Code, cancellationToken))
        {
            throw new RuleViolationException("code", "Diesen Code gibt es in diesem Katalog schon.");
        }

        var entry = new CatalogEntry
        {
            Catalog = kind,
            Code = create.Code,
            Label = create.Label.Trim(),
            LabelEn = string.IsNullOrWhiteSpace(create.LabelEn) ? null : create.LabelEn.Trim(),
            Detail = string.IsNullOrWhiteSpace(create.Detail) ? null : create.Detail.Trim(),
            SortOrder = create.SortOrder,
        };
        db.CatalogEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/catalog-entries/{entry.Id}", CatalogEntryDto.From(entry));
    }

    private static async Task<Results<Ok<CatalogEntryDto>, NotFound>> GetAsync(Guid id, HttpContext context, LotseDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CatalogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } entry)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ETag = ApiConventions.ETag(entry.Version);
        return TypedResults.Ok(CatalogEntryDto.From(entry));
    }

    private static async Task<Results<Ok<CatalogEntryDto>, NotFound, ProblemHttpResult>> UpdateAsync(Guid id, CatalogEntryUpdate update, HttpContext context, LotseDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CatalogEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } entry)
        {
            return TypedResults.NotFound();
        }

        if (ApiConventions.CheckIfMatch(context, entry.Version) is { } precondition)
        {
            return precondition;
        }

        update.Validate();
        entry.Label = update.Label.Trim();
        entry.LabelEn = string.IsNullOrWhiteSpace(update.LabelEn) ? null : update.LabelEn.Trim();
        entry.Detail = string.IsNullOrWhiteSpace(update.Detail) ? null : update.Detail.Trim();
        entry.SortOrder = update.SortOrder;
        entry.IsActive = update.IsActive;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem(title: "Inzwischen geändert", statusCode: StatusCodes.Status412PreconditionFailed);
        }

        context.Response.Headers.ETag = ApiConventions.ETag(entry.Version);
        return TypedResults.Ok(CatalogEntryDto.From(entry));
    }
}

public sealed record CatalogEntryDto(Guid Id, string Catalog, string Code, string Label, string? LabelEn, string? Detail, int SortOrder, bool IsActive)
{
    public static CatalogEntryDto From(CatalogEntry e) => new(e.Id, e.Catalog.ToString(), e.Code, e.Label, e.LabelEn, e.Detail, e.SortOrder, e.IsActive);
}

public sealed partial record CatalogEntryCreate(string Code, string Label, string? LabelEn, string? Detail, int SortOrder)
{
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]{0,79}$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();

    /// <summary>Throws the first broken rule, code first.</summary>
    public void Validate()
    {
        if (string.IsNullOrEmpty(Code) || !CodePattern().IsMatch(Code))
        {
            throw new RuleViolationException("code", "Der Code besteht aus Kleinbuchstaben, Ziffern und Bindestrichen.");
        }

        new CatalogEntryUpdate(Label, LabelEn, Detail, SortOrder, true).Validate();
    }
}

public sealed record CatalogEntryUpdate(string Label, string? LabelEn, string? Detail, int SortOrder, bool IsActive)
{
    /// <summary>Throws the first broken rule.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Label))
        {
            throw new RuleViolationException("label", "Die Bezeichnung darf nicht leer sein.");
        }

        if (Label.Length > 300)
        {
            throw new RuleViolationException("label", "Die Bezeichnung darf höchstens 300 Zeichen lang sein.");
        }

        if (LabelEn?.Length > 300)
        {
            throw new RuleViolationException("labelEn", "Die englische Bezeichnung darf höchstens 300 Zeichen lang sein.");
        }

        if (Detail?.Length > 500)
        {
            throw new RuleViolationException("detail", "Die Rechtsgrundlage darf höchstens 500 Zeichen lang sein.");
        }
    }
}
