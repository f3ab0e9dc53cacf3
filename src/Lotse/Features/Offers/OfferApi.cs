using Lotse.Data;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Offers;

public sealed record OfferLocationDto(Guid? Id, string? Name, string? Street, string? PostalCode, string? City, Guid? DistrictId, string? Accessibility, string? OpeningHours);

public sealed record OfferDto(
    Guid Id, Guid OrganizationId, string OrganizationName, string Name, string? Description, IReadOnlyList<string> NeedAreas, IReadOnlyList<string> Languages,
    bool InterpretationAvailable, string? Eligibility, string? Fees, string? RequiredDocuments, string? ApplicationProcess, string? ContactName,
    string? Phone, string? Email, string? Url, string? Capacity, int? WaitingWeeks, bool AcceptsReferrals, DateOnly? LastVerifiedOn, bool NeedsVerification,
    bool IsActive, IReadOnlyList<OfferLocationDto> Locations, int Version)
{
    public static OfferDto From(Offer o, bool stale) => new(
        o.Id, o.OrganizationId, o.Organization?.Name ?? string.Empty, o.Name, o.Description, o.NeedAreaCodes, o.Languages, o.InterpretationAvailable,
        o.Eligibility, o.Fees, o.RequiredDocuments, o.ApplicationProcess, o.ContactName, o.Phone, o.Email, o.Url, o.Capacity, o.WaitingWeeks,
        o.AcceptsReferrals, o.LastVerifiedOn, stale, o.IsActive,
        [.. o.Locations.Select(l => new OfferLocationDto(l.Id, l.Name, l.Street, l.PostalCode, l.City, l.DistrictId, l.Accessibility, l.OpeningHours))], o.Version);
}

public sealed record OfferWrite(
    Guid? OrganizationId, string? Name, string? Description, IReadOnlyList<string>? NeedAreas, IReadOnlyList<string>? Languages, bool? InterpretationAvailable,
    string? Eligibility, string? Fees, string? RequiredDocuments, string? ApplicationProcess, string? ContactName, string? Phone, string? Email, string? Url,
    string? Capacity, int? WaitingWeeks, bool? AcceptsReferrals, bool? IsActive, bool? Verified, IReadOnlyList<OfferLocationDto>? Locations);

/// <summary>The service directory over the API.</summary>
public static class OfferApi
{
    public static RouteGroupBuilder MapOfferApi(this RouteGroupBuilder api)
    {
        MapOffers(api.MapGroup("/offers").WithTags("Offers"));
        return api;
    }

