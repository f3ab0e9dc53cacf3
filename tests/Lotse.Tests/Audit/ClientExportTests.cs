using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Audit;

/// <summary>Art. 15: everything held about a person, including with whom it was shared.</summary>
public sealed class ClientExportTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task The_export_of_a_demo_client_holds_cases_goals_encounters_consents_and_every_referral_with_its_recipient()
    {
        Guid clientId;
        int referrals, goals, encounters, consents;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var mitte = await db.Users.Where(u => u.Email == "fm.mitte@demo.lotse").Select(u => u.Id).SingleAsync();
            clientId = await db.Referrals.Where(r => r.SenderUserId == mitte && r.Case!.ResponsibleUserId == mitte)
                .OrderBy(r => r.CreatedAt).Select(r => r.ClientId).FirstAsync();
            var caseIds = await db.Cases.Where(c => c.ClientId == clientId).Select(c => c.Id).ToListAsync();
            referrals = await db.Referrals.CountAsync(r => caseIds.Contains(r.CaseId));
            goals = await db.Goals.CountAsync(g => caseIds.Contains(g.CaseId));
            encounters = await db.Encounters.CountAsync(e => caseIds.Contains(e.CaseId));
            consents = await db.Consents.CountAsync(c => c.ClientId == clientId);
        }

        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var export = await api.GetFromJsonAsync<JsonElement>($"/api/v1/clients/{clientId}/export");
        Assert.Equal(clientId.ToString(), export.GetProperty("client").GetProperty("id").GetString(), ignoreCase: true);
        var cases = export.GetProperty("cases").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.Equal(goals, cases.Sum(c => c.GetProperty("goals").GetArrayLength()));
        Assert.Equal(encounters, cases.Sum(c => c.GetProperty("encounters").GetArrayLength()));
        Assert.Equal(consents, export.GetProperty("consents").GetArrayLength());
        Assert.True(consents > 0);
        var exported = cases.SelectMany(c => c.GetProperty("referrals").EnumerateArray()).ToList();
        Assert.Equal(referrals, exported.Count);
        Assert.All(exported, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("recipient").GetString())));
        Assert.Contains(export.GetProperty("consents").EnumerateArray(), c => c.GetProperty("recipients").GetArrayLength() > 0);

        // A colleague without a case of this person may not export everything about them (404, as any refusal).
        using var colleague = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using var refused = await colleague.GetAsync($"/api/v1/clients/{clientId}/export");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);

        // The printable document says the same in German.
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var html = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Clients/Export?id={clientId}"));
        Assert.Contains("Auskunft nach Art. 15 DSGVO", html, StringComparison.Ordinal);
        Assert.Contains("Vermittlungen und Anfragen", html, StringComparison.Ordinal);
    }
}
