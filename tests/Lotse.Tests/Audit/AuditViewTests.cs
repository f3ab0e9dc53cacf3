using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Audit;

/// <summary>The data protection officer's view: search, CSV, unusual access, and "who accessed this client".</summary>
public sealed class AuditViewTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    [Fact]
    public async Task The_data_protection_officer_searches_by_client_exports_CSV_and_is_audited_doing_so()
    {
        using var caseManager = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using var created = await caseManager.PostAsJsonAsync("/api/v1/clients", new { givenName = "Dilan", familyName = "Yıldız", birthDate = "1996-07" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using (var read = await caseManager.GetAsync($"/api/v1/clients/{clientId}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        using var officer = await ApiClient.ForAsync(app, "datenschutz@demo.lotse");
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/audit?clientId={clientId}");
        var items = found.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("operation").GetString() == "Create" && i.GetProperty("entityType").GetString() == "Client");
        Assert.Contains(items, i => i.GetProperty("operation").GetString() == "Read" && i.GetProperty("userName").GetString() == "Jonas Becker");
        Assert.DoesNotContain("Yıldız", found.GetRawText(), StringComparison.Ordinal);

        using var page = await SignedInAsync("datenschutz@demo.lotse");
        var html = WebUtility.HtmlDecode(await page.GetStringAsync($"/Audit?clientId={clientId}"));
        Assert.Contains("Jonas Becker", html, StringComparison.Ordinal);
        using var csv = await page.GetAsync($"/Audit?handler=Csv&clientId={clientId}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFid;sequence;at_utc;user_id;user;", text, StringComparison.Ordinal);
        Assert.Contains(";Jonas Becker;", text, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var officerId = await db.Users.Where(u => u.Email == "datenschutz@demo.lotse").Select(u => u.Id).SingleAsync();
        var ownReads = await db.AuditEntries.Where(a => a.UserId == officerId && a.EntityType == "AuditLog").Select(a => a.Operation).ToListAsync();
        Assert.Contains(AuditOperation.Search, ownReads);
        Assert.Contains(AuditOperation.Export, ownReads);
    }

    [Fact]
    public async Task The_officer_finds_a_person_by_name_in_any_organisation_and_reads_the_log_in_German()
    {
        // A client of Ruhrbogen (fm.sued), whose case is edited: the officer of the city finds them by name, no id pasted.
        using var caseManager = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        using var created = await caseManager.PostAsJsonAsync("/api/v1/clients", new { givenName = "Meryem", familyName = "Protokollova", birthDate = "1984-02-29" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var opened = await caseManager.PostAsJsonAsync("/api/v1/cases", new { clientId });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        using var page = await SignedInAsync("datenschutz@demo.lotse");
        var found = WebUtility.HtmlDecode(await page.GetStringAsync("/Audit?person=Meryem+Protokollova"));
        Assert.Contains("Personen zu „Meryem Protokollova“", found, StringComparison.Ordinal);
        Assert.Contains(">Meryem Protokollova</a> · 29.02.1984", found, StringComparison.Ordinal);
        Assert.DoesNotContain($">{clientId}<", found, StringComparison.OrdinalIgnoreCase);

        var filtered = WebUtility.HtmlDecode(await page.GetStringAsync($"/Audit?clientId={clientId}"));
        Assert.Contains("<strong>Meryem Protokollova</strong>", filtered, StringComparison.Ordinal);
        // Record types, operations, fields and channel in German; no raw names of the code.
        Assert.Contains(">Person</td>", filtered, StringComparison.Ordinal);
        Assert.Contains(">Fall</td>", filtered, StringComparison.Ordinal);
        Assert.Contains("angelegt<br /><span class=\"app-muted\">API</span>", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(">Case<", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("(page)", filtered, StringComparison.Ordinal);

        // Finding people by name is itself a search of personal data, and audited as one.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var officerId = await db.Users.Where(u => u.Email == "datenschutz@demo.lotse").Select(u => u.Id).SingleAsync();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserId == officerId && a.Operation == AuditOperation.Search && a.EntityType == "Client" && a.ClientId == Guid.Parse(clientId!)));
    }

    [Fact]
    public async Task Only_the_data_protection_officer_reads_the_audit_log()
    {
        using var caseManager = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using var refused = await caseManager.GetAsync("/api/v1/audit");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var admin = await SignedInAsync("admin@demo.lotse");
        using var page = await admin.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("AccessDenied", page.Headers.Location!.ToString(), StringComparison.Ordinal);

        using var officer = await ApiClient.ForAsync(app, "datenschutz@demo.lotse");
        var verified = await officer.PostAsync("/api/v1/audit/verify", null);
        var result = await verified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(result.GetProperty("intact").GetBoolean(), result.GetRawText());
        Assert.True(result.GetProperty("checked").GetInt64() > 0);
    }

    [Fact]
    public async Task Many_clients_opened_in_a_short_time_are_flagged()
    {
        using var caseManager = await ApiClient.ForAsync(app, "fm.west@demo.lotse");
        var list = await caseManager.GetFromJsonAsync<JsonElement>("/api/v1/clients?pageSize=30");
        Assert.True(list.GetProperty("items").GetArrayLength() >= AuditSearch.BurstClients);

        await using var scope = app.Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Users.Where(u => u.Email == "fm.west@demo.lotse").Select(u => u.Id).SingleAsync();
        using var officer = await ApiClient.ForAsync(app, "datenschutz@demo.lotse");
        var found = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/audit?userId={userId}&operation=Search&pageSize=50");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("concerns").GetString()!.Contains("ManyClients", StringComparison.Ordinal));
    }

    [Fact]
    public void Office_hours_are_weekdays_from_seven_to_seven_German_time()
    {
        using var scope = app.Services.CreateScope();
        var search = scope.ServiceProvider.GetRequiredService<AuditSearch>();
        // UTC instants: 09:00 UTC is 10:00 in Gelsenkirchen in winter; 05:30 UTC is 07:30 in summer but 06:30 in winter.
        Assert.False(search.IsOffHours(new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc)));
        Assert.True(search.IsOffHours(new DateTime(2026, 11, 25, 21, 30, 0, DateTimeKind.Utc)));
        Assert.True(search.IsOffHours(new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc)));
        Assert.False(search.IsOffHours(new DateTime(2026, 7, 15, 5, 30, 0, DateTimeKind.Utc)));
        Assert.True(search.IsOffHours(new DateTime(2026, 11, 25, 5, 30, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task The_responsible_case_manager_sees_who_accessed_the_client()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Petro", familyName = "Shevchuk", birthDate = "1970" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);

        using var teamLead = await SignedInAsync("teamleitung@demo.lotse");
        Assert.Equal(HttpStatusCode.OK, (await teamLead.GetAsync($"/Clients/Details?id={clientId}")).StatusCode);

        using var responsible = await SignedInAsync("fm.mitte@demo.lotse");
        var html = WebUtility.HtmlDecode(await responsible.GetStringAsync($"/Clients/Details?id={clientId}"));
        Assert.Contains("Wer hat auf diese Person zugegriffen?", html, StringComparison.Ordinal);
        Assert.Contains("Sabine Kowalski", html, StringComparison.Ordinal);

        // A colleague of the organisation without a case of this client does not see the list.
        using var colleague = await SignedInAsync("fm.nord@demo.lotse");
        var other = WebUtility.HtmlDecode(await colleague.GetStringAsync($"/Clients/Details?id={clientId}"));
        Assert.DoesNotContain("Wer hat auf diese Person zugegriffen?", other, StringComparison.Ordinal);
    }
}