    private static void MapOffers(RouteGroupBuilder offers)
    {
        offers.MapGet("", async Task<Ok<PagedList<OfferDto>>> (string? q, string? needArea, string? language, Guid? districtId, Guid? organizationId,
            bool? includeInactive, bool? needsVerification, int? page, int? pageSize, HttpContext context, OfferService service) =>
        {
            var (p, size) = ApiConventions.Paging(page, pageSize);
            var (items, total) = await service.SearchAsync(new OfferQuery(q, needArea, language, districtId, organizationId, includeInactive == true, needsVerification == true), p, size, context.RequestAborted);
            return TypedResults.Ok(new PagedList<OfferDto>([.. items.Select(o => OfferDto.From(o, service.IsStale(o)))], total, p, size));
        })
        .WithSummary("The service directory with filters: q (text), needArea, language (ISO 639-1), districtId, organizationId, needsVerification.");

        offers.MapGet("/{id:guid}", async Task<Results<Ok<OfferDto>, NotFound>> (Guid id, HttpContext context, OfferService service) =>
        {
            if (await service.FindAsync(id, context.RequestAborted) is not { } offer)
            {
                return TypedResults.NotFound();
            }

            context.Response.Headers.ETag = ApiConventions.ETag(offer.Version);
            return TypedResults.Ok(OfferDto.From(offer, service.IsStale(offer)));
        })
        .WithSummary("One offer.");

        offers.MapPost("", async Task<Results<Created<OfferDto>, ValidationProblem, ForbidHttpResult>> (OfferWrite body, HttpContext context, LotseDbContext db, OfferService service) =>
        {
            var organizationId = body.OrganizationId ?? context.User.GetOrganizationIdOrEmpty();
            if (!OfferAuthorizationHandler.MayMaintain(context.User, organizationId))
            {
                return TypedResults.Forbid();
            }

            var offer = new Offer { Name = body.Name ?? string.Empty, OrganizationId = organizationId };
            Apply(offer, body, service.Today);
            try
            {
                await service.ValidateAsync(offer, context.RequestAborted);
            }
            catch (RuleViolationException violation)
            {
                return ApiConventions.Problem(violation);
            }

            db.Offers.Add(offer);
            await db.SaveChangesAsync(context.RequestAborted);
            var created = await service.FindAsync(offer.Id, context.RequestAborted);
            context.Response.Headers.ETag = ApiConventions.ETag(created!.Version);
            return TypedResults.Created($"/api/v1/offers/{offer.Id}", OfferDto.From(created, service.IsStale(created)));
        })
        .WithSummary("Creates an offer: coordinators for any organisation, partner/authority staff and team leads for their own.");

        offers.MapPut("/{id:guid}", async Task<Results<Ok<OfferDto>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (
            Guid id, OfferWrite body, HttpContext context, LotseDbContext db, OfferService service) =>
        {
            var offer = await db.Offers.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == id, context.RequestAborted);
            if (offer is null)
            {
                return TypedResults.NotFound();
            }

            if (!OfferAuthorizationHandler.MayMaintain(context.User, offer.OrganizationId)
                || (body.OrganizationId is { } moved && !OfferAuthorizationHandler.MayMaintain(context.User, moved)))
            {
                return TypedResults.Forbid();
            }

            if (ApiConventions.CheckIfMatch(context, offer.Version) is { } precondition)
            {
                return precondition;
            }

            offer.Name = body.Name ?? string.Empty;
            offer.OrganizationId = body.OrganizationId ?? offer.OrganizationId;
            db.OfferLocations.RemoveRange(offer.Locations);
            Apply(offer, body, service.Today);
            try
            {
                await service.ValidateAsync(offer, context.RequestAborted);
            }
            catch (RuleViolationException violation)
            {
                return ApiConventions.Problem(violation);
            }

            await db.SaveChangesAsync(context.RequestAborted);
            var saved = await service.FindAsync(id, context.RequestAborted);
            context.Response.Headers.ETag = ApiConventions.ETag(saved!.Version);
            return TypedResults.Ok(OfferDto.From(saved, service.IsStale(saved)));
        })
        .WithSummary("Replaces an offer. Needs If-Match; \"verified\": true stamps today as the verification date.");

        offers.MapPost("/import-hsds", async Task<Results<Ok<Offers.Hsds.HsdsImportResult>, ValidationProblem>> (string? needArea, HttpContext context, Offers.Hsds.HsdsImport import) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var json = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                return TypedResults.Ok(await import.ImportAsync(json, needArea, context.RequestAborted));
            }
            catch (RuleViolationException violation)
            {
                return ApiConventions.Problem(violation);
            }
        })
        .RequireAuthorization(Policies.Coordination)
        .Accepts<object>("application/json")
        .WithSummary("Imports HSDS 3.0 JSON (a service, an array or a page) into the directory; coordinators only. Idempotent.");
    }

    private static void Apply(Offer offer, OfferWrite body, DateOnly today)
    {
        static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        offer.Description = Trim(body.Description);
        offer.NeedAreaCodes = [.. body.NeedAreas ?? []];
        offer.Languages = [.. body.Languages ?? []];
        offer.InterpretationAvailable = body.InterpretationAvailable ?? false;
        offer.Eligibility = Trim(body.Eligibility);
        offer.Fees = Trim(body.Fees);
        offer.RequiredDocuments = Trim(body.RequiredDocuments);
        offer.ApplicationProcess = Trim(body.ApplicationProcess);
        offer.ContactName = Trim(body.ContactName);
        offer.Phone = Trim(body.Phone);
        offer.Email = Trim(body.Email);
        offer.Url = Trim(body.Url);
        offer.Capacity = Trim(body.Capacity);
        offer.WaitingWeeks = body.WaitingWeeks;
        offer.AcceptsReferrals = body.AcceptsReferrals ?? true;
        offer.IsActive = body.IsActive ?? true;
        if (body.Verified == true)
        {
            offer.LastVerifiedOn = today;
        }

        offer.Locations = [.. (body.Locations ?? []).Select(l => new OfferLocation
        {
            Name = Trim(l.Name),
            Street = Trim(l.Street),
            PostalCode = Trim(l.PostalCode),
            City = Trim(l.City),
            DistrictId = l.DistrictId,
            Accessibility = Trim(l.Accessibility),
            OpeningHours = Trim(l.OpeningHours),
        })];
    }
}
