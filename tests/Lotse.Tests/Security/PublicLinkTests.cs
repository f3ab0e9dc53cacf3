using System.Net;
using System.Text.RegularExpressions;
using Lotse.Tests.Support;

namespace Lotse.Tests.Security;

/// <summary>An installation reached as https://lotse.gelsenkirchen.example behind a proxy.</summary>
public sealed class PublicAddressFactory : LotseFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Lotse:PublicBaseUrl", "https://lotse.gelsenkirchen.example"),
    ];
}

/// <summary>
/// Links Lotse hands out come from <c>Lotse:PublicBaseUrl</c>, never from the request: a forged Host
/// header is refused, and forwarded host headers change nothing.
/// </summary>
public sealed partial class PublicLinkTests(PublicAddressFactory app) : IClassFixture<PublicAddressFactory>
{
    [GeneratedRegex("data-testid=\"feed-url\">([^<]+)<")]
    private static partial Regex FeedUrl();

    [Fact]
    public async Task A_request_for_another_host_is_refused()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "evil.example";
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_calendar_feed_link_names_the_public_address_whatever_the_request_says()
    {
        using var client = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var token = await client.AntiforgeryTokenAsync("/Calendar");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Calendar?handler=Feed")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-Proto", "http");
        using var response = await client.SendAsync(request);
        var url = WebUtility.HtmlDecode(FeedUrl().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);

        Assert.StartsWith("https://lotse.gelsenkirchen.example/calendar/", url, StringComparison.Ordinal);
        Assert.EndsWith(".ics", url, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", url, StringComparison.Ordinal);
    }
}
