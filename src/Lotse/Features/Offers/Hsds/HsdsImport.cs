using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Offers.Hsds;

public sealed record HsdsImportResult(int Created, int Updated, int Unchanged, int OrganizationsCreated, IReadOnlyList<string> Warnings);

/// <summary>
/// Imports HSDS 3.0 JSON — one service, a page of services (<c>contents</c>) or an array — into the
/// directory. Ids are kept, so a second import of the same file changes nothing; a changed file
/// updates exactly the offers that differ.
/// </summary>
public sealed class HsdsImport(LotseDbContext db, OfferService offers)
{
    /// <summary>Need area for services that carry no Lotse need-area term: the general "orientation and participation".</summary>
    public const string DefaultNeedArea = "teilhabe";

    public async Task<HsdsImportResult> ImportAsync(string json, string? defaultNeedArea = null, CancellationToken cancellationToken = default)
    {
        JsonNode? root;
        try
        {
            // A key given twice is refused: which of the two values to keep would be a guess.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException exception)
        {
            throw new RuleViolationException("file", "Die Datei ist kein gültiges JSON: {0}", exception.Message);
        }

        List<JsonObject> services;
        if (root is JsonArray array)
        {
            services = [.. array.OfType<JsonObject>()];
        }
        else if (root is JsonObject page && page["contents"] is JsonArray contents)
        {
            services = [.. contents.OfType<JsonObject>()];
        }
        else if (root is JsonObject single && single["name"] is not null && single["id"] is not null)
        {
            services = [single];
        }
        else
        {
            throw new RuleViolationException("file", "Keine HSDS-Services gefunden: erwartet wird ein Service, eine Liste oder eine Seite mit „contents“.");
        }

        var needAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: cancellationToken);
        var fallback = defaultNeedArea ?? DefaultNeedArea;
        if (!needAreas.ContainsKey(fallback))
        {
            throw new RuleViolationException("needArea", "Unbekanntes Handlungsfeld: {0}", fallback);
        }

        var districts = await db.Districts.ToDictionaryAsync(d => d.Name, d => d.Id, StringComparer.Ordinal, cancellationToken);
        var warnings = new List<string>();
        int created = 0, updated = 0, unchanged = 0, organizationsCreated = 0;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        foreach (var (service, index) in services.Select((s, i) => (s, i)))
        {
            var id = IdOf(service["id"]);
            var name = Text(service["name"]);
            if (id is null || name is null)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Service {index + 1}: ohne gültige id oder name übersprungen."));
                continue;
            }

            var organizationId = IdOf(service["organization_id"]) ?? IdOf(service["organization"]?["id"]);
            if (organizationId is null)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"Service {name}: ohne Organisation übersprungen."));
                continue;
            }

            if (await EnsureOrganizationAsync(organizationId.Value, service["organization"] as JsonObject, cancellationToken))
            {
                organizationsCreated++;
            }

            var incoming = Map(service, id.Value, organizationId.Value, needAreas, fallback, districts);
            var existing = await db.Offers.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
            if (existing is not null)
            {
                KeepWhatIsNotSent(service, incoming, existing);
            }

            if (existing is null)
            {
                await offers.ValidateAsync(incoming, cancellationToken);
                db.Offers.Add(incoming);
                created++;
            }
            else if (Fingerprint(existing) == Fingerprint(incoming))
            {
                unchanged++;
            }
            else
            {
                Copy(incoming, existing);
                db.OfferLocations.RemoveRange(existing.Locations.Where(l => incoming.Locations.All(n => n.Id != l.Id)));
                foreach (var location in incoming.Locations.Where(l => !existing.Locations.Contains(l)))
                {
                    if (existing.Locations.FirstOrDefault(l => l.Id == location.Id) is { } current)
                    {
                        db.Entry(current).CurrentValues.SetValues(location);
                    }
                    else
                    {
                        existing.Locations.Add(location);
                    }
                }

                await offers.ValidateAsync(existing, cancellationToken);
                updated++;
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new HsdsImportResult(created, updated, unchanged, organizationsCreated, warnings);
    }

    private async Task<bool> EnsureOrganizationAsync(Guid id, JsonObject? source, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        var name = Text(source?["name"]);
        if (organization is null)
        {
            db.Organizations.Add(new Organization
            {
                Id = id,
                Name = name ?? "Organisation " + id.ToString()[..8],
                ShortName = Limit(Text(source?["alternate_name"]), 50),
                Kind = OrganizationKind.OtherPartner,
                Description = Text(source?["description"]),
                Website = Text(source?["website"]),
                Email = Text(source?["email"]),
            });
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }

        if (source is not null)
        {
            organization.Name = name ?? organization.Name;
            // The feed says the organisation's kind where it has no description: that is no description to keep.
            var description = Text(source["description"]);
            organization.Description = description == OrganizationKinds.DisplayName(organization.Kind) && organization.Description is null
                ? null
                : description ?? organization.Description;
            organization.Website = Text(source["website"]) ?? organization.Website;
            organization.Email = Text(source["email"]) ?? organization.Email;
        }

        return false;
    }

    /// <summary>The service fields Lotse models (or derives, like last_modified); every other field is kept in <see cref="Offer.HsdsExtras"/>.</summary>
    private static readonly HashSet<string> ServiceFields =
    [
        "id", "organization_id", "organization", "name", "description", "url", "email", "status", "interpretation_services", "application_process",
        "fees_description", "wait_time", "eligibility_description", "assured_date", "last_modified", "phones", "languages", "contacts",
        "required_documents", "attributes", "service_at_locations", "metadata",
    ];

    private static readonly HashSet<string> LocationFields = ["id", "location_type", "organization_id", "name", "description", "addresses", "accessibility"];

    private static Offer Map(JsonObject s, Guid id, Guid organizationId, IReadOnlyDictionary<string, string> needAreas, string fallback, Dictionary<string, Guid> districts)
    {
        var terms = Array(s["attributes"]).Select(a => a["taxonomy_term"] as JsonObject).OfType<JsonObject>().ToList();
        var codes = terms.Select(t => Text(t["code"])).OfType<string>().Where(needAreas.ContainsKey)
            .Concat(terms.Select(t => Text(t["name"])).OfType<string>().Select(n => needAreas.FirstOrDefault(e => e.Value == n).Key).OfType<string>())
            .Distinct(StringComparer.Ordinal).ToList();
        var languages = Array(s["languages"]).Select(l => Text(l["code"])?.ToLowerInvariant()).OfType<string>().Where(Languages.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        var documents = Array(s["required_documents"]).Select(d => Text(d["document"])).OfType<string>().ToList();
        var contact = Array(s["contacts"]).FirstOrDefault();
        var offer = new Offer
        {
            Id = id,
            OrganizationId = organizationId,
            Name = Limit(Text(s["name"]), 300)!,
            Description = Limit(Text(s["description"]), 4000),
            NeedAreaCodes = codes.Count > 0 ? codes : [fallback],
            Languages = languages,
            InterpretationAvailable = Text(s["interpretation_services"]) is not null,
            HsdsExtras = Extras(s, ServiceFields, Text(s["interpretation_services"]) is { } interpretation && interpretation != HsdsPublisher.InterpretationText
                ? ("interpretation_services", interpretation)
                : null),
            Eligibility = Limit(Text(s["eligibility_description"]), 2000),
            Fees = Limit(Text(s["fees_description"]) ?? Text(s["fees"]), 1000),
            RequiredDocuments = documents.Count == 0 ? null : Limit(string.Join("; ", documents), 2000),
            ApplicationProcess = Limit(Text(s["application_process"]), 2000),
            ContactName = Limit(Text(contact?["name"]), 200),
            Phone = Limit(Text(Array(s["phones"]).FirstOrDefault()?["number"])?.Trim('"'), 50),
            Email = Limit(Text(s["email"]), 256),
            Url = Limit(Text(s["url"]), 500),
            WaitingWeeks = WaitingWeeks(Text(s["wait_time"])),
            Capacity = WaitingWeeks(Text(s["wait_time"])) is null ? Limit(Text(s["wait_time"]), 500) : null,
            IsActive = Text(s["status"]) is null or "active",
            LastVerifiedOn = DateOnly.TryParseExact(Text(s["assured_date"]), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var assured) ? assured : null,
        };
        foreach (var sal in Array(s["service_at_locations"]))
        {
            if (sal["location"] is not JsonObject location || IdOf(location["id"]) is not { } locationId)
            {
                continue;
            }

            var address = Array(location["addresses"]).FirstOrDefault();
            // Lotse's own feed describes a location by its Stadtteil; that is the district again, not a description.
            var name = Limit(Text(location["name"]), 200);
            var description = Text(location["description"]);
            Guid? district = description is not null && description.StartsWith(HsdsPublisher.DistrictPrefix, StringComparison.Ordinal)
                && districts.TryGetValue(description[HsdsPublisher.DistrictPrefix.Length..], out var known) ? known : null;
            var districtName = district is null ? null : description![HsdsPublisher.DistrictPrefix.Length..];
            var schedule = Array(sal["schedules"]).Concat(Array(location["schedules"])).Select(x => Text(x["description"])).OfType<string>().FirstOrDefault();
            offer.Locations.Add(new OfferLocation
            {
                Id = locationId,
                OfferId = id,
                Name = name == districtName ? null : name,
                DistrictId = district,
                HsdsExtras = Extras(location, LocationFields, district is null && description is not null ? ("description", description) : null),
                Street = Limit(Text(address?["address_1"]), 200),
                PostalCode = Limit(Text(address?["postal_code"]), 10),
                City = Limit(Text(address?["city"]), 100),
                Accessibility = Limit(string.Join("; ", Array(location["accessibility"]).Select(a => Text(a["description"])).OfType<string>()) is { Length: > 0 } acc ? acc : null, 1000),
                OpeningHours = Limit(schedule, 1000),
            });
        }

        return offer;
    }

    /// <summary>The imported fields of an offer, so that an unchanged file leaves the offer untouched.</summary>
    private static string Fingerprint(Offer o) => JsonSerializer.Serialize(new object?[]
    {
        o.OrganizationId, o.Name, o.Description, o.NeedAreaCodes, o.Languages, o.InterpretationAvailable, o.Eligibility, o.Fees, o.RequiredDocuments,
        o.ApplicationProcess, o.ContactName, o.Phone, o.Email, o.Url, o.WaitingWeeks, o.Capacity, o.IsActive, o.LastVerifiedOn, o.HsdsExtras,
        o.Locations.OrderBy(l => l.Id).Select(l => new object?[] { l.Id, l.Name, l.Street, l.PostalCode, l.City, l.DistrictId, l.Accessibility, l.OpeningHours, l.HsdsExtras }),
    });

    private static void Copy(Offer from, Offer to)
    {
        to.OrganizationId = from.OrganizationId;
        to.Name = from.Name;
        to.Description = from.Description;
        to.NeedAreaCodes = from.NeedAreaCodes;
        to.Languages = from.Languages;
        to.InterpretationAvailable = from.InterpretationAvailable;
        to.Eligibility = from.Eligibility;
        to.Fees = from.Fees;
        to.RequiredDocuments = from.RequiredDocuments;
        to.ApplicationProcess = from.ApplicationProcess;
        to.ContactName = from.ContactName;
        to.Phone = from.Phone;
        to.Email = from.Email;
        to.Url = from.Url;
        to.WaitingWeeks = from.WaitingWeeks;
        to.Capacity = from.Capacity;
        to.HsdsExtras = from.HsdsExtras;
        to.IsActive = from.IsActive;
        to.LastVerifiedOn = from.LastVerifiedOn;
    }

    /// <summary>
    /// An import of the list shape (without phones, languages, locations …) is no order to delete them: a related
    /// list that the record does not carry keeps what Lotse holds, and so do the extras that are lists.
    /// </summary>
    private static void KeepWhatIsNotSent(JsonObject s, Offer incoming, Offer existing)
    {
        if (!s.ContainsKey("languages"))
        {
            incoming.Languages = existing.Languages;
        }

        if (!s.ContainsKey("phones"))
        {
            incoming.Phone = existing.Phone;
        }

        if (!s.ContainsKey("contacts"))
        {
            incoming.ContactName = existing.ContactName;
        }

        if (!s.ContainsKey("required_documents"))
        {
            incoming.RequiredDocuments = existing.RequiredDocuments;
        }

        if (!s.ContainsKey("attributes"))
        {
            incoming.NeedAreaCodes = existing.NeedAreaCodes;
        }

        if (!s.ContainsKey("service_at_locations"))
        {
            incoming.Locations = existing.Locations;
        }

        if (existing.HsdsExtras is not null && JsonNode.Parse(existing.HsdsExtras) is JsonObject kept)
        {
            var extras = incoming.HsdsExtras is null ? new JsonObject() : JsonNode.Parse(incoming.HsdsExtras)!.AsObject();
            foreach (var (key, value) in kept.Where(p => p.Value is JsonArray && !s.ContainsKey(p.Key)))
            {
                extras[key] = value!.DeepClone();
            }

            incoming.HsdsExtras = Serialize(extras);
        }
    }

    /// <summary>The fields of <paramref name="record"/> Lotse does not model, sorted by name; null when there are none.</summary>
    private static string? Extras(JsonObject record, HashSet<string> modelled, (string Key, string Value)? also)
    {
        var extras = new JsonObject();
        foreach (var (key, value) in record.Where(p => !modelled.Contains(p.Key) && p.Value is not null))
        {
            extras[key] = value!.DeepClone();
        }

        if (also is { } field)
        {
            extras[field.Key] = field.Value;
        }

        return Serialize(extras);
    }

    private static string? Serialize(JsonObject extras) =>
        extras.Count == 0 ? null : new JsonObject(extras.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))).ToJsonString();

    /// <summary>Lotse's own wait_time ("4 Wochen", "keine Wartezeit") is the number of weeks again.</summary>
    private static int? WaitingWeeks(string? waitTime) =>
        waitTime == HsdsPublisher.NoWait ? 0
        : waitTime is not null && System.Text.RegularExpressions.Regex.Match(waitTime, "^([0-9]{1,3}) Wochen$") is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)
        : null;

    private static IEnumerable<JsonObject> Array(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static Guid? IdOf(JsonNode? node) => Guid.TryParse(Text(node), out var id) ? id : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string? Limit(string? text, int length) => text is null ? null : text.Length <= length ? text : text[..length];
}
