using System.Net;
using Lotse.Tests.Support;

namespace Lotse.Tests.Security;

public sealed class StrictRateLimitFactory : LotseFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings => [new("Lotse:SignIn:PermitPerMinute", "3")];
}

public sealed class SignInRateLimitTests(StrictRateLimitFactory app) : IClassFixture<StrictRateLimitFactory>
{
    [Fact]
    public async Task Too_many_sign_in_attempts_from_one_address_are_refused_for_a_while()
    {
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await client.SignInAsync("fm.mitte@demo.lotse", "falsch-" + i);
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }

        using var refused = await client.SignInAsync("fm.mitte@demo.lotse");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Zu viele Versuche", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
