using System.Net;
using System.Text.RegularExpressions;

namespace Lotse.Tests.Support;

/// <summary>Signs in and posts forms the way a browser does: with the antiforgery token of the page.</summary>
public static partial class FormClient
{
    public const string DemoPassword = Lotse.Features.Demo.DemoSeeder.DemoPassword;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string url)
    {
        var html = await client.GetStringAsync(url);
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var token = await client.AntiforgeryTokenAsync(pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.PostAsync(postUrl ?? pageUrl, content);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoPassword) =>
        client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
}
