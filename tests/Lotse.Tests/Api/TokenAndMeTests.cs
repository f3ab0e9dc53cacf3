using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Api;

public sealed class TokenAndMeTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task A_token_from_the_command_line_answers_me_with_the_users_organisation_and_roles()
    {
        var (exitCode, lines) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", "fm.mitte@demo.lotse", "--name", "Fachverfahren");
        Assert.Equal(0, exitCode);
        var token = lines[^1];

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fm.mitte@demo.lotse", me.GetProperty("email").GetString());
        Assert.Equal("Brückenwerk Emscher e. V.", me.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal(["CaseManager"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_revoked_token_gets_401()
    {
        var (_, created) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", "fm.sued@demo.lotse");
        var token = created[^1];
        var (_, listed) = await LotseCommand.RunAsync(app, "tokens", "list", "--user", "fm.sued@demo.lotse");
        var id = listed.Skip(1).First(l => l.Contains("active", StringComparison.Ordinal)).Split('\t')[0];

        var (revokeExit, revoked) = await LotseCommand.RunAsync(app, "tokens", "revoke", id);
        Assert.Equal(0, revokeExit);
        Assert.Equal("Token revoked.", revoked[^1]);

        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_or_unknown_token_gets_401_and_a_cookie_is_not_enough_for_the_api()
    {
        using var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "lotse_not-a-real-token");
        using var unknown = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);

        client.DefaultRequestHeaders.Authorization = null;
        await client.SignInAsync("fm.mitte@demo.lotse");
        using var cookieOnly = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, cookieOnly.StatusCode);
    }

    [Fact]
    public async Task Tokens_are_stored_only_as_hashes()
    {
        var (_, lines) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", "koordination@demo.lotse");
        var secret = lines[^1];
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Lotse.Data.LotseDbContext>();
        var stored = db.PersonalAccessTokens.Include(t => t.User).AsEnumerable().Single(t => secret.StartsWith(t.Prefix, StringComparison.Ordinal) && t.User!.Email == "koordination@demo.lotse");
        Assert.Equal(32, stored.Hash.Length);
        Assert.DoesNotContain(secret, Convert.ToBase64String(stored.Hash), StringComparison.Ordinal);
        Assert.NotEqual(secret, stored.Prefix);
    }

    [Fact]
    public async Task Creating_a_token_for_an_unknown_user_fails_with_a_message()
    {
        var (exitCode, lines) = await LotseCommand.RunAsync(app, "tokens", "create", "--user", "niemand@demo.lotse");
        Assert.Equal(1, exitCode);
        Assert.Equal("No active user with that e-mail address.", lines[^1]);
    }

    [Fact]
    public async Task Every_command_has_help()
    {
        foreach (var command in new[] { new[] { "--help" }, ["migrate", "--help"], ["seed-demo", "--help"], ["create-admin", "--help"], ["tokens", "create", "--help"], ["tokens", "list", "--help"], ["tokens", "revoke", "--help"] })
        {
            var (exitCode, lines) = await LotseCommand.RunAsync(app, command);
            Assert.Equal(0, exitCode);
            Assert.Contains(lines, l => l.StartsWith("Usage:", StringComparison.Ordinal));
        }
    }
}
