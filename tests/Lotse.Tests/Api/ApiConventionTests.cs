using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Tests.Support;

namespace Lotse.Tests.Api;

public sealed class ApiConventionTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private async Task<HttpClient> ClientForAsync(string email)
    {
        var (_, lines) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", email);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lines[^1]);
        return client;
    }

    [Fact]
    public async Task Lists_answer_items_total_page_and_page_size_in_camel_case()
    {
        using var client = await ClientForAsync("fm.mitte@demo.lotse");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalogs/NeedArea?page=2&pageSize=5");
        Assert.Equal(14, page.GetProperty("total").GetInt32());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("pageSize").GetInt32());
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.Equal("Wohnen", items[1].GetProperty("label").GetString());
        Assert.Equal(7, Guid.Parse(items[0].GetProperty("id").GetString()!).Version);
    }

    [Fact]
    public async Task An_update_needs_the_etag_of_the_last_read_and_a_stale_one_is_refused()
    {
        using var client = await ClientForAsync("admin@demo.lotse");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalogs/AccessRoute?pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();

        using var read = await client.GetAsync($"/api/v1/catalog-entries/{id}");
        var etag = read.Headers.ETag!.Tag;
        var body = new { label = "Selbstmelder:in / offene Sprechstunde im Quartier", labelEn = "Self-referral", detail = (string?)null, sortOrder = 10, isActive = true };

        using var withoutIfMatch = await client.PutAsJsonAsync($"/api/v1/catalog-entries/{id}", body);
        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal("application/problem+json", withoutIfMatch.Content.Headers.ContentType?.MediaType);

        using var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/catalog-entries/{id}") { Content = JsonContent.Create(body) };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var updated = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);

        using var second = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/catalog-entries/{id}") { Content = JsonContent.Create(body with { label = "Überschrieben?" }) };
        second.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        using var stale = await client.SendAsync(second);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);

        var now = await client.GetFromJsonAsync<JsonElement>($"/api/v1/catalog-entries/{id}");
        Assert.Equal("Selbstmelder:in / offene Sprechstunde im Quartier", now.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Validation_errors_come_as_problem_details_per_field()
    {
        using var client = await ClientForAsync("admin@demo.lotse");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalogs/EncounterKind?pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/catalog-entries/{id}")
        {
            Content = JsonContent.Create(new { label = " ", sortOrder = 1, isActive = true }),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Die Bezeichnung darf nicht leer sein.", problem.GetProperty("errors").GetProperty("label")[0].GetString());
    }

    [Fact]
    public async Task A_case_manager_may_read_catalogues_but_not_change_them()
    {
        using var client = await ClientForAsync("fm.mitte@demo.lotse");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalogs/ClosureReason?pageSize=1");
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/catalog-entries/{id}")
        {
            Content = JsonContent.Create(new { label = "Ziele erreicht!", sortOrder = 1, isActive = true }),
        };
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Any);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_create_answers_201_with_the_resource_and_its_id()
    {
        using var client = await ClientForAsync("admin@demo.lotse");
        using var response = await client.PostAsJsonAsync("/api/v1/catalogs/ReferralDeclineReason", new { code = "warteliste", label = "Warteliste voll", labelEn = "Waiting list full", sortOrder = 35 });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/catalog-entries/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Warteliste voll", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/catalog-entries/{id}")).GetProperty("label").GetString());

        using var again = await client.PostAsJsonAsync("/api/v1/catalogs/ReferralDeclineReason", new { code = "warteliste", label = "Doppelt", sortOrder = 1 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Diesen Code gibt es in diesem Katalog schon.", problem.GetProperty("errors").GetProperty("code")[0].GetString());
    }

    [Fact]
    public async Task Unknown_catalogue_and_entry_answer_404()
    {
        using var client = await ClientForAsync("fm.mitte@demo.lotse");
        using var catalog = await client.GetAsync("/api/v1/catalogs/Unsinn");
        Assert.Equal(HttpStatusCode.NotFound, catalog.StatusCode);
        using var entry = await client.GetAsync($"/api/v1/catalog-entries/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.NotFound, entry.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api_for_signed_in_users()
    {
        using var anonymous = app.CreateBrowserLikeClient();
        using var refused = await anonymous.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);

        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.mitte@demo.lotse");
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/me", out _));
        using var ui = await client.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        using var uiAnonymous = await anonymous.GetAsync("/api-docs/index.html");
        Assert.Equal(HttpStatusCode.Redirect, uiAnonymous.StatusCode);
    }
}
