using System.Net;
using System.Text.Json.Nodes;
using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Network;

/// <summary>The directory speaks Open Referral HSDS 3.0: every endpoint validates against the published schemas.</summary>
public sealed class HsdsTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "hsds-3.0", "examples", name));

    private static async Task<JsonNode> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    [Fact]
    public async Task Every_HSDS_endpoint_answers_anonymously_and_validates_against_the_schemas()
    {
        using var client = app.CreateClient();
        Assert.Empty(HsdsSchemas.Validate("openapi.json#/paths/~1/get/responses/200/content/application~1json/schema", await GetAsync(client, "/api/hsds/")));

        var services = await GetAsync(client, "/api/hsds/services?per_page=100");
        Assert.Empty(HsdsSchemas.ValidatePage("service.json", services));
        Assert.True(services["total_items"]!.GetValue<int>() >= 16);
        var full = await GetAsync(client, "/api/hsds/services?per_page=100&full=true");
        Assert.Empty(HsdsSchemas.ValidatePage("service.json", full));

        var course = services["contents"]!.AsArray().First(s => s!["name"]!.GetValue<string>() == "Integrationskurs mit Kinderbetreuung")!;
        var service = await GetAsync(client, $"/api/hsds/services/{course["id"]}");
        Assert.Empty(HsdsSchemas.Validate("service.json", service));
        Assert.Equal(["ar", "de", "tr", "uk"], service["languages"]!.AsArray().Select(l => l!["code"]!.GetValue<string>()).Order());
        Assert.Equal("Sprache", service["attributes"]![0]!["taxonomy_term"]!["name"]!.GetValue<string>());
        Assert.Equal("45879", service["service_at_locations"]![0]!["location"]!["addresses"]![0]!["postal_code"]!.GetValue<string>());

        Assert.Empty(HsdsSchemas.ValidatePage("organization.json", await GetAsync(client, "/api/hsds/organizations")));
        Assert.Empty(HsdsSchemas.Validate("organization.json", await GetAsync(client, $"/api/hsds/organizations/{course["organization_id"]}")));

        var taxonomies = await GetAsync(client, "/api/hsds/taxonomies");
        Assert.Empty(HsdsSchemas.ValidatePage("taxonomy.json", taxonomies));
        Assert.Empty(HsdsSchemas.Validate("taxonomy.json", await GetAsync(client, $"/api/hsds/taxonomies/{taxonomies["contents"]![0]!["id"]}")));
        var terms = await GetAsync(client, "/api/hsds/taxonomy_terms");
        Assert.Empty(HsdsSchemas.ValidatePage("taxonomy_term.json", terms));
        Assert.Equal(14, terms["total_items"]!.GetValue<int>());
        var language = terms["contents"]!.AsArray().Single(t => t!["code"]!.GetValue<string>() == "sprache")!;
        Assert.Empty(HsdsSchemas.Validate("taxonomy_term.json", await GetAsync(client, $"/api/hsds/taxonomy_terms/{language["id"]}")));

        var byTerm = await GetAsync(client, $"/api/hsds/services?taxonomy_term_id={language["id"]}&per_page=100");
        Assert.All(byTerm["contents"]!.AsArray(), s => Assert.Contains(s!["name"]!.GetValue<string>(), new[] { "Integrationskurs mit Kinderbetreuung", "Alphabetisierungskurs", "Berufssprachkurs B2" }));

        var atLocations = await GetAsync(client, "/api/hsds/service_at_locations?per_page=100");
        Assert.Empty(HsdsSchemas.ValidatePage("service_at_location.json", atLocations));
        Assert.Empty(HsdsSchemas.Validate("service_at_location.json", await GetAsync(client, $"/api/hsds/service_at_locations/{atLocations["contents"]![0]!["id"]}")));

        using var missing = await client.GetAsync($"/api/hsds/services/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task<JsonObject> ProblemAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
    }

    private static List<string> Names(JsonNode page) => page["contents"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()).ToList();

    [Fact]
    public async Task Every_HSDS_parameter_of_services_filters_or_is_refused_by_name()
    {
        using var client = app.CreateClient();
        var all = await GetAsync(client, "/api/hsds/services?per_page=200");
        var total = all["total_items"]!.GetValue<int>();
        var housing = all["contents"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Wohnberechtigungsschein und Wohnraumvermittlung")!;

        // search also matches the organisation's name.
        Assert.Equal(["Wohnberechtigungsschein und Wohnraumvermittlung"], Names(await GetAsync(client, "/api/hsds/services?search=wohnungsamt")));
        var byOrganization = await GetAsync(client, $"/api/hsds/services?organization_id={housing["organization_id"]}");
        Assert.All(byOrganization["contents"]!.AsArray(), s => Assert.Equal(housing["organization_id"]!.GetValue<string>(), s!["organization_id"]!.GetValue<string>()));
        Assert.Equal(total, (await GetAsync(client, $"/api/hsds/services?taxonomy_id={Lotse.Features.Offers.Hsds.HsdsPublisher.TaxonomyId}"))["total_items"]!.GetValue<int>());
        Assert.Equal(0, (await GetAsync(client, $"/api/hsds/services?taxonomy_id={Guid.NewGuid()}"))["total_items"]!.GetValue<int>());
        Assert.Equal(0, (await GetAsync(client, "/api/hsds/services?modified_after=2100-01-01"))["total_items"]!.GetValue<int>());
        Assert.Equal(total, (await GetAsync(client, "/api/hsds/services?modified_after=2000-01-01T00:00:00Z"))["total_items"]!.GetValue<int>());

        // minimal: every service in one answer, only id and last change, for a directory to see what changed.
        var minimal = await GetAsync(client, "/api/hsds/services?minimal=true");
        Assert.Equal(total, minimal["contents"]!.AsArray().Count);
        Assert.All(minimal["contents"]!.AsArray(), s => Assert.Equal(["id", "last_modified"], s!.AsObject().Select(p => p.Key).Order()));

        // ndjson: every service, one per line, each a valid HSDS service.
        using var ndjson = await client.GetAsync("/api/hsds/services?format=ndjson&per_page=1");
        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType?.MediaType);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(total, lines.Length);
        Assert.All(lines, l => Assert.Empty(HsdsSchemas.Validate("service.json", JsonNode.Parse(l))));

        // A page past the last is empty, and says so.
        var past = await GetAsync(client, $"/api/hsds/services?per_page=10&page={(total / 10) + 2}");
        Assert.True(past["empty"]!.GetValue<bool>());
        Assert.Empty(HsdsSchemas.ValidatePage("service.json", past));

        // What cannot be read or is not known is named, never ignored.
        Assert.True((await ProblemAsync(client, "/api/hsds/services?page=0")).ContainsKey("page"));
        Assert.True((await ProblemAsync(client, "/api/hsds/services?page=abc")).ContainsKey("page"));
        Assert.True((await ProblemAsync(client, "/api/hsds/services?format=xml")).ContainsKey("format"));
        Assert.True((await ProblemAsync(client, "/api/hsds/services?modified_after=gestern")).ContainsKey("modified_after"));
        Assert.True((await ProblemAsync(client, "/api/hsds/services?taxonomy_term_id=wohnen")).ContainsKey("taxonomy_term_id"));
        var unknown = await ProblemAsync(client, "/api/hsds/services?postcode=45879");
        Assert.Contains("minimal", unknown["postcode"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_at_locations_organizations_and_terms_take_their_HSDS_parameters()
    {
        using var client = app.CreateClient();
        var all = await GetAsync(client, "/api/hsds/service_at_locations?per_page=200");
        var total = all["total_items"]!.GetValue<int>();
        Assert.Equal(0, (await GetAsync(client, "/api/hsds/service_at_locations?modified_after=2100-01-01"))["total_items"]!.GetValue<int>());
        var housing = await GetAsync(client, "/api/hsds/service_at_locations?search=wohnungsamt&full=true");
        Assert.Empty(HsdsSchemas.ValidatePage("service_at_location.json", housing));
        Assert.Equal(["Wohnberechtigungsschein und Wohnraumvermittlung"], housing["contents"]!.AsArray().Select(s => s!["service"]!["name"]!.GetValue<string>()).Distinct());
        Assert.Equal("Stadt Gelsenkirchen – Wohnungsamt", housing["contents"]![0]!["service"]!["organization"]!["name"]!.GetValue<string>());
        var language = (await GetAsync(client, "/api/hsds/taxonomy_terms?search=sprache"))["contents"]![0]!;
        var courses = await GetAsync(client, $"/api/hsds/service_at_locations?taxonomy_term_id={language["id"]}&per_page=200");
        Assert.InRange(courses["total_items"]!.GetValue<int>(), 1, total - 1);
        var atPostcode = await GetAsync(client, "/api/hsds/service_at_locations?postcode=45879&per_page=200");
        Assert.InRange(atPostcode["total_items"]!.GetValue<int>(), 1, total - 1);
        Assert.All(atPostcode["contents"]!.AsArray(), s => Assert.Equal("45879", s!["location"]!["addresses"]![0]!["postal_code"]!.GetValue<string>()));
        Assert.Contains("Koordinaten", (await ProblemAsync(client, "/api/hsds/service_at_locations?postcode=45879&proximity=1000"))["proximity"]![0]!.GetValue<string>(), StringComparison.Ordinal);

        // Organisations: search, and their services on one (list shape) or fully nested.
        var organization = (await GetAsync(client, "/api/hsds/organizations?search=wohnungsamt"))["contents"]!.AsArray().Single()!;
        var one = await GetAsync(client, $"/api/hsds/organizations/{organization["id"]}");
        Assert.Empty(HsdsSchemas.Validate("organization.json", one));
        Assert.Equal("Wohnberechtigungsschein und Wohnraumvermittlung", one["services"]![0]!["name"]!.GetValue<string>());
        Assert.Null(one["services"]![0]!["service_at_locations"]);
        var nested = await GetAsync(client, $"/api/hsds/organizations/{organization["id"]}?full_service=true");
        Assert.NotNull(nested["services"]![0]!["service_at_locations"]);
        var fullList = await GetAsync(client, "/api/hsds/organizations?full=true&search=wohnungsamt");
        Assert.Empty(HsdsSchemas.ValidatePage("organization.json", fullList));
        Assert.NotEmpty(fullList["contents"]![0]!["services"]!.AsArray());

        // Taxonomies and terms: one flat list of need areas.
        Assert.Equal(["Wohnen"], Names(await GetAsync(client, "/api/hsds/taxonomy_terms?search=wohn")));
        Assert.Equal(0, (await GetAsync(client, $"/api/hsds/taxonomy_terms?parent_id={language["id"]}"))["total_items"]!.GetValue<int>());
        Assert.Equal(14, (await GetAsync(client, "/api/hsds/taxonomy_terms?top_only=true"))["total_items"]!.GetValue<int>());
        Assert.Equal(0, (await GetAsync(client, "/api/hsds/taxonomies?search=nirgendwo"))["total_items"]!.GetValue<int>());
        Assert.Equal(1, (await GetAsync(client, "/api/hsds/taxonomies?search=handlungsfelder"))["total_items"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_web_directory_can_read_the_feed_from_another_site_and_learns_what_it_serves()
    {
        using var client = app.CreateClient();
        foreach (var url in new[] { "services", "organizations", "taxonomies", "taxonomy_terms", "service_at_locations" })
        {
            using var notAnId = await client.GetAsync($"/api/hsds/{url}/not-a-uuid");
            Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
            using var unknown = await client.GetAsync($"/api/hsds/{url}/{Guid.NewGuid()}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }

        using var head = new HttpRequestMessage(HttpMethod.Head, "/api/hsds/services");
        using var headed = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headed.StatusCode);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/hsds/services?per_page=5");
        preflight.Headers.Add("Origin", "https://verzeichnis.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        using var preflighted = await client.SendAsync(preflight);
        Assert.Equal(HttpStatusCode.NoContent, preflighted.StatusCode);
        Assert.Equal("*", preflighted.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", preflighted.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);

        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/hsds/services");
        read.Headers.Add("Origin", "https://verzeichnis.example");
        using var answered = await client.SendAsync(read);
        Assert.Equal("*", answered.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.False(answered.Headers.Contains("Access-Control-Allow-Credentials"));
        Assert.Equal("cross-origin", answered.Headers.GetValues("Cross-Origin-Resource-Policy").Single());

        // Nothing else of Lotse is readable from another site.
        using var other = new HttpRequestMessage(HttpMethod.Get, "/api/v1/cases");
        other.Headers.Add("Origin", "https://verzeichnis.example");
        using var refused = await client.SendAsync(other);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));

        // The root points at Lotse's own description: HSDS paths, the parameters Lotse takes, and no more.
        var root = await GetAsync(client, "/api/hsds/");
        var description = await GetAsync(client, new Uri(root["openapi_url"]!.GetValue<string>()).PathAndQuery);
        Assert.EndsWith("/api/hsds", description["servers"]![0]!["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var paths = description["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["/", "/organizations", "/organizations/{id}", "/service_at_locations", "/service_at_locations/{id}", "/services", "/services/{id}", "/taxonomies", "/taxonomies/{id}", "/taxonomy_terms", "/taxonomy_terms/{id}"], paths.Order(StringComparer.Ordinal));
        Assert.Equal(["format", "full", "minimal", "modified_after", "organization_id", "page", "per_page", "search", "taxonomy_id", "taxonomy_term_id"],
            description["paths"]!["/services"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_validator_rejects_what_the_schema_forbids()
    {
        var broken = JsonNode.Parse("""{ "id": "not-a-uuid", "status": "bogus" }""");
        var errors = HsdsSchemas.Validate("service.json", broken);
        Assert.Contains(errors, e => e.Contains("name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("/status", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("uuid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Importing_the_HSDS_example_creates_the_offer_and_a_second_import_changes_nothing()
    {
        var (code, lines) = await LotseCommand.RunAsync(app, "import-hsds", Path.Combine(AppContext.BaseDirectory, "hsds-3.0", "examples", "service_full.json"));
        Assert.True(code == 0, string.Join('\n', lines));
        Assert.Contains(lines, l => l.Contains("created", StringComparison.Ordinal));

        var id = Guid.Parse(JsonNode.Parse(Example("service_full.json"))!["id"]!.GetValue<string>());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var offer = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Offers.Include(o => o.Locations).SingleAsync(o => o.Id == id);
            Assert.Equal("Community Counselling", offer.Name);
            Assert.Equal(["teilhabe"], offer.NeedAreaCodes);
            Assert.NotEmpty(offer.Locations);
        }

        var version = await VersionAsync(id);
        var (again, secondLines) = await LotseCommand.RunAsync(app, "import-hsds", Path.Combine(AppContext.BaseDirectory, "hsds-3.0", "examples", "service_full.json"));
        Assert.Equal(0, again);
        Assert.Contains("HSDS import: 0 created, 0 updated, 1 unchanged, 0 organisations created.", secondLines);
        Assert.Equal(version, await VersionAsync(id));

        // What was imported is published again as valid HSDS, with everything it brought.
        using var client = app.CreateClient();
        var published = await GetAsync(client, $"/api/hsds/services/{id}");
        Assert.Empty(HsdsSchemas.Validate("service.json", published));
        var original = JsonNode.Parse(Example("service_full.json"))!;
        foreach (var field in new[] { "alternate_name", "interpretation_services", "fees", "accreditations", "minimum_age", "maximum_age", "assurer_email",
            "licenses", "alert", "schedules", "service_areas", "funding", "cost_options", "program" })
        {
            Assert.True(JsonNode.DeepEquals(original[field], published[field]), $"{field}: {original[field]?.ToJsonString()} became {published[field]?.ToJsonString()}");
        }

        Assert.Equal("+44 1234 234567", published["phones"]![0]!["number"]!.GetValue<string>());
        Assert.Equal("ur", published["languages"]![0]!["code"]!.GetValue<string>());
        var location = published["service_at_locations"]![0]!["location"]!;
        var originalLocation = original["service_at_locations"]![0]!["location"]!;
        foreach (var field in new[] { "description", "transportation", "alternate_name", "latitude", "longitude", "languages" })
        {
            Assert.True(JsonNode.DeepEquals(originalLocation[field], location[field]), $"location {field}: {originalLocation[field]?.ToJsonString()} became {location[field]?.ToJsonString()}");
        }

        // A changed file updates exactly that offer.
        var changed = JsonNode.Parse(Example("service_full.json"))!;
        changed["name"] = "Community Counselling (updated)";
        using var api = await ApiClient.ForAsync(app, "koordination@demo.lotse");
        using var response = await api.PostAsync("/api/v1/offers/import-hsds", new StringContent(changed.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(1, result["updated"]!.GetValue<int>());
        Assert.Equal(version + 1, await VersionAsync(id));

        using var caseManager = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var refused = await caseManager.PostAsync("/api/v1/offers/import-hsds", new StringContent(changed.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Lotses_own_feed_imported_again_changes_nothing_and_is_published_byte_for_byte_the_same()
    {
        using var client = app.CreateClient();
        foreach (var shape in new[] { "full=true", "full=false" })
        {
            var before = await client.GetStringAsync($"/api/hsds/services?{shape}&per_page=200");
            var total = JsonNode.Parse(before)!["total_items"]!.GetValue<int>();
            var file = Path.Combine(Path.GetTempPath(), $"lotse-feed-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(file, before);
            try
            {
                var (code, lines) = await LotseCommand.RunAsync(app, "import-hsds", file);
                Assert.True(code == 0, string.Join('\n', lines));
                Assert.Contains($"HSDS import: 0 created, 0 updated, {total} unchanged, 0 organisations created.", lines);
            }
            finally
            {
                File.Delete(file);
            }

            Assert.Equal(before, await client.GetStringAsync($"/api/hsds/services?{shape}&per_page=200"));
            Assert.Equal(before, await client.GetStringAsync($"/api/hsds/services?{shape}&per_page=200"));
        }
    }

    private async Task<int> VersionAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Offers.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }
}
