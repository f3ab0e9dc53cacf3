using System.Net;
using Lotse.Tests.Support;

namespace Lotse.Tests.Account;

public sealed class SignInTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Theory]
    [InlineData("fm.mitte@demo.lotse", "Fallmanagement", "Brückenwerk Emscher e. V.")]
    [InlineData("fm.sued@demo.lotse", "Fallmanagement", "Nachbarschaftshilfe Ruhrbogen gGmbH")]
    [InlineData("teamleitung@demo.lotse", "Teamleitung", "Brückenwerk Emscher e. V.")]
    [InlineData("koordination@demo.lotse", "Koordination", "Stadt Gelsenkirchen – Referat Zuwanderung und Integration")]
    [InlineData("abh@demo.lotse", "Ausländer-/Einbürgerungsbehörde", "Stadt Gelsenkirchen – Ausländerbehörde")]
    [InlineData("partner@demo.lotse", "Partner", "Sprachschule Glückauf (Integrationskurse)")]
    [InlineData("datenschutz@demo.lotse", "Datenschutz", "Stadt Gelsenkirchen – Referat Zuwanderung und Integration")]
    [InlineData("admin@demo.lotse", "Administration", "Stadt Gelsenkirchen – Referat Zuwanderung und Integration")]
    public async Task Every_demo_sign_in_lands_on_its_roles_start_page(string email, string roleName, string organization)
    {
        using var client = app.CreateBrowserLikeClient();
        using var signIn = await client.SignInAsync(email);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);

        var start = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains($"<h2 class=\"kern-title\">{roleName}</h2>", start, StringComparison.Ordinal);
        Assert.Contains(organization, start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_message_and_no_session()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.SignInAsync("fm.mitte@demo.lotse", "falsches-passwort");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-Mail-Adresse oder Passwort ist falsch.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var start = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var client = app.CreateBrowserLikeClient();
        for (var i = 0; i < 5; i++)
        {
            using var _ = await client.SignInAsync("fm.west@demo.lotse", "falsch-" + i);
        }

        using var response = await client.SignInAsync("fm.west@demo.lotse");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Das Konto ist gesperrt.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Navigation_shows_each_role_only_what_it_may_use()
    {
        using var caseManager = app.CreateBrowserLikeClient();
        await caseManager.SignInAsync("fm.mitte@demo.lotse");
        var page = await caseManager.GetStringAsync("/");
        Assert.DoesNotContain("/Admin/Users", page, StringComparison.Ordinal);
        using var adminPage = await caseManager.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, adminPage.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", adminPage.Headers.Location!.AbsolutePath, StringComparison.Ordinal);

        using var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@demo.lotse");
        Assert.Contains("/Admin/Users", await admin.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_layout_has_a_skip_link_landmarks_and_the_signed_in_user()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.mitte@demo.lotse");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Contains("href=\"#main\"", page, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", page, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"app-nav\"", page, StringComparison.Ordinal);
        Assert.Contains("Leyla Demir", page, StringComparison.Ordinal);
        Assert.Contains("Stadt Gelsenkirchen (Test)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_english_catalogue_labels_are_english_and_dates_keep_the_german_format()
    {
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("fm.ost@demo.lotse");
        await client.PostFormAsync("/", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/" }, "/Account/Language");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/Consultations"));
        Assert.Contains("Short consultation without a case", page, StringComparison.Ordinal);
        Assert.Contains("Residence & immigration law", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Aufenthalt & Ausländerrecht", page, StringComparison.Ordinal);
        var start = WebUtility.HtmlDecode(await client.GetStringAsync("/"));
        Assert.Matches(@"\b\d{2}\.\d{2}\.\d{4}\b", start);
    }

    [Fact]
    public async Task The_language_switch_turns_the_ui_english_and_back()
    {
        using var client = app.CreateBrowserLikeClient();
        Assert.Contains(">Anmelden<", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        using var toEnglish = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/Account/Login" }, "/Account/Language");
        Assert.Equal(HttpStatusCode.Redirect, toEnglish.StatusCode);
        var english = await client.GetStringAsync("/Account/Login");
        Assert.Contains(">Sign in<", english, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);

        using var toGerman = await client.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["culture"] = "de-DE", ["returnUrl"] = "/Account/Login" }, "/Account/Language");
        Assert.Contains(">Anmelden<", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
    }
}
