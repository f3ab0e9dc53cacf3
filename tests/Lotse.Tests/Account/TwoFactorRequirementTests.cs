using System.Net;
using Lotse.Tests.Support;

namespace Lotse.Tests.Account;

/// <summary>An installation that is not the demo: the second factor is required for roles that see personal data.</summary>
public sealed class ProductionLikeFactory : LotseFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> ExtraSettings =>
    [
        new("Lotse:Demo:Enabled", "false"),
    ];
}

public sealed class TwoFactorRequirementTests(ProductionLikeFactory app) : IClassFixture<ProductionLikeFactory>
{
    [Fact]
    public async Task A_case_manager_without_second_factor_is_sent_to_enrolment_first()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.mitte@demo.lotse");
        using var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/Account/TwoFactor?required=True", start.Headers.Location?.OriginalString);

        var enrolment = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/TwoFactor?required=True"));
        Assert.Contains("Für Ihre Rolle ist ein zweiter Faktor vorgeschrieben.", enrolment, StringComparison.Ordinal);
        Assert.Contains("<svg", enrolment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_who_maintains_shared_data_is_sent_to_enrolment_too()
    {
        // Coordinators see no client but maintain the directory, barriers and the figures every Kommune relies on.
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("koordination@demo.lotse");
        using var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/Account/TwoFactor?required=True", start.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task After_enrolment_the_sign_in_needs_the_code_from_the_app()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.ost@demo.lotse");
        var enrolment = WebUtility.HtmlDecode(await client.GetStringAsync("/Account/TwoFactor"));
        var key = Totp.SharedKeyFrom(enrolment);

        using var enabled = await client.PostFormAsync("/Account/TwoFactor", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) }, "/Account/TwoFactor?handler=Enable");
        var page = WebUtility.HtmlDecode(await enabled.Content.ReadAsStringAsync());
        Assert.Contains("Der zweite Faktor ist eingerichtet.", page, StringComparison.Ordinal);
        Assert.Equal(10, System.Text.RegularExpressions.Regex.Count(page, "data-testid=\"recovery-code\""));
        using var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);

        using var fresh = app.CreateBrowserLikeClient();
        using var password = await fresh.SignInAsync("fm.ost@demo.lotse");
        Assert.StartsWith("/Account/LoginWith2fa", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var wrong = await fresh.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = "000000" });
        Assert.Contains("Der Code ist falsch oder abgelaufen.", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var right = await fresh.PostFormAsync("/Account/LoginWith2fa", new Dictionary<string, string> { ["Input.Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        using var home = await fresh.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }
}
