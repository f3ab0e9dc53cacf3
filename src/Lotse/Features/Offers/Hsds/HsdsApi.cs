using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Lotse.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;

namespace Lotse.Features.Offers.Hsds;

/// <summary>
/// The read API of Open Referral HSDS 3.0 under <c>/api/hsds</c>. The directory holds no personal
/// data and is meant to be shared, so these endpoints are public, answer HEAD and cross-origin
/// requests without credentials (ADR 009). Every query parameter of the HSDS specification for these
/// endpoints is either implemented or refused with a 400 that names it; so is any other parameter,
/// so that a directory never mistakes an ignored filter for an empty result.
/// </summary>
public static class HsdsApi
{
    public const string Prefix = "/api/hsds";

    /// <summary>The CORS policy and the OpenAPI document of the feed.</summary>
    public const string Name = "hsds";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IServiceCollection AddHsdsApi(this IServiceCollection services)
    {
        services.AddCors(o => o.AddPolicy(Name, p => p.AllowAnyOrigin().WithMethods(HttpMethods.Get, HttpMethods.Head, HttpMethods.Options).AllowAnyHeader()));
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = d => d.GroupName == Name;
            o.AddOperationTransformer<Web.ApiDescription>();
            o.AddDocumentTransformer<Web.ApiDescription>();
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Lotse – Open Referral HSDS 3.0",
                    Version = "3.0",
                    Description = "Das öffentliche Angebotsverzeichnis von Lotse im Format Open Referral HSDS 3.0: nur die Endpunkte und Parameter, die Lotse bedient.",
                    License = new OpenApiLicense { Name = "EUPL-1.2", Identifier = "EUPL-1.2" },
                };

                // Paths as HSDS names them (/services), relative to the server that the document names.
                var paths = new OpenApiPaths();
                foreach (var (path, item) in document.Paths)
                {
                    paths.Add(path == Prefix ? "/" : path[Prefix.Length..], item);
                }

                document.Paths = paths;
                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        var hsds = app.MapGroup(Prefix).AllowAnonymous().RequireCors(Name).WithTags("HSDS 3.0").WithGroupName(Name)
            .AddEndpointFilterFactory(OnlyKnownParameters);

        hsds.MapMethods("/", GetAndHead, (HttpRequest request) => Json(new JsonObject
        {
            ["version"] = "3.0",
            ["profile"] = "https://docs.openreferral.org/en/3.0/",
            ["openapi_url"] = $"{request.Scheme}://{request.Host}{request.PathBase}{Prefix}/openapi.json",
        }))
        .WithSummary("About this API: its HSDS version and the description of what Lotse serves.");

        hsds.MapMethods("/openapi.json", GetAndHead, async ([FromKeyedServices(Name)] IOpenApiDocumentProvider provider, HttpContext context) =>
            {
                var document = await provider.GetOpenApiDocumentAsync(context.RequestAborted);
                document.Servers = [new OpenApiServer { Url = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}{Prefix}" }];
                return Results.Text(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, context.RequestAborted), "application/json; charset=utf-8");
            })
            .ExcludeFromDescription();

        hsds.MapMethods("/services", GetAndHead, async ([AsParameters] ServiceFilter filter, int? page, int? per_page, string? format, bool? minimal, bool? full,
            HsdsPublisher publisher, HttpContext context) =>
        {
            if (Problems(filter.Check(), Format(format), Paging(page, per_page, out var paging)) is { } bad)
            {
                return bad;
            }

            var needAreas = await publisher.NeedAreasAsync(context.RequestAborted);
            var query = filter.Apply(publisher.Services, needAreas).OrderBy(o => o.Name).ThenBy(o => o.Id);
            if (minimal == true)
            {
                // All services in one answer (HSDS: "aim to return all services within one call"): id and last change.
                var all = await query.Select(o => new { o.Id, o.UpdatedAt }).ToListAsync(context.RequestAborted);
                return List(format, all.Select(o => (JsonNode)new JsonObject { ["id"] = o.Id.ToString(), ["last_modified"] = HsdsPublisher.Timestamp(o.UpdatedAt) }).ToList(),
                    new(1, Math.Max(1, all.Count)));
            }

            var shaped = full == true ? Include(query) : query.Include(o => o.Organization);
            return await ListAsync(format, paging, shaped, Each<Offer>(o => HsdsPublisher.Service(o, needAreas, full == true)), context.RequestAborted);
        })
        .WithSummary("Services (Lotse offers), filtered; full=true nests every related record, minimal=true lists id and last change of all, format=ndjson streams all.");

