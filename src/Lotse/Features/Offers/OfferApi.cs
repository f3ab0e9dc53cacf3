using Lotse.Data;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

/// <summary>The filters of the service directory, bound from the query with <c>[AsParameters]</c>.</summary>
public sealed record OfferFilter(
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "needArea")] string? NeedArea,
    [FromQuery(Name = "language")] string? Language,
    [FromQuery(Name = "districtId")] Guid? DistrictId,
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "includeInactive")] bool? IncludeInactive,
    [FromQuery(Name = "needsVerification")] bool? NeedsVerification)
{
    public OfferQuery ToQuery() => new(Q, NeedArea, Language, DistrictId, OrganizationId, IncludeInactive == true, NeedsVerification == true);
}

/// <summary>The service directory over the API; who may maintain an offer is <see cref="OfferAuthorizationHandler"/>'s decision.</summary>
public static class OfferApi
{
    public static RouteGroupBuilder MapOfferApi(this RouteGroupBuilder api)
    {
        var offers = api.MapGroup("/offers").WithTags("Offers");
        offers.MapGet("", ListAsync)
            .WithSummary("The service directory with filters: q (text), needArea, language (ISO 639-1), districtId, organizationId, needsVerification.");
        offers.MapGet("/{id:guid}", GetAsync)
            .ReturnsETag()
            .WithSummary("One offer, with its ETag.");
        offers.MapPost("", CreateAsync)
            .ReturnsETag()
            .WithSummary("Creates an offer: coordinators for any organisation, partner/authority staff and team leads for their own.");
        offers.MapPut("/{id:guid}", UpdateAsync)
            .RequiresIfMatch()
            .WithSummary("Replaces an offer. Needs If-Match; \"verified\": true stamps today as the verification date.");
        offers.MapPost("/import-hsds", ImportHsdsAsync)
            .RequireAuthorization(Policies.Coordination)
            .Accepts<object>("application/json")
            .WithSummary("Imports HSDS 3.0 JSON (a service, an array or a page) into the directory; coordinators only. Idempotent.");
        return api;
    }

    private static async Task<Ok<PagedList<OfferDto>>> ListAsync([AsParameters] OfferFilter filter, [AsParameters] PageRequest paging, HttpContext context, OfferService service)
    {
        var (p, size) = paging.Normalized;
        var (items, total) = await service.SearchAsync(filter.ToQuery(), p, size, context.RequestAborted);
        return TypedResults.Ok(new PagedList<OfferDto>([.. items.Select(o => OfferDto.From(o, service.IsStale(o)))], total, p, size));
    }

    private static async Task<Results<Ok<OfferDto>, NotFound>> GetAsync(Guid id, HttpContext context, OfferService service)
    {
        if (await service.FindAsync(id, context.RequestAborted) is not { } offer)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.ETag = ApiConventions.ETag(offer.Version);
        return TypedResults.Ok(OfferDto.From(offer, service.IsStale(offer)));
    }

    private static async Task<Results<Created<OfferDto>, ForbidHttpResult>> CreateAsync(OfferWrite body, HttpContext context, LotseDbContext db, OfferService service)
    {
        var organizationId = body.OrganizationId ?? context.User.GetOrganizationIdOrEmpty();
        if (!OfferAuthorizationHandler.MayMaintain(context.User, organizationId))
        {
            return TypedResults.Forbid();
        }

        var offer = new Offer { Name = body.Name ?? string.Empty, OrganizationId = organizationId };
        Apply(offer, body, service.Today);
        await service.ValidateAsync(offer, context.RequestAborted);
        db.Offers.Add(offer);
        await db.SaveChangesAsync(context.RequestAborted);
        var created = await service.FindAsync(offer.Id, context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(created!.Version);
        return TypedResults.Created($"/api/v1/offers/{offer.Id}", OfferDto.From(created, service.IsStale(created)));
    }

    private static async Task<Results<Ok<OfferDto>, NotFound, ProblemHttpResult, ForbidHttpResult>> UpdateAsync(Guid id, OfferWrite body, HttpContext context, LotseDbContext db, OfferService service)
    {
        if (await db.Offers.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == id, context.RequestAborted) is not { } offer)
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
        await service.ValidateAsync(offer, context.RequestAborted);
        await db.SaveChangesAsync(context.RequestAborted);
        var saved = await service.FindAsync(id, context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(saved!.Version);
        return TypedResults.Ok(OfferDto.From(saved, service.IsStale(saved)));
    }

    private static async Task<Ok<Hsds.HsdsImportResult>> ImportHsdsAsync(string? needArea, HttpContext context, Hsds.HsdsImport import)
    {
        using var reader = new StreamReader(context.Request.Body);
        var json = await reader.ReadToEndAsync(context.RequestAborted);
        return TypedResults.Ok(await import.ImportAsync(json, needArea, context.RequestAborted));
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
