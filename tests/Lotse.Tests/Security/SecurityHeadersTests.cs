using Lotse.Tests.Support;

namespace Lotse.Tests.Security;

public sealed class SecurityHeadersTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_without_inline_script()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/Account/Login");
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task No_page_contains_inline_script()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("admin@demo.lotse");
        foreach (var page in new[] { "/", "/Account/Profile", "/Account/TwoFactor", "/Admin/Users", "/Admin/Catalogs" })
        {
            var html = await client.GetStringAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch(" on(click|load|submit|change)=", html);
        }
    }

    [Fact]
    public async Task Forms_carry_an_antiforgery_token_and_a_post_without_it_is_refused()
    {
        using var client = app.CreateBrowserLikeClient();
        var token = await client.AntiforgeryTokenAsync("/Account/Login");
        Assert.False(string.IsNullOrEmpty(token));

        using var forged = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "fm.mitte@demo.lotse",
            ["Input.Password"] = FormClient.DemoPassword,
        }));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }
}
