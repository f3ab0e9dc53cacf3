using Lotse.Data;
using Lotse.Features.Api;
using Lotse.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Catalogs;

/// <summary>The catalogues over the API: every user reads them, administrators change labels and order.</summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/catalogs/{catalog}", async Task<Results<Ok<PagedList<CatalogEntryDto>>, NotFound>> (
            string catalog, int? page, int? pageSize, LotseDbContext db, CancellationToken cancellationToken) =>
        {
            if (!Enum.TryParse<CatalogKind>(catalog, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                return TypedResults.NotFound();
            }

            var (p, size) = ApiConventions.Paging(page, pageSize);
            var query = db.CatalogEntries.Where(e => e.Catalog == kind);
            var total = await query.CountAsync(cancellationToken);
            var items = await query.OrderBy(e => e.SortOrder).ThenBy(e => e.Label)
                .Skip((p - 1) * size).Take(size)
                .Select(e => new CatalogEntryDto(e.Id, e.Catalog.ToString(), e.Code, e.Label, e.LabelEn, e.Detail, e.SortOrder, e.IsActive))
                .ToListAsync(cancellationToken);
            return TypedResults.Ok(new PagedList<CatalogEntryDto>(items, total, p, size));
        })
        .WithSummary("The entries of one catalogue (NeedArea, AssessmentScale, ResidenceStatusKind, AccessRoute, EncounterKind, ClosureReason, ReferralStatus, ReferralDeclineReason, ReferralOutcome).");

        api.MapGet("/catalog-entries/{id:guid}", async Task<Results<Ok<CatalogEntryDto>, NotFound>> (
            Guid id, HttpContext context, LotseDbContext db, CancellationToken cancellationToken) =>
        {
            var entry = await db.CatalogEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (entry is null)
            {
                return TypedResults.NotFound();
            }

            context.Response.Headers.ETag = ApiConventions.ETag(entry.Version);
            return TypedResults.Ok(CatalogEntryDto.From(entry));
        });

        api.MapPut("/catalog-entries/{id:guid}", async Task<Results<Ok<CatalogEntryDto>, NotFound, ValidationProblem, ProblemHttpResult>> (
            Guid id, CatalogEntryUpdate update, HttpContext context, LotseDbContext db, CancellationToken cancellationToken) =>
        {
            var entry = await db.CatalogEntries.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (entry is null)
            {
                return TypedResults.NotFound();
            }

            if (ApiConventions.CheckIfMatch(context, entry.Version) is { } precondition)
            {
                return precondition;
            }

            var errors = update.Validate();
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors);
            }

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
        })
        .RequireAuthorization(Policies.Administration)
        .WithSummary("Changes a catalogue entry (administrators). Needs If-Match with the ETag of the last read.");

        return api;
    }
}

public sealed record CatalogEntryDto(Guid Id, string Catalog, string Code, string Label, string? LabelEn, string? Detail, int SortOrder, bool IsActive)
{
    public static CatalogEntryDto From(CatalogEntry e) => new(e.Id, e.Catalog.ToString(), e.Code, e.Label, e.LabelEn, e.Detail, e.SortOrder, e.IsActive);
}

public sealed record CatalogEntryUpdate(string Label, string? LabelEn, string? Detail, int SortOrder, bool IsActive)
{
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Label))
        {
            errors["label"] = ["Die Bezeichnung darf nicht leer sein."];
        }
        else if (Label.Length > 300)
        {
            errors["label"] = ["Die Bezeichnung darf höchstens 300 Zeichen lang sein."];
        }

        if (LabelEn?.Length > 300)
        {
            errors["labelEn"] = ["Die englische Bezeichnung darf höchstens 300 Zeichen lang sein."];
        }

        if (Detail?.Length > 500)
        {
            errors["detail"] = ["Die Rechtsgrundlage darf höchstens 500 Zeichen lang sein."];
        }

        return errors;
    }
}