        hsds.MapMethods("/services/{id}", GetAndHead, async (string id, HsdsPublisher publisher, HttpContext context) =>
            Guid.TryParse(id, out var guid) && await Include(publisher.Services).SingleOrDefaultAsync(o => o.Id == guid, context.RequestAborted) is { } offer
                ? Json(HsdsPublisher.Service(offer, await publisher.NeedAreasAsync(context.RequestAborted), full: true))
                : NotFound())
        .WithSummary("One service, fully nested.");

        hsds.MapMethods("/organizations", GetAndHead, async (string? search, bool? full, bool? full_service, int? page, int? per_page, string? format,
            HsdsPublisher publisher, HttpContext context) =>
        {
            if (Problems(Format(format), Paging(page, per_page, out var paging)) is { } bad)
            {
                return bad;
            }

            var query = publisher.Organizations;
            if (!string.IsNullOrWhiteSpace(search))
            {
                var text = search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower().
                query = query.Where(o => o.Name.ToLower().Contains(text) || (o.ShortName != null && o.ShortName.ToLower().Contains(text))
                    || (o.Description != null && o.Description.ToLower().Contains(text)));
#pragma warning restore CA1304, CA1311, CA1862
            }

            var nested = full_service == true || full == true;
            var needAreas = nested ? await publisher.NeedAreasAsync(context.RequestAborted) : null;
            return await ListAsync(format, paging, query.OrderBy(o => o.Name).ThenBy(o => o.Id), nested
                ? (organizations, ct) => WithServicesAsync(organizations, publisher, needAreas!, full_service == true, ct)
                : Each<Organizations.Organization>(o => HsdsPublisher.Organization(o)), context.RequestAborted);
        })
        .WithSummary("Organisations that publish at least one active offer; full=true adds their services, full_service=true fully nested.");

        hsds.MapMethods("/organizations/{id}", GetAndHead, async (string id, bool? full_service, HsdsPublisher publisher, HttpContext context) =>
        {
            if (!Guid.TryParse(id, out var guid) || await publisher.Organizations.SingleOrDefaultAsync(o => o.Id == guid, context.RequestAborted) is not { } organization)
            {
                return NotFound();
            }

            var needAreas = await publisher.NeedAreasAsync(context.RequestAborted);
            return Json((await WithServicesAsync([organization], publisher, needAreas, full_service == true, context.RequestAborted))[0]);
        })
        .WithSummary("One organisation with its services; full_service=true nests each service fully.");

        hsds.MapMethods("/taxonomies", GetAndHead, (string? search, int? page, int? per_page, string? format) =>
        {
            if (Problems(Format(format), Paging(page, per_page, out var paging)) is { } bad)
            {
                return bad;
            }

            var taxonomy = HsdsPublisher.Taxonomy();
            List<JsonNode> all = Matches(search, taxonomy["name"]!.GetValue<string>(), taxonomy["description"]!.GetValue<string>()) ? [taxonomy] : [];
            return List(format, all, paging);
        })
        .WithSummary("The taxonomies: the need areas (Handlungsfelder).");

        hsds.MapMethods("/taxonomies/{id}", GetAndHead, (string id) => Guid.TryParse(id, out var guid) && guid == HsdsPublisher.TaxonomyId ? Json(HsdsPublisher.Taxonomy()) : NotFound())
            .WithSummary("One taxonomy.");

