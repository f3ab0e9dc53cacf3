using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Network;

/// <summary>The closed loop over the API: consent, referral with a minimal packet, the partner's answers, withdrawal.</summary>
public sealed class ReferralJourneyApiTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private string Today => app.Today.ToString("O");

    /// <summary>A new client with an open case of fm.mitte, and the language course offer of the demo partner.</summary>
    private static async Task<(string ClientId, string CaseId, string OfferId, string PartnerOrgId)> ArrangeAsync(HttpClient api, string family)
    {
        using var client = await api.PostAsJsonAsync("/api/v1/clients", new
        {
            givenName = "Samira",
            familyName = family,
            birthDate = "1992-05-17",
            phone = "0176 5550101",
            email = "samira@example.org",
            languages = new[] { "ar", "de" },
        });
        Assert.Equal(HttpStatusCode.Created, client.StatusCode);
        var clientId = (await Json(client)).GetProperty("id").GetString()!;
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var caseId = (await Json(opened)).GetProperty("id").GetString()!;
        var offers = await api.GetFromJsonAsync<JsonElement>("/api/v1/offers?q=Integrationskurs%20mit%20Kinderbetreuung");
        var offer = offers.GetProperty("items")[0];
        return (clientId, caseId, offer.GetProperty("id").GetString()!, offer.GetProperty("organizationId").GetString()!);
    }

    private async Task<string> ConsentAsync(HttpClient api, string clientId, string recipient, params string[] categories)
    {
        using var consent = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/consents", new
        {
            recipients = new[] { recipient },
            purposes = new[] { "sprache" },
            purposeText = "Anmeldung zum Integrationskurs",
            categories,
            givenOn = Today,
            formLanguage = "ar",
        });
        Assert.Equal(HttpStatusCode.Created, consent.StatusCode);
        return (await Json(consent)).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_consent_recorded_for_a_waiting_referral_says_truthfully_whether_it_now_covers_it()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var browser = app.CreateBrowserLikeClient();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var (clientId, caseId, offerId, partnerOrgId) = await ArrangeAsync(api, "Haddad-Umweg");
        using var draft = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { offerId, needArea = "sprache", fields = new[] { "name", "phone" }, send = false });
        Assert.Equal(HttpStatusCode.Created, draft.StatusCode);
        var referralId = (await Json(draft)).GetProperty("id").GetString();

        async Task<string> RecordAsync(params string[] categories)
        {
            var page = $"/Consents/New?clientId={clientId}&referralId={referralId}";
            var fields = new Dictionary<string, string>
            {
                ["Kind"] = "Sharing",
                ["Recipients[0]"] = partnerOrgId,
                ["Purposes[0]"] = "sprache",
                ["PurposeText"] = "Anmeldung zum Integrationskurs",
                ["GivenOn"] = Today,
                ["SignedCopyOnFile"] = "true",
            };
            for (var i = 0; i < categories.Length; i++)
            {
                fields[$"Categories[{i}]"] = categories[i];
            }

            using var saved = await browser.PostFormAsync(page, fields);
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Contains(referralId!, saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
            return WebUtility.HtmlDecode(await browser.GetStringAsync(saved.Headers.Location));
        }

        // The phone is shared, but this consent names only the name: the referral is not ready, and the page says so.
        var partial = await RecordAsync("Name");
        Assert.Contains("Sie deckt die Vermittlung noch nicht ganz ab", partial, StringComparison.Ordinal);
        Assert.DoesNotContain("bereit zum Senden", partial, StringComparison.Ordinal);

        var full = await RecordAsync("Name", "Phone");
        Assert.Contains("Die Vermittlung ist bereit zum Senden.", full, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_referral_needs_a_covering_consent_sends_only_the_chosen_fields_and_comes_back_with_an_outcome()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var partner = await ApiClient.ForAsync(app, "partner@demo.lotse");
        var (clientId, caseId, offerId, partnerOrgId) = await ArrangeAsync(api, "Haddad-Loop");
        var referral = new { offerId, needArea = "sprache", fields = new[] { "name", "languages", "phone" }, send = true };

        using var refused = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", referral);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = (await Json(refused)).GetProperty("errors").GetProperty("consent")[0].GetString();
        Assert.Contains("Sprachschule Glückauf", why, StringComparison.Ordinal);

        await ConsentAsync(api, clientId, partnerOrgId, "name", "phone", "languages");
        using var blanket = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/consents", new { recipients = Array.Empty<string>(), purposes = new[] { "sprache" }, categories = new[] { "name" }, givenOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, blanket.StatusCode);

        using var tooMuch = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { offerId, needArea = "sprache", fields = new[] { "name", "birthDate", "address" }, send = true });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        var missing = (await Json(tooMuch)).GetProperty("errors").GetProperty("consent")[0].GetString();
        Assert.Contains("Geburtsdatum", missing, StringComparison.Ordinal);
        Assert.Contains("Anschrift", missing, StringComparison.Ordinal);

        using var sent = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", referral);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var sentReferral = await Json(sent);
        var referralId = sentReferral.GetProperty("id").GetString()!;
        Assert.Equal("gesendet", sentReferral.GetProperty("status").GetString());

        // The partner's inbox lists it without any personal data; the single read shows exactly the chosen fields.
        var inbox = await partner.GetFromJsonAsync<JsonElement>("/api/v1/referrals?inbox=true&pageSize=200");
        var listed = inbox.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetString() == referralId);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("packet").ValueKind);
        var read = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}");
        var packet = read.GetProperty("packet");
        Assert.Equal("Haddad-Loop", packet.GetProperty("familyName").GetString());
        Assert.Equal("0176 5550101", packet.GetProperty("phone").GetString());
        Assert.Equal(["ar", "de"], packet.GetProperty("languages").EnumerateArray().Select(l => l.GetString()));
        foreach (var hidden in new[] { "birthDate", "email", "address", "nationalities", "residenceStatus", "message" })
        {
            Assert.Equal(JsonValueKind.Null, packet.GetProperty(hidden).ValueKind);
        }

        Assert.False(read.TryGetProperty("caseId", out _));

        // Nothing else of the case: not the case, not the client.
        using (var caseRead = await partner.GetAsync($"/api/v1/cases/{caseId}"))
        {
            Assert.Contains(caseRead.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }

        using (var clientRead = await partner.GetAsync($"/api/v1/clients/{clientId}"))
        {
            Assert.Contains(clientRead.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        }

        using var wrongSide = await partner.PostAsync($"/api/v1/referrals/{referralId}/withdraw", null);
        Assert.Equal(HttpStatusCode.NotFound, wrongSide.StatusCode);
        using var accepted = await partner.PostAsync($"/api/v1/referrals/{referralId}/accept", null);
        Assert.True(accepted.IsSuccessStatusCode, $"{accepted.StatusCode}: {await accepted.Content.ReadAsStringAsync()}");
        Assert.Equal("angenommen", (await Json(accepted)).GetProperty("status").GetString());
        using var noOutcome = await partner.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noOutcome.StatusCode);
        using var completed = await partner.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { outcome = "hilfe-erhalten", note = "Kurs ab 12.01." });
        Assert.Equal("abgeschlossen", (await Json(completed)).GetProperty("status").GetString());

        var sender = await api.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}/referrals");
        var mine = sender.EnumerateArray().Single(r => r.GetProperty("id").GetString() == referralId);
        Assert.Equal("abgeschlossen", mine.GetProperty("status").GetString());
        Assert.Equal("hilfe-erhalten", mine.GetProperty("outcome").GetString());
        Assert.Equal(["entwurf", "gesendet", "angenommen", "abgeschlossen"], mine.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()));
        Assert.All(mine.GetProperty("events").EnumerateArray(), e => Assert.NotEqual(JsonValueKind.Null, e.GetProperty("userId").ValueKind));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var packetReads = await db.AuditEntries.Where(a => a.EntityType == "ReferralPacket" && a.EntityId == Guid.Parse(referralId) && a.Operation == AuditOperation.Read).ToListAsync();
        Assert.NotEmpty(packetReads);
        Assert.All(packetReads, a => Assert.Equal("name,phone,languages", a.Fields));
    }

    [Fact]
    public async Task Withdrawing_the_consent_ends_the_partners_access_to_the_packet_at_once()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var partner = await ApiClient.ForAsync(app, "partner@demo.lotse");
        using var otherOrganization = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        using var authority = await ApiClient.ForAsync(app, "abh@demo.lotse");
        var (clientId, caseId, offerId, partnerOrgId) = await ArrangeAsync(api, "Haddad-Widerruf");
        var consentId = await ConsentAsync(api, clientId, partnerOrgId, "name", "phone", "languages");
        using var sent = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { offerId, needArea = "sprache", fields = new[] { "name", "phone" }, send = true });
        var referralId = (await Json(sent)).GetProperty("id").GetString()!;
        Assert.Equal("Haddad-Widerruf", (await partner.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}")).GetProperty("packet").GetProperty("familyName").GetString());

        // Nobody else sees it: another welfare organisation, the foreigners' authority.
        using (var foreign = await otherOrganization.GetAsync($"/api/v1/referrals/{referralId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        }

        var authorityInbox = await authority.GetFromJsonAsync<JsonElement>("/api/v1/referrals?inbox=true&pageSize=200");
        Assert.DoesNotContain(authorityInbox.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetString() == referralId);

        using var withdrawn = await api.PostAsJsonAsync($"/api/v1/consents/{consentId}/withdraw", new { note = "Klientin möchte es nicht mehr." });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.False((await Json(withdrawn)).GetProperty("isActive").GetBoolean());

        var after = await partner.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("packet").ValueKind);
        Assert.Equal("zurueckgezogen", after.GetProperty("status").GetString());
        using var accept = await partner.PostAsync($"/api/v1/referrals/{referralId}/accept", null);
        Assert.Equal(HttpStatusCode.BadRequest, accept.StatusCode);

        // A new referral cannot rest on the withdrawn consent.
        using var again = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { offerId, needArea = "sprache", fields = new[] { "name" }, send = true });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task A_recipient_without_an_account_answers_through_a_single_use_link()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var (clientId, caseId, offerId, partnerOrgId) = await ArrangeAsync(api, "Haddad-Link");
        await ConsentAsync(api, clientId, partnerOrgId, "name", "phone");
        using var sent = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { offerId, needArea = "sprache", fields = new[] { "name", "phone" }, send = true });
        var referralId = (await Json(sent)).GetProperty("id").GetString()!;

        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        using var link = await browser.PostFormAsync($"/Referrals/Details?id={referralId}", new Dictionary<string, string>(), $"/Referrals/Details?id={referralId}&handler=Link");
        var html = await link.Content.ReadAsStringAsync();
        var url = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"answer-link\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("http", url, StringComparison.Ordinal);
        var path = new Uri(url).PathAndQuery;

        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var page = await anonymous.GetStringAsync(path);
        Assert.Contains("Haddad-Link", page, StringComparison.Ordinal);
        Assert.DoesNotContain("samira@example.org", page, StringComparison.Ordinal);
        using var answer = await anonymous.PostFormAsync(path, new Dictionary<string, string> { ["Answer.Action"] = "accept", ["Version"] = ExtractVersion(page) });
        var answered = await answer.Content.ReadAsStringAsync();
        Assert.Contains("Ihre Rückmeldung", System.Net.WebUtility.HtmlDecode(answered), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"next-link\"", answered, StringComparison.Ordinal);

        // Spent: the same link shows nothing any more.
        var spent = await anonymous.GetStringAsync(path);
        Assert.Contains("Dieser Link ist nicht gültig.", System.Net.WebUtility.HtmlDecode(spent), StringComparison.Ordinal);
        Assert.DoesNotContain("Haddad-Link", spent, StringComparison.Ordinal);

        var state = await api.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{referralId}");
        Assert.Equal("angenommen", state.GetProperty("status").GetString());
        Assert.True(state.GetProperty("events").EnumerateArray().Last().GetProperty("viaLink").GetBoolean());
    }

    private static string ExtractVersion(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
}
