using System.Globalization;
using System.Net.Mail;
using System.Text.Json.Nodes;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Offers.Hsds;

/// <summary>
/// Shapes the directory as Open Referral HSDS 3.0 (ADR 009): offers are services, their locations
/// are locations and service-at-locations, need areas are the taxonomy "Lotse Handlungsfelder".
/// </summary>
public sealed class HsdsPublisher(LotseDbContext db)
{
    /// <summary>The id of the need-area taxonomy; fixed so that other systems can rely on it.</summary>
    public static readonly Guid TaxonomyId = new("0193a5c4-1d2e-7c6b-9f00-4b4f54534841");

    public const string TaxonomyName = "Lotse Handlungsfelder";

    /// <summary>What the feed says of an offer with interpretation when the import brought no text of its own.</summary>
    public const string InterpretationText = "Dolmetschung wird organisiert.";

    /// <summary>A location's description where Lotse knows only its district: "Stadtteil Schalke".</summary>
    public const string DistrictPrefix = "Stadtteil ";

    public const string NoWait = "keine Wartezeit";

    public static Guid TermId(string needAreaCode) => StableId.From(TaxonomyId, "term:" + needAreaCode);

    public static Guid ServiceAtLocationId(Guid offerId, Guid locationId) => StableId.From(offerId, "sal:" + locationId);

    public IQueryable<Offer> Services => db.Offers.Where(o => o.IsActive);

    public IQueryable<Organization> Organizations => db.Organizations.Where(o => o.IsActive && db.Offers.Any(x => x.IsActive && x.OrganizationId == o.Id));