        hsds.MapMethods("/taxonomy_terms", GetAndHead, async (string? search, int? page, int? per_page, string? format, Guid? taxonomy_id, bool? top_only, Guid? parent_id,
            HsdsPublisher publisher, HttpContext context) =>
        {
            if (Problems(Format(format), Paging(page, per_page, out var paging)) is { } bad)
            {
                return bad;
            }

            // The need areas are one flat list: every term is at the top, none has a parent or a child.
            var terms = taxonomy_id is { } t && t != HsdsPublisher.TaxonomyId || parent_id is not null
                ? []
                : (await publisher.NeedAreasAsync(context.RequestAborted)).Where(e => Matches(search, e.Key, e.Value)).ToList();
            return List(format, terms.Select(e => (JsonNode)HsdsPublisher.Term(e.Key, e.Value)).ToList(), paging);
        })
        .WithSummary("The need areas as taxonomy terms (one level: top_only changes nothing, parent_id finds none).");

        hsds.MapMethods("/taxonomy_terms/{id}", GetAndHead, async (string id, HsdsPublisher publisher, HttpContext context) =>
            Guid.TryParse(id, out var guid) && (await publisher.NeedAreasAsync(context.RequestAborted)).FirstOrDefault(e => HsdsPublisher.TermId(e.Key) == guid) is { Key: not null } term
                ? Json(HsdsPublisher.Term(term.Key, term.Value))
                : NotFound())
        .WithSummary("One taxonomy term.");

        hsds.MapMethods("/service_at_locations", GetAndHead, async ([AsParameters] ServiceFilter filter, string? postcode, string? proximity, bool? full, int? page, int? per_page,
            string? format, HsdsPublisher publisher, LotseDbContext db, HttpContext context) =>
        {
            var unsupported = proximity is null ? null : new Dictionary<string, string[]>
            {
                ["proximity"] = ["Lotse kennt keine Koordinaten seiner Orte und sucht daher nicht nach Entfernung; postcode findet die Orte mit dieser Postleitzahl."],
            };
            if (Problems(filter.Check(), unsupported, Format(format), Paging(page, per_page, out var paging)) is { } bad)
            {
                return bad;
            }

            var needAreas = await publisher.NeedAreasAsync(context.RequestAborted);
            var services = filter.Apply(publisher.Services, needAreas);
            var query = db.OfferLocations.Where(l => services.Any(o => o.Id == l.OfferId));
            if (!string.IsNullOrWhiteSpace(postcode))
            {
                var code = postcode.Trim();
                query = query.Where(l => l.PostalCode == code);
            }

            return await ListAsync(format, paging, query.Include(l => l.District).OrderBy(l => l.OfferId).ThenBy(l => l.Id), async (locations, ct) =>
            {
                var ids = locations.Select(l => l.OfferId).Distinct().ToList();
                var offers = await (full == true ? Include(db.Offers) : db.Offers.Include(o => o.Organization)).Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
                return locations.Select(l => (JsonNode)HsdsPublisher.ServiceAtLocation(offers[l.OfferId], l, withService: true,
                    full == true ? HsdsPublisher.Service(offers[l.OfferId], needAreas, full: false) : null)).ToList();
            }, context.RequestAborted);
        })
        .WithSummary("Services at locations, filtered like services and by postcode; full=true nests the service.");

        hsds.MapMethods("/service_at_locations/{id}", GetAndHead, async (string id, HsdsPublisher publisher, LotseDbContext db, HttpContext context) =>
        {
            // The id is derived from offer and location, so it is found among the (offer, location) pairs of active offers.
            var pairs = Guid.TryParse(id, out var guid)
                ? await db.OfferLocations.Where(l => publisher.Services.Any(o => o.Id == l.OfferId)).Select(l => new { l.OfferId, l.Id }).ToListAsync(context.RequestAborted)
                : [];
            if (pairs.FirstOrDefault(p => HsdsPublisher.ServiceAtLocationId(p.OfferId, p.Id) == guid) is not { } pair)
            {
                return NotFound();
            }

            var offer = await Include(publisher.Services).SingleAsync(o => o.Id == pair.OfferId, context.RequestAborted);
            var needAreas = await publisher.NeedAreasAsync(context.RequestAborted);
            return Json(HsdsPublisher.ServiceAtLocation(offer, offer.Locations.Single(l => l.Id == pair.Id), withService: true, HsdsPublisher.Service(offer, needAreas, full: false)));
        })
        .WithSummary("One service at a location, with its service.");

