using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Tests.Support;

namespace Lotse.Tests.Network;

/// <summary>Who may do what with the directory and the referral pages.</summary>
public sealed class NetworkPageTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    private async Task<(string Own, string Foreign)> OffersAsync()
    {
        using var api = await ApiClient.ForAsync(app, "koordination@demo.lotse");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/offers?pageSize=200");
        var items = list.GetProperty("items").EnumerateArray().ToList();
        string Id(string name) => items.Single(o => o.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
        return (Id("Berufssprachkurs B2"), Id("Schuldner- und Insolvenzberatung"));
    }

    [Fact]
    public async Task Coordinators_see_referral_figures_per_offer_without_personal_data()
    {
        using var coordinator = await SignedInAsync("koordination@demo.lotse");
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Offers/Statistics"));
        Assert.Contains("Integrationskurs mit Kinderbetreuung", html, StringComparison.Ordinal);
        Assert.Contains("keine Kapazität: 1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("F-2026-", html, StringComparison.Ordinal);

        using var caseManager = await SignedInAsync("fm.nord@demo.lotse");
        using var refused = await caseManager.GetAsync("/Offers/Statistics");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("AccessDenied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_staff_maintain_their_own_offers_and_no_one_elses()
    {
        var (own, foreign) = await OffersAsync();
        using var partner = await SignedInAsync("partner@demo.lotse");
        using (var edit = await partner.GetAsync($"/Offers/Edit?id={own}"))
        {
            Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        }

        using (var other = await partner.GetAsync($"/Offers/Edit?id={foreign}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        }

        using var partnerApi = await ApiClient.ForAsync(app, "partner@demo.lotse");
        using var current = await partnerApi.GetAsync($"/api/v1/offers/{foreign}");
        var body = await current.Content.ReadFromJsonAsync<JsonElement>();
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/offers/{foreign}") { Content = JsonContent.Create(new { name = "Übernommen", needAreas = new[] { "finanzen" } }) };
        put.Headers.IfMatch.Add(current.Headers.ETag!);
        using var refused = await partnerApi.SendAsync(put);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Schuldner- und Insolvenzberatung", body.GetProperty("name").GetString());

        // Marking the own offer as verified clears its reminder.
        using var verified = await partner.PostFormAsync($"/Offers/Details?id={own}", new Dictionary<string, string>(), $"/Offers/Details?id={own}&handler=Verify");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var after = await partnerApi.GetFromJsonAsync<JsonElement>($"/api/v1/offers/{own}");
        Assert.Equal(app.Today.ToString("O"), after.GetProperty("lastVerifiedOn").GetString());
        Assert.False(after.GetProperty("needsVerification").GetBoolean());
    }

    [Fact]
    public async Task The_partner_inbox_flags_unverified_offers_and_lists_referrals_without_names()
    {
        using var partner = await SignedInAsync("partner@demo.lotse");
        var html = WebUtility.HtmlDecode(await partner.GetStringAsync("/Referrals/Inbox?show=all"));
        Assert.Contains("Integrationskurs mit Kinderbetreuung", html, StringComparison.Ordinal);
        Assert.Contains("Brückenwerk Emscher e. V.", html, StringComparison.Ordinal);
        Assert.Contains("Angebote Ihrer Organisation, die länger nicht geprüft wurden", html, StringComparison.Ordinal);

        using var caseManager = await SignedInAsync("fm.mitte@demo.lotse");
        using var refused = await caseManager.GetAsync("/Referrals/Inbox");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
    }
}
