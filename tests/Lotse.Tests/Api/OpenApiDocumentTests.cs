using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Lotse.Tests.Localization;
using Lotse.Tests.Support;

namespace Lotse.Tests.Api;

/// <summary>
/// The API's description as a neighbouring system reads it: fetched with the same token as the API, complete
/// (operationId, summary, security, errors, If-Match), and true of what the API answers. The test writes both
/// documents to artifacts/openapi/ where the test command lints them with Redocly's recommended rules.
/// </summary>
public sealed class OpenApiDocumentTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head"];

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = await ApiClient.ForAsync(app, "koordination@demo.lotse");
        using var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(m => Methods.Contains(m.Key)).Select(m => (p.Key, m.Key, m.Value!.AsObject())));

    [Fact]
    public async Task The_document_is_fetched_with_a_token_and_refused_with_a_bad_one()
    {
        var document = await DocumentAsync();
        Assert.Equal("EUPL-1.2", document["info"]!["license"]!["identifier"]!.GetValue<string>());

        using var anonymous = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/openapi/v1.json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "lotse_not-a-token");
        using var refused = await anonymous.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        var directory = Path.Combine(TranslationTests.RepositoryRoot(), "artifacts", "openapi");
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "v1.json"), document.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(directory, "hsds.json"), await anonymous.GetStringAsync("/api/hsds/openapi.json"));
    }

    [Fact]
    public async Task Every_operation_says_who_may_call_it_and_how_it_fails()
    {
        var document = await DocumentAsync();
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["token"]!["scheme"]!.GetValue<string>());
        var operations = Operations(document).ToList();
        Assert.True(operations.Count > 60, $"{operations.Count} operations");
        Assert.Equal(operations.Count, operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Distinct().Count());
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), name + ": no summary");
            Assert.Contains(operation["responses"]!.AsObject(), r => r.Key.StartsWith('2'));
            var security = operation["security"]!.AsArray();
            if (path.StartsWith("/api/hsds", StringComparison.Ordinal))
            {
                Assert.Empty(security);
                continue;
            }

            Assert.True(security.Count == 1 && security[0]!.AsObject().ContainsKey("token"), name + ": no token required");
            foreach (var status in new[] { "400", "401", "403" })
            {
                Assert.True(operation["responses"]![status]?["content"]?["application/problem+json"] is not null, $"{name}: {status} without a problem document");
            }
        }

        var update = document["paths"]!["/api/v1/clients/{id}"]!["put"]!;
        var ifMatch = update["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "If-Match")!;
        Assert.True(ifMatch["required"]!.GetValue<bool>());
        Assert.NotNull(update["responses"]!["412"]);
        Assert.NotNull(update["responses"]!["428"]);
        Assert.NotNull(document["paths"]!["/api/v1/clients/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
        var transition = document["paths"]!["/api/v1/cases/{id}/transitions"]!["post"]!;
        Assert.False((bool?)transition["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "If-Match")!["required"] ?? false);
    }

    [Fact]
    public async Task Real_answers_match_the_documents_schemas()
    {
        var document = await DocumentAsync();
        var directory = Directory.CreateTempSubdirectory("lotse-openapi-").FullName;
        await File.WriteAllTextAsync(Path.Combine(directory, "openapi.json"), document.ToJsonString());
        using var client = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        try
        {
            var clients = JsonNode.Parse(await client.GetStringAsync("/api/v1/clients?pageSize=5"))!;
            var clientId = clients["items"]![0]!["id"]!.GetValue<string>();
            var cases = JsonNode.Parse(await client.GetStringAsync("/api/v1/cases?mine=true&pageSize=5"))!;
            var caseId = cases["items"]![0]!["id"]!.GetValue<string>();
            foreach (var (template, url) in new[]
            {
                ("/api/v1/me", "/api/v1/me"),
                ("/api/v1/clients", "/api/v1/clients?pageSize=5"),
                ("/api/v1/clients/{id}", $"/api/v1/clients/{clientId}"),
                ("/api/v1/cases", "/api/v1/cases?mine=true&pageSize=5"),
                ("/api/v1/cases/{id}", $"/api/v1/cases/{caseId}"),
                ("/api/v1/cases/{id}/goals", $"/api/v1/cases/{caseId}/goals"),
                ("/api/v1/cases/{id}/encounters", $"/api/v1/cases/{caseId}/encounters"),
                ("/api/v1/deadlines", "/api/v1/deadlines"),
                ("/api/v1/offers", "/api/v1/offers"),
            })
            {
                var pointer = "openapi.json#/paths/" + template.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal) +
                    "/get/responses/200/content/application~1json/schema";
                var answer = JsonNode.Parse(await client.GetStringAsync(url));
                var errors = HsdsSchemas.Validate(directory, pointer, answer);
                Assert.True(errors.Count == 0, template + ":\n" + string.Join('\n', errors));
            }

            // The schemas can fail: an answer with a field of the wrong type is refused.
            var wrong = JsonNode.Parse(await client.GetStringAsync($"/api/v1/cases/{caseId}"))!;
            wrong["version"] = "drei";
            Assert.NotEmpty(HsdsSchemas.Validate(directory, "openapi.json#/paths/~1api~1v1~1cases~1{id}/get/responses/200/content/application~1json/schema", wrong));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