        return app;
    }

    /// <summary>The filters that services and services at locations share, by their HSDS 3.0 names.</summary>
    public sealed class ServiceFilter
    {
        [FromQuery(Name = "search")]
        public string? Search { get; init; }

        // Ids as text, as HSDS types them, so that a malformed one is named by its HSDS name.
        [FromQuery(Name = "taxonomy_term_id")]
        public string? TaxonomyTermId { get; init; }

        [FromQuery(Name = "taxonomy_id")]
        public string? TaxonomyId { get; init; }

        [FromQuery(Name = "organization_id")]
        public string? OrganizationId { get; init; }

        /// <summary>An instant in ISO 8601; without an offset it is UTC, as everywhere in HSDS.</summary>
        [FromQuery(Name = "modified_after")]
        public string? ModifiedAfter { get; init; }

        private DateTime? After =>
            DateTime.TryParse(ModifiedAfter, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ? utc : null;

        public Dictionary<string, string[]>? Check()
        {
            var errors = new Dictionary<string, string[]>();
            if (ModifiedAfter is not null && After is null)
            {
                errors["modified_after"] = ["Ein Zeitpunkt nach ISO 8601, z. B. 2026-12-01T00:00:00Z."];
            }

            foreach (var (name, value) in new[] { ("taxonomy_term_id", TaxonomyTermId), ("taxonomy_id", TaxonomyId), ("organization_id", OrganizationId) })
            {
                if (value is not null && !Guid.TryParse(value, out _))
                {
                    errors[name] = ["Eine UUID, wie sie die Listen dieses Verzeichnisses nennen."];
                }
            }

            return errors.Count == 0 ? null : errors;
        }

        public IQueryable<Offer> Apply(IQueryable<Offer> query, IReadOnlyDictionary<string, string> needAreas)
        {
            if (!string.IsNullOrWhiteSpace(Search))
            {
                var text = Search.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower().
                query = query.Where(o => o.Name.ToLower().Contains(text) || (o.Description != null && o.Description.ToLower().Contains(text))
                    || o.Organization!.Name.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
            }

            if (Guid.TryParse(TaxonomyTermId, out var term))
            {
                var code = needAreas.Keys.FirstOrDefault(c => HsdsPublisher.TermId(c) == term) ?? "-";
                query = query.Where(o => o.NeedAreaCodes.Contains(code));
            }

            if (Guid.TryParse(TaxonomyId, out var taxonomy) && taxonomy != HsdsPublisher.TaxonomyId)
            {
                query = query.Where(o => false);
            }

            if (Guid.TryParse(OrganizationId, out var organization))
            {
                query = query.Where(o => o.OrganizationId == organization);
            }

            if (After is { } since)
            {
                // "modified on or after this datetime" (HSDS 3.0).
                query = query.Where(o => o.UpdatedAt >= since);
            }

            return query;
        }
    }

    public readonly record struct Pages(int Page, int PerPage);

    private static Dictionary<string, string[]>? Paging(int? page, int? perPage, out Pages paging)
    {
        paging = new(page ?? 1, Math.Min(perPage ?? 50, 200));
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
        {
            errors["page"] = ["Die Seiten beginnen bei 1."];
        }

        if (perPage < 1)
        {
            errors["per_page"] = ["Mindestens 1 Eintrag je Seite (höchstens 200)."];
        }

        return errors.Count == 0 ? null : errors;
    }

    private static Dictionary<string, string[]>? Format(string? format) =>
        format is null or "json" or "ndjson" ? null : new() { ["format"] = ["json (Standard) oder ndjson."] };

    private static IResult? Problems(params Dictionary<string, string[]>?[] checks)
    {
        var errors = checks.OfType<Dictionary<string, string[]>>().SelectMany(d => d).ToDictionary();
        return errors.Count == 0 ? null : Results.ValidationProblem(errors, title: "Ungültige Parameter.", statusCode: StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// A list endpoint's answer from the database: one page, or with format=ndjson every item.
    /// <paramref name="shape"/> builds the items of a page at once, where they need more records.
    /// </summary>
    private static async Task<IResult> ListAsync<T>(string? format, Pages paging, IQueryable<T> query, Func<List<T>, CancellationToken, Task<List<JsonNode>>> shape,
        CancellationToken cancellationToken)
    {
        if (format == "ndjson")
        {
            return Lines(await shape(await query.ToListAsync(cancellationToken), cancellationToken));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((paging.Page - 1) * paging.PerPage).Take(paging.PerPage).ToListAsync(cancellationToken);
        return Json(HsdsPublisher.Page(await shape(items, cancellationToken), total, paging.Page, paging.PerPage));
    }

    private static Func<List<T>, CancellationToken, Task<List<JsonNode>>> Each<T>(Func<T, JsonNode> one) => (items, _) => Task.FromResult(items.Select(one).ToList());

    /// <summary>A list endpoint's answer from a list in memory.</summary>
    private static IResult List(string? format, List<JsonNode> all, Pages paging) => format == "ndjson"
        ? Lines(all)
        : Json(HsdsPublisher.Page(all.Skip((paging.Page - 1) * paging.PerPage).Take(paging.PerPage), all.Count, paging.Page, paging.PerPage));

    /// <summary>Newline-delimited JSON: one item per line, no paging.</summary>
    private static IResult Lines(List<JsonNode> items)
    {
        var lines = new StringBuilder();
        foreach (var item in items)
        {
            lines.Append(item.ToJsonString(Output)).Append('\n');
        }

        return Results.Text(lines.ToString(), "application/x-ndjson; charset=utf-8");
    }

    private static async Task<List<JsonNode>> WithServicesAsync(List<Organizations.Organization> organizations, HsdsPublisher publisher, IReadOnlyDictionary<string, string> needAreas,
        bool full, CancellationToken cancellationToken)
    {
        var ids = organizations.Select(o => o.Id).ToList();
        var services = publisher.Services.Where(o => ids.Contains(o.OrganizationId));
        var offers = await (full ? Include(services) : services).OrderBy(o => o.Name).ThenBy(o => o.Id).ToListAsync(cancellationToken);
        return organizations.Select(o =>
        {
            var node = HsdsPublisher.Organization(o);
            node["services"] = new JsonArray([.. offers.Where(s => s.OrganizationId == o.Id).Select(s => (JsonNode)HsdsPublisher.Service(s, needAreas, full, nestOrganization: false))]);
            return (JsonNode)node;
        }).ToList();
    }

    private static bool Matches(string? search, params string[] texts) =>
        string.IsNullOrWhiteSpace(search) || texts.Any(t => t.Contains(search.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Refuses query parameters the endpoint does not know: HSDS clients add filters freely, and a filter
    /// that is silently ignored returns everything as if it matched.
    /// </summary>
    private static EndpointFilterDelegate OnlyKnownParameters(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var known = parameters
            .Where(p => p.GetCustomAttribute<AsParametersAttribute>() is null && (Nullable.GetUnderlyingType(p.ParameterType) is not null || p.ParameterType == typeof(string)))
            .Select(p => p.Name!)
            .Concat(parameters.Where(p => p.GetCustomAttribute<AsParametersAttribute>() is not null)
                .SelectMany(p => p.ParameterType.GetProperties())
                .Select(p => p.GetCustomAttribute<FromQueryAttribute>()?.Name)
                .OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return invocation =>
        {
            var unknown = invocation.HttpContext.Request.Query.Keys.Where(k => !known.Contains(k)).Order(StringComparer.Ordinal).ToList();
            return unknown.Count == 0
                ? next(invocation)
                : ValueTask.FromResult<object?>(Results.ValidationProblem(
                    unknown.ToDictionary(k => k, _ => new[] { known.Count == 0 ? "Dieser Endpunkt kennt keine Parameter." : "Unbekannter Parameter; bekannt sind: " + string.Join(", ", known.Order(StringComparer.Ordinal)) + "." }),
                    title: "Ungültige Parameter.", statusCode: StatusCodes.Status400BadRequest));
        };
    }

    private static IQueryable<Offer> Include(IQueryable<Offer> offers) =>
        offers.Include(o => o.Organization).Include(o => o.Locations).ThenInclude(l => l.District).AsSplitQuery();

    private static readonly JsonSerializerOptions Output = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(Output), "application/json; charset=utf-8");

    private static IResult NotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nicht gefunden.");
}
