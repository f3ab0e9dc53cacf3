using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Offers.Hsds;

/// <summary>
/// The read API of Open Referral HSDS 3.0 under <c>/api/hsds</c>. The directory holds no personal
/// data and is meant to be shared, so these endpoints are public (ADR 009).
/// </summary>
public static class HsdsApi
{
    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var hsds = app.MapGroup("/api/hsds").AllowAnonymous().WithTags("HSDS 3.0");

        hsds.MapGet("/", () => Json(new JsonObject
        {
            ["version"] = "3.0",
            ["profile"] = "https://docs.openreferral.org/en/3.0/",
            ["openapi_url"] = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json",
        }))
        .WithSummary("About this API and its HSDS version.");

        hsds.MapGet("/services", async (string? search, int? page, int? per_page, Guid? taxonomy_term_id, Guid? taxonomy_id, Guid? organization_id,
            DateTime? modified_after, bool? full, HsdsPublisher publisher, LocalZone zone, HttpContext context) =>
        {
            var (p, size) = Paging(page, per_page);
            var needAreas = await publisher.NeedAreasAsync(context.RequestAborted);
            var query = publisher.Services;
            if (!string.IsNullOrWhiteSpace(search))
            {
                var text = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower().
                query = query.Where(o => o.Name.ToLower().Contains(text) || (o.Description != null && o.Description.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
            }

            if (taxonomy_term_id is { } term)
            {
                var code = needAreas.Keys.FirstOrDefault(c => HsdsPublisher.TermId(c) == term) ?? "-";
                query = query.Where(o => o.NeedAreaCodes.Contains(code));
            }

            if (taxonomy_id is { } taxonomy && taxonomy != HsdsPublisher.TaxonomyId)
            {
                query = query.Where(o => false);
            }

            if (organization_id is { } organization)
            {
                query = query.Where(o => o.OrganizationId == organization);
            }

            if (modified_after is { } after)
            {
                var utc = zone.FromClient(after);
                query = query.Where(o => o.UpdatedAt > utc);
            }

            var total = await query.CountAsync(context.RequestAborted);
            var items = await Include(query).OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((p - 1) * size).Take(size).ToListAsync(context.RequestAborted);
            return Json(HsdsPublisher.Page(items.Select(o => (JsonNode)HsdsPublisher.Service(o, needAreas, full == true)), total, p, size));
        })
        .WithSummary("Paged services (Lotse offers); full=true nests every related record.");

        hsds.MapGet("/services/{id:guid}", async (Guid id, HsdsPublisher publisher, HttpContext context) =>
        {
            var offer = await Include(publisher.Services).SingleOrDefaultAsync(o => o.Id == id, context.RequestAborted);
            return offer is null ? NotFound() : Json(HsdsPublisher.Service(offer, await publisher.NeedAreasAsync(context.RequestAborted), full: true));
        })
        .WithSummary("One service, fully nested.");

        hsds.MapGet("/organizations", async (string? search, int? page, int? per_page, HsdsPublisher publisher, HttpContext context) =>
        {
            var (p, size) = Paging(page, per_page);
            var query = publisher.Organizations;
            if (!string.IsNullOrWhiteSpace(search))
            {
                var text = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower().
                query = query.Where(o => o.Name.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
            }

            var total = await query.CountAsync(context.RequestAborted);
            var items = await query.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((p - 1) * size).Take(size).ToListAsync(context.RequestAborted);
            return Json(HsdsPublisher.Page(items.Select(o => (JsonNode)HsdsPublisher.Organization(o)), total, p, size));
        })
        .WithSummary("Paged organisations that publish at least one active offer.");

        hsds.MapGet("/organizations/{id:guid}", async (Guid id, HsdsPublisher publisher, HttpContext context) =>
            await publisher.Organizations.SingleOrDefaultAsync(o => o.Id == id, context.RequestAborted) is { } organization
                ? Json(HsdsPublisher.Organization(organization))
                : NotFound())
        .WithSummary("One organisation.");

        hsds.MapGet("/taxonomies", (int? page, int? per_page) =>
        {
            var (p, size) = Paging(page, per_page);
            return Json(HsdsPublisher.Page(p == 1 ? [HsdsPublisher.Taxonomy()] : [], 1, p, size));
        })
        .WithSummary("The taxonomies: the need areas (Handlungsfelder).");

        hsds.MapGet("/taxonomies/{id:guid}", (Guid id) => id == HsdsPublisher.TaxonomyId ? Json(HsdsPublisher.Taxonomy()) : NotFound())
            .WithSummary("One taxonomy.");

        hsds.MapGet("/taxonomy_terms", async (int? page, int? per_page, Guid? taxonomy_id, HsdsPublisher publisher, HttpContext context) =>
        {
            var (p, size) = Paging(page, per_page);
            var terms = taxonomy_id is { } t && t != HsdsPublisher.TaxonomyId ? [] : (await publisher.NeedAreasAsync(context.RequestAborted)).ToList();
            return Json(HsdsPublisher.Page(terms.Skip((p - 1) * size).Take(size).Select(e => (JsonNode)HsdsPublisher.Term(e.Key, e.Value)), terms.Count, p, size));
        })
        .WithSummary("The need areas as taxonomy terms.");

        hsds.MapGet("/taxonomy_terms/{id:guid}", async (Guid id, HsdsPublisher publisher, HttpContext context) =>
            (await publisher.NeedAreasAsync(context.RequestAborted)).FirstOrDefault(e => HsdsPublisher.TermId(e.Key) == id) is { Key: not null } term
                ? Json(HsdsPublisher.Term(term.Key, term.Value))
                : NotFound())
        .WithSummary("One taxonomy term.");

        hsds.MapGet("/service_at_locations", async (int? page, int? per_page, HsdsPublisher publisher, LotseDbContext db, HttpContext context) =>
        {
            var (p, size) = Paging(page, per_page);
            var query = db.OfferLocations.Where(l => publisher.Services.Any(o => o.Id == l.OfferId));
            var total = await query.CountAsync(context.RequestAborted);
            var locations = await query.Include(l => l.District).OrderBy(l => l.OfferId).ThenBy(l => l.Id).Skip((p - 1) * size).Take(size).ToListAsync(context.RequestAborted);
            var offerIds = locations.Select(l => l.OfferId).Distinct().ToList();
            var offers = await db.Offers.Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, context.RequestAborted);
            return Json(HsdsPublisher.Page(locations.Select(l => (JsonNode)HsdsPublisher.ServiceAtLocation(offers[l.OfferId], l, withService: true)), total, p, size));
        })
        .WithSummary("Paged services at locations.");

        hsds.MapGet("/service_at_locations/{id:guid}", async (Guid id, HsdsPublisher publisher, LotseDbContext db, HttpContext context) =>
        {
            // The id is derived from offer and location, so it is found among the (offer, location) pairs of active offers.
            var pairs = await db.OfferLocations.Where(l => publisher.Services.Any(o => o.Id == l.OfferId))
                .Select(l => new { l.OfferId, l.Id }).ToListAsync(context.RequestAborted);
            if (pairs.FirstOrDefault(p => HsdsPublisher.ServiceAtLocationId(p.OfferId, p.Id) == id) is not { } pair)
            {
                return NotFound();
            }

            var offer = await Include(publisher.Services).SingleAsync(o => o.Id == pair.OfferId, context.RequestAborted);
            return Json(HsdsPublisher.ServiceAtLocation(offer, offer.Locations.Single(l => l.Id == pair.Id), withService: true));
        })
        .WithSummary("One service at a location.");

        return app;
    }

    private static IQueryable<Offer> Include(IQueryable<Offer> offers) =>
        offers.Include(o => o.Organization).Include(o => o.Locations).ThenInclude(l => l.District).AsSplitQuery();

    private static (int Page, int PerPage) Paging(int? page, int? perPage) => (Math.Max(1, page ?? 1), Math.Clamp(perPage ?? 50, 1, 200));

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(Output), "application/json; charset=utf-8");

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
