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

        // What was imported is published again as valid HSDS.
        using var client = app.CreateClient();
        Assert.Empty(HsdsSchemas.Validate("service.json", await GetAsync(client, $"/api/hsds/services/{id}")));

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

    private async Task<int> VersionAsync(Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Offers.Where(o => o.Id == id).Select(o => o.Version).SingleAsync();
    }
}