    public Task<IReadOnlyDictionary<string, string>> NeedAreasAsync(CancellationToken cancellationToken) =>
        CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, activeOnly: true, cancellationToken);

    public static JsonObject Page(IEnumerable<JsonNode> contents, int total, int page, int perPage)
    {
        var items = new JsonArray([.. contents]);
        var pages = Math.Max(1, (int)Math.Ceiling(total / (double)perPage));
        return new JsonObject
        {
            ["total_items"] = total,
            ["total_pages"] = pages,
            ["page_number"] = page,
            ["size"] = items.Count,
            ["first_page"] = page == 1,
            ["last_page"] = page >= pages,
            // This page, not the whole list: a page past the last is empty.
            ["empty"] = items.Count == 0,
            ["contents"] = items,
        };
    }

    public static JsonObject Organization(Organization o) => Compact(new JsonObject
    {
        ["id"] = o.Id.ToString(),
        ["name"] = o.Name,
        ["alternate_name"] = o.ShortName,
        ["description"] = o.Description ?? OrganizationKinds.DisplayName(o.Kind),
        ["email"] = Email(o.Email),
        ["website"] = AbsoluteUrl(o.Website),
    });

    /// <summary>A service with its one-to-one fields and its organisation (the list shape); with <paramref name="full"/> all nested records.</summary>
    public static JsonObject Service(Offer o, IReadOnlyDictionary<string, string> needAreas, bool full, bool nestOrganization = true)
    {
        var service = Compact(new JsonObject
        {
            ["id"] = o.Id.ToString(),
            ["organization_id"] = o.OrganizationId.ToString(),
            ["name"] = o.Name,
            ["description"] = o.Description,
            ["url"] = AbsoluteUrl(o.Url),
            ["email"] = Email(o.Email),
            ["status"] = o.IsActive ? "active" : "inactive",
            ["interpretation_services"] = o.InterpretationAvailable ? InterpretationText : null,
            ["application_process"] = o.ApplicationProcess,
            ["fees_description"] = o.Fees,
            ["wait_time"] = o.WaitingWeeks is { } weeks ? (weeks == 0 ? NoWait : string.Create(CultureInfo.InvariantCulture, $"{weeks} Wochen")) : o.Capacity,
            ["eligibility_description"] = o.Eligibility,
            ["assured_date"] = o.LastVerifiedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["last_modified"] = Timestamp(o.UpdatedAt),
        });
        if (nestOrganization && o.Organization is not null)
        {
            service["organization"] = Organization(o.Organization);
        }

        // What an import brought beyond Lotse's model goes out again: its single fields always, its lists in the full shape.
        Merge(service, o.HsdsExtras, lists: full);
        if (o.InterpretationAvailable && Extras(o.HsdsExtras)?["interpretation_services"] is JsonValue interpretation)
        {
            service["interpretation_services"] = interpretation.DeepClone();
        }

        if (!full)
        {
            return service;
        }

        service["phones"] = new JsonArray([.. Phones(o)]);
        service["languages"] = new JsonArray([.. o.Languages.Select(code => (JsonNode)Compact(new JsonObject
        {
            ["id"] = StableId.From(o.Id, "language:" + code).ToString(),
            ["service_id"] = o.Id.ToString(),
            ["name"] = Languages.Name(code),
            ["code"] = code,
        }))]);
        service["contacts"] = new JsonArray([.. Contacts(o)]);
        service["required_documents"] = o.RequiredDocuments is null ? new JsonArray() : new JsonArray(Compact(new JsonObject
        {
            ["id"] = StableId.From(o.Id, "documents").ToString(),
            ["service_id"] = o.Id.ToString(),
            ["document"] = o.RequiredDocuments,
        }));
        service["attributes"] = new JsonArray([.. o.NeedAreaCodes.Select(code => (JsonNode)Attribute(o.Id, code, needAreas))]);
        service["service_at_locations"] = new JsonArray([.. o.Locations.Select(l => (JsonNode)ServiceAtLocation(o, l, withService: false))]);
        return service;
    }

    /// <summary>A service at a location; with <paramref name="withService"/> naming its service, or nesting <paramref name="service"/> when given.</summary>
    public static JsonObject ServiceAtLocation(Offer o, OfferLocation l, bool withService, JsonObject? service = null)
    {
        var result = Compact(new JsonObject
        {
            ["id"] = ServiceAtLocationId(o.Id, l.Id).ToString(),
            ["service_id"] = o.Id.ToString(),
            ["location_id"] = l.Id.ToString(),
            ["location"] = Location(o, l),
        });
        if (l.OpeningHours is not null)
        {
            result["schedules"] = new JsonArray(Compact(new JsonObject
            {
                ["id"] = StableId.From(l.Id, "schedule").ToString(),
                ["service_at_location_id"] = ServiceAtLocationId(o.Id, l.Id).ToString(),
                ["description"] = l.OpeningHours,
            }));
        }

        if (withService)
        {
            result["service"] = service ?? Compact(new JsonObject { ["id"] = o.Id.ToString(), ["name"] = o.Name });
        }

        return result;
    }

    public static string Timestamp(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject Taxonomy() => new()
    {
        ["id"] = TaxonomyId.ToString(),
        ["name"] = TaxonomyName,
        ["description"] = "Handlungsfelder des Kommunalen Integrationsmanagements NRW (Bedarfsbereiche eines Falls).",
        ["version"] = "1",
    };

    public static JsonObject Term(string code, string label) => new()
    {
        ["id"] = TermId(code).ToString(),
        ["code"] = code,
        ["name"] = label,
        ["description"] = label,
        ["taxonomy"] = TaxonomyName,
        ["taxonomy_id"] = TaxonomyId.ToString(),
        ["language"] = "de",
    };

    private static JsonObject Attribute(Guid offerId, string code, IReadOnlyDictionary<string, string> needAreas) => new()
    {
        ["id"] = StableId.From(offerId, "attribute:" + code).ToString(),
        ["link_id"] = offerId.ToString(),
        ["taxonomy_term_id"] = TermId(code).ToString(),
        ["link_type"] = "need_area",
        ["link_entity"] = "service",
        ["taxonomy_term"] = Term(code, needAreas.GetValueOrDefault(code, code)),
    };

    private static IEnumerable<JsonNode> Phones(Offer o) => o.Phone is null ? [] :
    [
        new JsonObject
        {
            ["id"] = StableId.From(o.Id, "phone").ToString(),
            ["service_id"] = o.Id.ToString(),
            ["number"] = o.Phone,
            ["type"] = "voice",
        },
    ];

    private static IEnumerable<JsonNode> Contacts(Offer o) => o.ContactName is null && o.Email is null ? [] :
    [
        Compact(new JsonObject
        {
            ["id"] = StableId.From(o.Id, "contact").ToString(),
            ["service_id"] = o.Id.ToString(),
            ["name"] = o.ContactName,
            ["email"] = Email(o.Email),
        }),
    ];

    private static JsonObject Location(Offer o, OfferLocation l)
    {
        var location = Compact(new JsonObject
        {
            ["id"] = l.Id.ToString(),
            ["location_type"] = "physical",
            ["organization_id"] = o.OrganizationId.ToString(),
            ["name"] = l.Name ?? l.District?.Name,
            ["description"] = l.District is { } district ? DistrictPrefix + district.Name : null,
        });
        Merge(location, l.HsdsExtras, lists: true);
        if (l.Street is not null && l.PostalCode is not null && l.City is not null)
        {
            location["addresses"] = new JsonArray(new JsonObject
            {
                ["id"] = StableId.From(l.Id, "address").ToString(),
                ["location_id"] = l.Id.ToString(),
                ["address_1"] = l.Street,
                ["city"] = l.City,
                ["state_province"] = "Nordrhein-Westfalen",
                ["postal_code"] = l.PostalCode,
                ["country"] = "DE",
                ["address_type"] = "physical",
            });
        }

        if (l.Accessibility is not null)
        {
            location["accessibility"] = new JsonArray(new JsonObject
            {
                ["id"] = StableId.From(l.Id, "accessibility").ToString(),
                ["location_id"] = l.Id.ToString(),
                ["description"] = l.Accessibility,
            });
        }

        return location;
    }

    // As written, not normalised (Uri would add a trailing slash), so that an import of the feed changes nothing.
    private static string? AbsoluteUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? url : null;

    private static JsonObject? Extras(string? extras) => extras is null ? null : JsonNode.Parse(extras) as JsonObject;

    /// <summary>Adds the kept HSDS fields that the record does not already carry from Lotse's own model.</summary>
    private static void Merge(JsonObject record, string? extras, bool lists)
    {
        foreach (var (key, value) in Extras(extras) ?? [])
        {
            if (!record.ContainsKey(key) && key != "interpretation_services" && (lists || value is not JsonArray))
            {
                record[key] = value?.DeepClone();
            }
        }
    }

    private static string? Email(string? email) =>
        email is not null && MailAddress.TryCreate(email, out var address) && address.Host.Contains('.', StringComparison.Ordinal) ? email : null;

    private static JsonObject Compact(JsonObject value)
    {
        foreach (var key in value.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            value.Remove(key);
        }

        return value;
    }
}
