using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Audit;

/// <summary>
/// Beyond reads and writes of personal data the log holds sign-ins, refused pages and administrative
/// changes; a person's corrections keep their old values in the person's own trail (Art. 16).
/// </summary>
public sealed class AuditCoverageTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task Sign_ins_failed_sign_ins_and_sign_outs_are_logged_without_the_address_typed_for_an_unknown_account()
    {
        var unknown = $"niemand-{Guid.NewGuid():N}@example.org";
        using (var browser = app.CreateBrowserLikeClient())
        {
            await browser.SignInAsync(unknown);
            await browser.SignInAsync("einbuergerung@demo.lotse", "falsches-Passwort-123");
            Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("einbuergerung@demo.lotse")).StatusCode);
            using var signedOut = await browser.PostFormAsync("/Account/Profile", new Dictionary<string, string>(), "/Account/Logout");
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var officer = await db.Users.SingleAsync(u => u.Email == "einbuergerung@demo.lotse");
        var entries = await db.AuditEntries.Where(a => a.UserId == officer.Id && a.EntityType == "User").OrderBy(a => a.Id).Select(a => new { a.Operation, a.Fields }).ToListAsync();
        Assert.Contains(entries, e => e.Operation == AuditOperation.SignInFailed && e.Fields == "password");
        Assert.Contains(entries, e => e.Operation == AuditOperation.SignIn && e.Fields == "password");
        Assert.Contains(entries, e => e.Operation == AuditOperation.SignOut);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Operation == AuditOperation.SignInFailed && a.UserId == null && a.Fields == "password,unknown-account"));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Fields != null && a.Fields.Contains(unknown)));
    }

    [Fact]
    public async Task A_page_refused_to_a_role_is_logged_with_its_route_and_administrative_changes_with_their_fields()
    {
        using var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync("koordination@demo.lotse");
        using (var refused = await coordinator.GetAsync("/Clients"))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/AccessDenied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The administrator changes a catalogue entry's description, and changes it back.
        using var admin = await ApiClient.ForAsync(app, "admin@demo.lotse");
        var entry = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/catalogs/ClosureReason")).GetProperty("items")[0];
        var entryId = entry.GetProperty("id").GetGuid();
        foreach (var detail in new[] { "geprüft " + Guid.NewGuid().ToString("N")[..6], entry.GetProperty("detail").GetString() })
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/catalog-entries/{entryId}")
            {
                Content = JsonContent.Create(new { label = entry.GetProperty("label").GetString(), labelEn = entry.GetProperty("labelEn").GetString(), detail, sortOrder = entry.GetProperty("sortOrder").GetInt32(), isActive = true }),
            };
            put.Headers.IfMatch.Add(System.Net.Http.Headers.EntityTagHeaderValue.Any);
            using var changed = await admin.SendAsync(put);
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var coordinatorId = await db.Users.Where(u => u.Email == "koordination@demo.lotse").Select(u => u.Id).SingleAsync();
        var refusals = await db.AuditEntries.Where(a => a.UserId == coordinatorId && a.Operation == AuditOperation.Denied).Select(a => a.EntityType + ":" + a.Fields).ToListAsync();
        Assert.True(refusals.Contains("Endpoint:Clients"), string.Join("; ", refusals));
        var adminId = await db.Users.Where(u => u.Email == "admin@demo.lotse").Select(u => u.Id).SingleAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == adminId && a.Operation == AuditOperation.Update && a.EntityType == "CatalogEntry" && a.EntityId == entryId && a.Fields == "Detail"));
    }

    [Fact]
    public async Task A_correction_keeps_the_old_value_in_the_persons_trail_shown_to_the_responsible_and_in_the_art_15_export()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Nadia", familyName = "Haddad", birthDate = "1991-05-03", phone = "0209 111111" });
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        var clientId = client.GetProperty("id").GetString();
        using (await api.PostAsJsonAsync("/api/v1/cases", new { clientId }))
        {
        }

        using var update = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/clients/{clientId}")
        {
            Content = JsonContent.Create(new { givenName = "Nadia", familyName = "Haddad", birthDate = "1991-05-30", phone = "0209 222222" }),
        };
        update.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(created.Headers.ETag!.Tag));
        using (var updated = await api.SendAsync(update))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        var export = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/export");
        var corrections = export.GetProperty("corrections").EnumerateArray().Select(c => (c.GetProperty("field").GetString(), c.GetProperty("oldValue").GetString(), c.GetProperty("newValue").GetString())).ToList();
        Assert.Contains(("Phone", "0209 111111", "0209 222222"), corrections);
        Assert.Contains(("BirthDate", "1991-05-03", "1991-05-30"), corrections);

        using var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("fm.mitte@demo.lotse");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Clients/Details?id={clientId}"));
        Assert.Contains("Berichtigungen (Art. 16 DSGVO)", page, StringComparison.Ordinal);
        Assert.Contains("„0209 111111“ → „0209 222222“", page, StringComparison.Ordinal);

        // A colleague who may see the person, but is not responsible, does not get the old values.
        using var colleague = app.CreateBrowserLikeClient();
        await colleague.SignInAsync("fm.nord@demo.lotse");
        Assert.DoesNotContain("0209 111111", WebUtility.HtmlDecode(await colleague.GetStringAsync($"/Clients/Details?id={clientId}")), StringComparison.Ordinal);

        // The audit log names the fields, never the values.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Fields != null && a.Fields.Contains("0209")));
    }
}
