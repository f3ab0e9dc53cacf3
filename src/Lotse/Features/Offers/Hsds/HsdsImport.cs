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

            var incoming = Map(service, id.Value, organizationId.Value, needAreas, fallback);
            var existing = await db.Offers.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
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
                foreach (var location in incoming.Locations)
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
            organization.Description = Text(source["description"]) ?? organization.Description;
            organization.Website = Text(source["website"]) ?? organization.Website;
            organization.Email = Text(source["email"]) ?? organization.Email;
        }

        return false;
    }

    private static Offer Map(JsonObject s, Guid id, Guid organizationId, IReadOnlyDictionary<string, string> needAreas, string fallback)
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
            Eligibility = Limit(Text(s["eligibility_description"]), 2000),
            Fees = Limit(Text(s["fees_description"]) ?? Text(s["fees"]), 1000),
            RequiredDocuments = documents.Count == 0 ? null : Limit(string.Join("; ", documents), 2000),
            ApplicationProcess = Limit(Text(s["application_process"]), 2000),
            ContactName = Limit(Text(contact?["name"]), 200),
            Phone = Limit(Text(Array(s["phones"]).FirstOrDefault()?["number"])?.Trim('"'), 50),
            Email = Limit(Text(s["email"]), 256),
            Url = Limit(Text(s["url"]), 500),
            Capacity = Limit(Text(s["wait_time"]), 500),
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
            var schedule = Array(sal["schedules"]).Concat(Array(location["schedules"])).Select(x => Text(x["description"])).OfType<string>().FirstOrDefault();
            offer.Locations.Add(new OfferLocation
            {
                Id = locationId,
                OfferId = id,
                Name = Limit(Text(location["name"]), 200),
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
        o.ApplicationProcess, o.ContactName, o.Phone, o.Email, o.Url, o.Capacity, o.IsActive, o.LastVerifiedOn,
        o.Locations.OrderBy(l => l.Id).Select(l => new object?[] { l.Id, l.Name, l.Street, l.PostalCode, l.City, l.Accessibility, l.OpeningHours }),
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
        to.Capacity = from.Capacity;
        to.IsActive = from.IsActive;
        to.LastVerifiedOn = from.LastVerifiedOn;
    }

    private static IEnumerable<JsonObject> Array(JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : [];

    private static Guid? IdOf(JsonNode? node) => Guid.TryParse(Text(node), out var id) ? id : null;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string? Limit(string? text, int length) => text is null ? null : text.Length <= length ? text : text[..length];
}
