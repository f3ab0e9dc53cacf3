using System.Net;
using System.Text.RegularExpressions;
using Lotse.Features.Calendar;
using Lotse.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Cases;

public sealed class CasePageTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task Two_sessions_editing_the_same_client_the_second_save_is_refused_with_what_changed()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsync("/api/v1/clients", System.Net.Http.Json.JsonContent.Create(new { givenName = "Nadia", familyName = "Zweisitzung", birthDate = "1984-08-08" }));
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content)).GetProperty("id").GetString();

        using var first = app.CreateBrowserLikeClient();
        using var second = app.CreateBrowserLikeClient();
        await first.SignInAsync("fm.mitte@demo.lotse");
        await second.SignInAsync("teamleitung@demo.lotse");
        var url = $"/Clients/Edit?id={id}";
        var form1 = await first.GetStringAsync(url);
        var form2 = await second.GetStringAsync(url);
        var version = Regex.Match(form1, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(version, Regex.Match(form2, "name=\"Form.Version\" value=\"(\\d+)\"").Groups[1].Value);

        Dictionary<string, string> Fields(string phone) => new()
        {
            ["Form.GivenName"] = "Nadia",
            ["Form.FamilyName"] = "Zweisitzung",
            ["Form.BirthDate"] = "1984-08-08",
            ["Form.Sex"] = "Female",
            ["Form.Phone"] = phone,
            ["Form.Version"] = version,
        };
        using var saved = await first.PostFormAsync(url, Fields("0209 111 111"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await second.PostFormAsync(url, Fields("0209 222 222"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Jemand anderes hat diese Akte gespeichert", page, StringComparison.Ordinal);
        Assert.Contains("0209 111 111", page, StringComparison.Ordinal);

        var stored = await api.GetStringAsync($"/api/v1/clients/{id}");
        Assert.Contains("0209 111 111", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_duplicate_check_runs_before_saving_and_a_confirmed_new_client_is_saved()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.mitte@demo.lotse");
        var fields = new Dictionary<string, string> { ["Form.GivenName"] = "Mohamad", ["Form.FamilyName"] = "al-Hassan", ["Form.BirthDate"] = "1988", ["Form.Sex"] = "Male" };
        using var check = await client.PostFormAsync("/Clients/New", fields);
        var page = WebUtility.HtmlDecode(await check.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, check.StatusCode);
        Assert.Contains("Diese Person ist vielleicht schon erfasst", page, StringComparison.Ordinal);
        Assert.Contains("Mohammed Al Hasan", page, StringComparison.Ordinal);

        fields["ConfirmedNew"] = "true";
        using var saved = await client.PostFormAsync("/Clients/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Clients/Details", saved.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_feed_serves_the_users_appointments_until_it_is_revoked()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.sued@demo.lotse");
        var tomorrow = app.Today.AddDays(1).ToDateTime(new TimeOnly(10, 0));
        using var added = await client.PostFormAsync("/Calendar", new Dictionary<string, string>
        {
            ["Input.Title"] = "Begleitung Ausländerbehörde",
            ["Input.Start"] = tomorrow.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.End"] = tomorrow.AddHours(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using var feed = await client.PostFormAsync("/Calendar", new Dictionary<string, string>(), "/Calendar?handler=Feed");
        var url = Regex.Match(WebUtility.HtmlDecode(await feed.Content.ReadAsStringAsync()), "data-testid=\"feed-url\">([^<]+)<").Groups[1].Value;
        var path = new Uri(url).PathAndQuery;

        using var anonymous = app.CreateClient();
        using var ics = await anonymous.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType?.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Begleitung Ausländerbehörde", text, StringComparison.Ordinal);

        await client.PostFormAsync("/Calendar", new Dictionary<string, string>(), "/Calendar?handler=RevokeFeed");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);

        // The demo fills the calendar too: delete this one, found by its title.
        var calendar = WebUtility.HtmlDecode(await client.GetStringAsync("/Calendar"));
        var appointmentId = Regex.Match(calendar, "Begleitung Ausländerbehörde.*?appointmentId=([0-9a-fA-F-]{36})", RegexOptions.Singleline).Groups[1].Value;
        Assert.NotEmpty(appointmentId);
        using var deleted = await client.PostFormAsync("/Calendar", new Dictionary<string, string>(), $"/Calendar?handler=Delete&appointmentId={appointmentId}");
        Assert.DoesNotContain("Begleitung Ausländerbehörde", WebUtility.HtmlDecode(await client.GetStringAsync("/Calendar")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_short_consultation_is_counted_without_personal_data_and_needs_a_need_area()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.ost@demo.lotse");
        using var missing = await client.PostFormAsync("/Consultations", new Dictionary<string, string> { ["Input.DurationMinutes"] = "10" });
        Assert.Contains("Bitte wählen Sie mindestens ein Handlungsfeld.", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var saved = await client.PostFormAsync("/Consultations", new Dictionary<string, string>
        {
            ["Input.DurationMinutes"] = "10",
            ["Input.NeedAreas"] = "existenzsicherung",
            ["Input.Language"] = "ro",
            ["Input.ReferredTo"] = "Jobcenter",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Heute erfasst: 1", WebUtility.HtmlDecode(await client.GetStringAsync("/Consultations")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deputy_set_by_the_responsible_case_manager_can_work_the_case_until_the_deputyship_ends()
    {
        using var mitte = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await mitte.PostAsync("/api/v1/clients", System.Net.Http.Json.JsonContent.Create(new { givenName = "Hamza", familyName = "Vertretungstest", birthDate = "1999" }));
        var clientId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(created.Content)).GetProperty("id").GetString();
        using var opened = await mitte.PostAsync("/api/v1/cases", System.Net.Http.Json.JsonContent.Create(new { clientId }));
        var caseId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(opened.Content)).GetProperty("id").GetString();
        using var nord = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        Assert.Equal(HttpStatusCode.NotFound, (await nord.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        using var page = app.CreateBrowserLikeClient();
        await page.SignInAsync("fm.mitte@demo.lotse");
        var html = await page.GetStringAsync($"/Cases/Details?id={caseId}");
        var nordId = Regex.Match(WebUtility.HtmlDecode(html), "<option value=\"([0-9a-fA-F-]{36})\">Jonas Becker</option>").Groups[1].Value;
        using var set = await page.PostFormAsync($"/Cases/Details?id={caseId}", new Dictionary<string, string> { ["deputyId"] = nordId }, $"/Cases/Details?id={caseId}&handler=Deputy");
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nord.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        using var end = await page.PostFormAsync($"/Cases/Details?id={caseId}", new Dictionary<string, string>(), $"/Cases/Details?id={caseId}&handler=RemoveDeputy&deputyId={nordId}");
        Assert.Equal(HttpStatusCode.NotFound, (await nord.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);
    }

    [Fact]
    public async Task Two_registered_people_are_linked_into_one_household()
    {
        using var api = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        async Task<string> Create(string given) => (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(
            (await api.PostAsync("/api/v1/clients", System.Net.Http.Json.JsonContent.Create(new { givenName = given, familyName = "Haushaltstest", birthDate = "1980" }))).Content)).GetProperty("id").GetString()!;
        var first = await Create("Rania");
        var second = await Create("Karim");

        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.sued@demo.lotse");
        var search = WebUtility.HtmlDecode(await client.GetStringAsync($"/Clients/Details?id={first}&householdSearch=Karim%20Haushaltstest"));
        Assert.Contains($"memberId={second}", search, StringComparison.OrdinalIgnoreCase);
        using var linked = await client.PostFormAsync($"/Clients/Details?id={first}", new Dictionary<string, string>(), $"/Clients/Details?id={first}&handler=Link&memberId={second}");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var firstJson = await api.GetStringAsync($"/api/v1/clients/{first}");
        var secondJson = await api.GetStringAsync($"/api/v1/clients/{second}");
        var household = Regex.Match(firstJson, "\"householdId\":\"([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.NotEmpty(household);
        Assert.Contains(household, secondJson, StringComparison.Ordinal);
        Assert.Contains("Karim Haushaltstest", WebUtility.HtmlDecode(await client.GetStringAsync($"/Clients/Details?id={first}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Case_pages_of_the_own_caseload_answer_and_show_the_phase()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.sued@demo.lotse");
        var list = await client.GetStringAsync("/Cases?mine=true");
        var id = Regex.Match(list, "/Cases/Details\\?id=([0-9a-fA-F-]{36})").Groups[1].Value;
        foreach (var page in new[] { "Details", "Assessment", "GoalAgreement", "Close" })
        {
            using var response = await client.GetAsync($"/Cases/{page}?id={id}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        Assert.NotNull(scope.ServiceProvider.GetRequiredService<CalendarFeedService>());
    }
}
