using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Lotse.Tests.Support;

namespace Lotse.Tests.Admin;

public sealed partial class UserAdministrationTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [GeneratedRegex("<a class=\"kern-link\" href=\"/Admin/Users/Edit\\?id=([0-9a-fA-F-]{36})\">([^<]+)</a>")]
    private static partial Regex UserLink();

    private static async Task<string> UserIdAsync(HttpClient admin, string name)
    {
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users"));
        return UserLink().Matches(list).Single(m => m.Groups[2].Value == name).Groups[1].Value;
    }

    [Fact]
    public async Task A_deactivated_user_can_no_longer_sign_in_and_their_tokens_stop_working()
    {
        var (_, lines) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", "einbuergerung@demo.lotse");
        using var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", lines[^1]);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);

        using var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@demo.lotse");
        var id = await UserIdAsync(admin, "Aylin Şahin");
        using var deactivated = await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", new Dictionary<string, string>(), $"/Admin/Users/Edit?id={id}&handler=Active&active=false");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);
        Assert.Contains("deaktiviert", WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit?id={id}")), StringComparison.Ordinal);

        using var user = app.CreateBrowserLikeClient();
        using var signIn = await user.SignInAsync("einbuergerung@demo.lotse");
        Assert.Contains("Das Konto ist gesperrt.", WebUtility.HtmlDecode(await signIn.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);

        using var reactivated = await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", new Dictionary<string, string>(), $"/Admin/Users/Edit?id={id}&handler=Active&active=true");
        using var again = await user.SignInAsync("einbuergerung@demo.lotse");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task A_user_needs_an_organisation_a_role_and_a_long_enough_password()
    {
        using var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@demo.lotse");
        using var response = await admin.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Neue Kollegin",
            ["Input.Email"] = "neu@demo.lotse",
            ["Input.Password"] = "kurz",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Bitte wählen Sie eine Organisation.", page, StringComparison.Ordinal);

        var organizationId = Regex.Match(page, "<option value=\"([0-9a-fA-F-]{36})\">Brückenwerk").Groups[1].Value;
        using var noRole = await admin.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Neue Kollegin",
            ["Input.Email"] = "neu@demo.lotse",
            ["Input.OrganizationId"] = organizationId,
            ["Input.Password"] = "kurz",
        });
        Assert.Contains("Bitte wählen Sie mindestens eine Rolle.", WebUtility.HtmlDecode(await noRole.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var shortPassword = await admin.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Neue Kollegin",
            ["Input.Email"] = "neu@demo.lotse",
            ["Input.OrganizationId"] = organizationId,
            ["Input.Roles"] = "PartnerStaff",
            ["Input.Password"] = "kurz",
        });
        Assert.Contains("Das Passwort muss mindestens 12 Zeichen lang sein.", WebUtility.HtmlDecode(await shortPassword.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var duplicate = await admin.PostFormAsync("/Admin/Users/Edit", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Doppelt",
            ["Input.Email"] = "fm.mitte@demo.lotse",
            ["Input.OrganizationId"] = organizationId,
            ["Input.Roles"] = "PartnerStaff",
            ["Input.Password"] = "Ein langes Passwort 2026",
        });
        Assert.Contains("Diese E-Mail-Adresse ist bereits vergeben.", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_admins_editing_the_same_user_do_not_overwrite_each_other()
    {
        using var admin = app.CreateBrowserLikeClient();
        await admin.SignInAsync("admin@demo.lotse");
        var id = await UserIdAsync(admin, "Petra Nowak");
        var form = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit?id={id}"));
        var stamp = Regex.Match(form, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]+)\"").Groups[1].Value;
        var organizationId = Regex.Match(form, "<option value=\"([0-9a-fA-F-]{36})\" selected>").Groups[1].Value;
        Dictionary<string, string> Edit(string name) => new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = "partner@demo.lotse",
            ["Input.OrganizationId"] = organizationId,
            ["Input.Roles"] = "PartnerStaff",
            ["Input.ConcurrencyStamp"] = stamp,
        };

        using var first = await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", Edit("Petra Nowak-Schmidt"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await admin.PostFormAsync($"/Admin/Users/Edit?id={id}", Edit("Petra N."));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("inzwischen von jemand anderem geändert", WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Petra Nowak-Schmidt", WebUtility.HtmlDecode(await admin.GetStringAsync("/Admin/Users")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_prints_a_one_time_password_that_signs_in()
    {
        var (exitCode, lines) = await LotseCommand.RunAsync(app, "create-admin", "--email", "it@gelsenkirchen.example", "--name", "IT-Betrieb");
        Assert.Equal(0, exitCode);
        using var client = app.CreateBrowserLikeClient();
        using var signIn = await client.SignInAsync("it@gelsenkirchen.example", lines[^1]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("/Admin/Users", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
