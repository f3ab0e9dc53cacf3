using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Tests.Support;

namespace Lotse.Tests.Audit;

/// <summary>Art. 18: a restricted person's records are read-only, visibly, until the restriction is lifted.</summary>
public sealed class RestrictionTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task Restriction_freezes_the_persons_records_and_lifting_it_thaws_them()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Amina", familyName = "Sow", birthDate = "1993-09-02" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var noReason = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/restriction", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        using var restricted = await api.PostAsJsonAsync($"/api/v1/clients/{clientId}/restriction", new { reason = "Frau Sow bestreitet die Richtigkeit des Geburtsdatums." });
        Assert.Equal(HttpStatusCode.OK, restricted.StatusCode);

        // Writes to the person and the case are refused with a clear message, over the API ...
        using var encounter = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/encounters", new { kind = "telefon", durationMinutes = 10 });
        Assert.Equal(HttpStatusCode.BadRequest, encounter.StatusCode);
        Assert.Contains("eingeschränkt (Art. 18 DSGVO)", await encounter.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // ... and on the pages, which say so instead of failing.
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var clientPage = WebUtility.HtmlDecode(await browser.GetStringAsync($"/Clients/Details?id={clientId}"));
        Assert.Contains("Verarbeitung eingeschränkt (Art. 18 DSGVO)", clientPage, StringComparison.Ordinal);
        using var form = await browser.PostFormAsync($"/Cases/Details?id={caseId}", new Dictionary<string, string>
        {
            ["Contact.Kind"] = "telefon",
            ["Contact.At"] = app.LocalNow.AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Contact.DurationMinutes"] = "10",
        }, $"/Cases/Details?id={caseId}&handler=Encounter");
        Assert.True(form.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{form.StatusCode}");
        var after = WebUtility.HtmlDecode(form.StatusCode == HttpStatusCode.Redirect
            ? await browser.GetStringAsync(form.Headers.Location!.ToString())
            : await form.Content.ReadAsStringAsync());
        Assert.Contains("eingeschränkt (Art. 18 DSGVO)", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Der Kontakt wurde erfasst.", after, StringComparison.Ordinal);

        using var lifted = await api.DeleteAsync($"/api/v1/clients/{clientId}/restriction");
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);
        using var again = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/encounters", new { kind = "telefon", durationMinutes = 10 });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);

        // Only the responsible case manager or the team lead of the case's team restricts.
        using var colleague = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using var refused = await colleague.PostAsJsonAsync($"/api/v1/clients/{clientId}/restriction", new { reason = "Versuch" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
