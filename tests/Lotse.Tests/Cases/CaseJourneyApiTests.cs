using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Cases;

public sealed class CaseJourneyApiTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> CreateClientAsync(HttpClient api, string given, string family, string birthDate)
    {
        using var response = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = given, familyName = family, birthDate });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_case_goes_from_first_contact_through_every_phase_to_closure_and_can_be_reopened()
    {
        using var api = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        var clientId = await CreateClientAsync(api, "Iryna", "Melnyk", "1979-11");

        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var @case = await Json(opened);
        var id = @case.GetProperty("id").GetString();
        Assert.Equal("Clearing", @case.GetProperty("phase").GetString());

        using var skip = await api.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { to = "Implementation" });
        Assert.Equal(HttpStatusCode.BadRequest, skip.StatusCode);
        Assert.Contains("nacheinander", (await Json(skip)).GetProperty("errors").GetProperty("to")[0].GetString(), StringComparison.Ordinal);

        using var toAssessment = await api.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { to = "Assessment" });
        Assert.Equal("Assessment", (await Json(toAssessment)).GetProperty("phase").GetString());

        using var assessment = await api.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { ratings = new[] { new { needArea = "sprache", rating = 2 }, new { needArea = "wohnen", rating = 1 } } });
        Assert.Equal(HttpStatusCode.Created, assessment.StatusCode);
        using var badRating = await api.PostAsJsonAsync($"/api/v1/cases/{id}/assessments", new { ratings = new[] { new { needArea = "sprache", rating = 7 } } });
        Assert.Equal(HttpStatusCode.BadRequest, badRating.StatusCode);

        foreach (var phase in new[] { "Planning", "Implementation" })
        {
            using var next = await api.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { to = phase });
            Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        }

        using var goal = await api.PostAsJsonAsync($"/api/v1/cases/{id}/goals", new
        {
            needArea = "wohnen",
            title = "Eine größere Wohnung finden",
            steps = new[] { new { title = "WBS beantragen", responsible = "Client", dueOn = app.Today.AddDays(10).ToString("O") } },
        });
        Assert.Equal(HttpStatusCode.Created, goal.StatusCode);
        Assert.Equal("WBS beantragen", (await Json(goal)).GetProperty("steps")[0].GetProperty("title").GetString());

        using var encounter = await api.PostAsJsonAsync($"/api/v1/cases/{id}/encounters", new { kind = "telefon", durationMinutes = 20, needAreas = new[] { "wohnen" } });
        Assert.Equal(HttpStatusCode.Created, encounter.StatusCode);
        using var deadline = await api.PostAsJsonAsync($"/api/v1/cases/{id}/deadlines", new { title = "Mietangebot prüfen", dueOn = app.Today.AddDays(5).ToString("O") });
        Assert.Equal(HttpStatusCode.Created, deadline.StatusCode);
        var mine = await api.GetFromJsonAsync<JsonElement>("/api/v1/deadlines?mine=true&pageSize=200");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), d => d.GetProperty("title").GetString() == "Mietangebot prüfen");

        using var noReason = await api.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var openGoals = await api.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { reason = "wegzug" });
        Assert.Equal(HttpStatusCode.BadRequest, openGoals.StatusCode);
        Assert.Contains("Eine größere Wohnung finden", (await Json(openGoals)).GetProperty("errors").GetProperty("carryOverOpenGoals")[0].GetString(), StringComparison.Ordinal);

        using var closed = await api.PostAsJsonAsync($"/api/v1/cases/{id}/close", new { reason = "wegzug", carryOverOpenGoals = true });
        Assert.Equal("Closed", (await Json(closed)).GetProperty("phase").GetString());
        var goals = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{id}/goals");
        Assert.Equal("CarriedOver", goals.GetProperty("items")[0].GetProperty("status").GetString());

        using var reopened = await api.PostAsJsonAsync($"/api/v1/cases/{id}/transitions", new { to = "Implementation" });
        var again = await Json(reopened);
        Assert.Equal("Implementation", again.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, again.GetProperty("closureReason").ValueKind);

        await using var scope = app.Services.CreateAsyncScope();
        var history = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().CasePhaseChanges
            .Where(p => p.CaseId == Guid.Parse(id!)).OrderBy(p => p.At).Select(p => p.To.ToString()).ToListAsync();
        Assert.Equal(["Clearing", "Assessment", "Planning", "Implementation", "Closed", "Implementation"], history);
    }

    [Fact]
    public async Task Another_organisation_sees_neither_the_case_nor_the_client_nor_a_duplicate_candidate()
    {
        using var mitte = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var clientId = await CreateClientAsync(mitte, "Khaled", "Darwish-Test", "1975-02-03");
        using var opened = await mitte.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await Json(opened)).GetProperty("id").GetString();

        var own = await mitte.GetFromJsonAsync<JsonElement>("/api/v1/clients/duplicates?givenName=Khalid&familyName=Darwish-Test&birthDate=1975");
        Assert.Contains(own.GetProperty("items").EnumerateArray(), i => i.GetProperty("clientId").GetString() == clientId);

        using var sued = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        Assert.Equal(HttpStatusCode.NotFound, (await sued.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sued.GetAsync($"/api/v1/clients/{clientId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await sued.PostAsJsonAsync($"/api/v1/cases/{caseId}/encounters", new { kind = "telefon", durationMinutes = 5 })).StatusCode);
        var foreign = await sued.GetFromJsonAsync<JsonElement>("/api/v1/clients/duplicates?givenName=Khaled&familyName=Darwish-Test&birthDate=1975-02-03");
        Assert.Empty(foreign.GetProperty("items").EnumerateArray());
        var search = await sued.GetFromJsonAsync<JsonElement>("/api/v1/clients?q=Darwish-Test");
        Assert.Equal(0, search.GetProperty("total").GetInt32());

        using var page = app.CreateBrowserLikeClient();
        await page.SignInAsync("fm.sued@demo.lotse");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Cases/Details?id={caseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Clients/Details?id={clientId}")).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var denied = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().AuditEntries
            .CountAsync(a => a.Operation == AuditOperation.Denied && a.EntityId == Guid.Parse(caseId!));
        Assert.True(denied >= 2, "refused accesses are audited");
    }

    [Fact]
    public async Task The_team_lead_sees_the_teams_cases_but_a_colleague_of_another_team_does_not()
    {
        using var mitte = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var clientId = await CreateClientAsync(mitte, "Elif", "Teamtest", "1990");
        var caseId = (await Json(await mitte.PostAsJsonAsync("/api/v1/cases", new { clientId }))).GetProperty("id").GetString();

        using var lead = await ApiClient.ForAsync(app, "teamleitung@demo.lotse");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        using var nord = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        Assert.Equal(HttpStatusCode.NotFound, (await nord.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
        using var coordinator = await ApiClient.ForAsync(app, "koordination@demo.lotse");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task A_residence_status_with_an_end_date_becomes_a_deadline_and_a_new_status_replaces_it()
    {
        using var api = await ApiClient.ForAsync(app, "fm.ost@demo.lotse");
        var clientId = await CreateClientAsync(api, "Omar", "Fristtest", "1993-04-05");
        var caseId = (await Json(await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))).GetProperty("id").GetString();
        var until = app.Today.AddDays(40);

        using var status = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/residence-statuses",
            new { kind = "aufenthaltserlaubnis", legalBasis = "§ 25 Abs. 2 AufenthG", validFrom = "2024-01-01", validUntil = until.ToString("O") });
        Assert.Equal(HttpStatusCode.Created, status.StatusCode);
        var deadlines = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/deadlines");
        var derived = Assert.Single(deadlines.GetProperty("items").EnumerateArray(), d => d.GetProperty("kind").GetString() == "ResidenceExpiry");
        Assert.Equal(until.ToString("O"), derived.GetProperty("dueOn").GetString());
        Assert.Equal(56, derived.GetProperty("leadDays").GetInt32());

        var extended = until.AddYears(2);
        await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/residence-statuses",
            new { kind = "aufenthaltserlaubnis", legalBasis = "§ 25 Abs. 2 AufenthG", validFrom = until.ToString("O"), validUntil = extended.ToString("O") });
        deadlines = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/deadlines");
        var open = deadlines.GetProperty("items").EnumerateArray().Where(d => d.GetProperty("kind").GetString() == "ResidenceExpiry" && d.GetProperty("doneOn").ValueKind == JsonValueKind.Null).ToList();
        Assert.Equal(extended.ToString("O"), Assert.Single(open).GetProperty("dueOn").GetString());

        using var bad = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/residence-statuses", new { kind = "gibt-es-nicht" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Reading_a_client_is_audited_without_any_field_values()
    {
        using var api = await ApiClient.ForAsync(app, "fm.west@demo.lotse");
        var clientId = await CreateClientAsync(api, "Stefan", "Audittest", "1980");
        using var read = await api.GetAsync($"/api/v1/clients/{clientId}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/clients/{clientId}")
        {
            Content = JsonContent.Create(new { givenName = "Ștefan", familyName = "Audittest", birthDate = "1980", phone = "0209 999" }),
        };
        update.Headers.IfMatch.Add(read.Headers.ETag!);
        Assert.Equal(HttpStatusCode.OK, (await api.SendAsync(update)).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var entries = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().AuditEntries
            .Where(a => a.ClientId == Guid.Parse(clientId)).ToListAsync();
        Assert.Contains(entries, e => e.Operation == AuditOperation.Create && e.EntityType == "Client" && e.Channel == "api");
        Assert.Contains(entries, e => e.Operation == AuditOperation.Read && e.EntityType == "Client" && e.UserId != null);
        var change = Assert.Single(entries, e => e.Operation == AuditOperation.Update && e.EntityType == "Client");
        Assert.Contains("Phone", change.Fields, StringComparison.Ordinal);
        Assert.DoesNotContain(entries, e => (e.Fields ?? string.Empty).Contains("0209", StringComparison.Ordinal) || (e.Fields ?? string.Empty).Contains("Audittest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_client_needs_no_more_than_names_and_birth_date_and_bad_input_gets_clear_messages()
    {
        using var api = await ApiClient.ForAsync(app, "fm.west@demo.lotse");
        using var noName = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Ohne" });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        Assert.Equal("Bitte geben Sie den Familiennamen ein.", (await Json(noName)).GetProperty("errors").GetProperty("familyName")[0].GetString());
        using var badDate = await api.PostAsJsonAsync("/api/v1/clients", new { familyName = "Datum", birthDate = "1990-02-30" });
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await Json(badDate)).GetProperty("errors").TryGetProperty("birthDate", out _));
        using var year = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Nur", familyName = "Jahr", birthDate = "1990" });
        Assert.Equal("1990", (await Json(year)).GetProperty("birthDate").GetString());
    }
}
