using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lotse.Tests.Support;

namespace Lotse.Tests.Cases;

/// <summary>
/// Times are German time whatever zone the server runs in (CI and containers run on UTC): 09:00 typed
/// is 09:00 on the page and in every calendar that subscribes, in winter (UTC+1) and in summer (UTC+2).
/// </summary>
public sealed partial class TimeZoneTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [GeneratedRegex("data-testid=\"feed-url\">([^<]+)<")]
    private static partial Regex FeedUrl();

    [Theory]
    [InlineData("2027-01-15", "20270115T080000Z")]
    [InlineData("2027-07-15", "20270715T070000Z")]
    public async Task An_appointment_typed_at_nine_is_at_nine_in_the_subscribed_calendar(string day, string utcStart)
    {
        using var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var title = "Sprechstunde " + day;
        using var saved = await client.PostFormAsync("/Calendar", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Start"] = day + "T09:00",
            ["Input.End"] = day + "T10:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await client.GetStringAsync("/Calendar");
        var shown = DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"{shown} 09:00</strong> {title}", page, StringComparison.Ordinal);

        using var feed = await client.PostFormAsync("/Calendar", new Dictionary<string, string>(), "/Calendar?handler=Feed");
        var url = new Uri(WebUtility.HtmlDecode(FeedUrl().Match(await feed.Content.ReadAsStringAsync()).Groups[1].Value));
        using var subscriber = app.CreateClient();
        var ics = await subscriber.GetStringAsync(url.PathAndQuery);
        var vevent = ics.Split("BEGIN:VEVENT").Single(e => e.Contains("SUMMARY:" + title, StringComparison.Ordinal));
        Assert.Contains("DTSTART:" + utcStart, vevent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_time_without_an_offset_is_German_time_and_one_with_an_offset_is_that_instant()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var cases = await api.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=1");
        var caseId = cases.GetProperty("items")[0].GetProperty("id").GetString();

        using var local = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/encounters", new { at = "2026-11-20T09:00:00", durationMinutes = 30, kind = "buero" });
        Assert.Equal(HttpStatusCode.Created, local.StatusCode);
        Assert.Equal("2026-11-20T08:00:00Z", (await local.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("at").GetString());

        using var offset = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/encounters", new { at = "2026-06-20T09:00:00+02:00", durationMinutes = 30, kind = "buero" });
        Assert.Equal(HttpStatusCode.Created, offset.StatusCode);
        Assert.Equal("2026-06-20T07:00:00Z", (await offset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("at").GetString());
    }
}
