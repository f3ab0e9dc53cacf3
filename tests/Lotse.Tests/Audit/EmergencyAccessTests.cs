using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Users;
using Lotse.Security;
using Lotse.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lotse.Tests.Audit;

/// <summary>Break glass, and the hardening around sign-in: idle timeout and common passwords.</summary>
public sealed class EmergencyAccessTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(email)).StatusCode);
        return client;
    }

    [Fact]
    public async Task Emergency_access_needs_a_reason_ends_on_its_own_and_is_shown_to_the_responsible_and_the_officer()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Goran", familyName = "Petrović", birthDate = "1965-03" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using var colleague = await SignedInAsync("fm.nord@demo.lotse");
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/Cases/Details?id={caseId}")).StatusCode);
        var offer = WebUtility.HtmlDecode(await colleague.GetStringAsync($"/Cases/Emergency?clientId={clientId}"));
        Assert.Contains("Nur im Notfall", offer, StringComparison.Ordinal);

        using var noReason = await colleague.PostFormAsync($"/Cases/Emergency?clientId={clientId}", new Dictionary<string, string> { ["CaseId"] = caseId!, ["Reason"] = "eilig" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var refusedPage = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync());
        Assert.Contains("mindestens 15 Zeichen", refusedPage, StringComparison.Ordinal);
        Assert.Contains("Bitte wählen Sie, welcher Notfall vorliegt.", refusedPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/Cases/Details?id={caseId}")).StatusCode);

        const string reason = "Herr Petrović steht mit einer Räumungsklage im Büro, Frau Demir ist krank.";
        using var granted = await colleague.PostFormAsync($"/Cases/Emergency?clientId={clientId}", new Dictionary<string, string> { ["CaseId"] = caseId!, ["Category"] = "termin", ["Reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.GetAsync($"/Cases/Details?id={caseId}")).StatusCode);

        using var responsible = await SignedInAsync("fm.mitte@demo.lotse");
        var casePage = WebUtility.HtmlDecode(await responsible.GetStringAsync($"/Cases/Details?id={caseId}"));
        Assert.Contains("Notfallzugriffe auf diesen Fall", casePage, StringComparison.Ordinal);
        Assert.Contains(reason, casePage, StringComparison.Ordinal);
        Assert.Contains("Jonas Becker", casePage, StringComparison.Ordinal);

        using var officer = await SignedInAsync("datenschutz@demo.lotse");
        var auditPage = WebUtility.HtmlDecode(await officer.GetStringAsync("/Audit"));
        Assert.Contains("Notfallzugriffe der letzten 90 Tage", auditPage, StringComparison.Ordinal);
        Assert.Contains(reason, auditPage, StringComparison.Ordinal);
        Assert.Contains("Die Person ist da oder ein Amt fragt heute an: " + reason, auditPage, StringComparison.Ordinal);
        using var officerApi = await ApiClient.ForAsync(app, "datenschutz@demo.lotse");
        var entries = await officerApi.GetFromJsonAsync<JsonElement>($"/api/v1/audit?clientId={clientId}&operation=Read");
        Assert.Contains(entries.GetProperty("items").EnumerateArray(), e => e.GetProperty("userName").GetString() == "Jonas Becker"
            && e.GetProperty("concerns").GetString()!.Contains("Emergency", StringComparison.Ordinal));

        // The access ends by itself: after its last day the case is closed to the colleague again.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var access = await db.EmergencyAccesses.SingleAsync(e => e.CaseId == Guid.Parse(caseId!));
            access.Until = app.Today.AddDays(-1);
            await db.SaveChangesAsync();
        }

        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/Cases/Details?id={caseId}")).StatusCode);
    }

    [Fact]
    public async Task Breaking_the_glass_three_times_in_thirty_days_is_flagged_for_the_data_protection_officer()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var nord = await SignedInAsync("fm.nord@demo.lotse");
        var flaggedBefore = RepeatedFlags(await OfficerAuditPageAsync());
        for (var i = 0; i < 3; i++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Notfall" + i, familyName = "Wiederholt" + Guid.NewGuid().ToString("N")[..6], birthDate = "1980-01-01" });
            var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            using var opened = await api.PostAsJsonAsync("/api/v1/cases", new { clientId });
            var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            using var granted = await nord.PostFormAsync($"/Cases/Emergency?clientId={clientId}",
                new Dictionary<string, string> { ["CaseId"] = caseId!, ["Category"] = "frist", ["Reason"] = "Die Frist der Ausländerbehörde endet heute um zwölf." });
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        }

        var page = await OfficerAuditPageAsync();
        Assert.True(RepeatedFlags(page) > flaggedBefore, "no repeated emergency access flagged");
        Assert.Contains("Notfallzugriffe in 30 Tagen", page, StringComparison.Ordinal);
    }

    private async Task<string> OfficerAuditPageAsync()
    {
        using var officer = await SignedInAsync("datenschutz@demo.lotse");
        return WebUtility.HtmlDecode(await officer.GetStringAsync("/Audit"));
    }

    private static int RepeatedFlags(string page) => System.Text.RegularExpressions.Regex.Count(page, "data-repeated=\"true\"");

    [Theory]
    [InlineData("Passwort2026!!", false)]
    [InlineData("qwertz123456", false)]
    [InlineData("123456789012", false)]
    [InlineData("HalloHallo12!", false)]
    [InlineData("Schalke04-2026", false)]
    [InlineData("zeynep.aksoy-2026", false)]
    [InlineData("Ein langes Passwort 2026", true)]
    [InlineData("Lotse-Demo-2026", true)]
    [InlineData("Kaffee bei Erle um vier", true)]
    public async Task Common_passwords_are_refused_even_when_long(string password, bool accepted)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var manager = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { UserName = "zeynep.aksoy@example.org", Email = "zeynep.aksoy@example.org", DisplayName = "Zeynep Aksoy" };
        var result = await new CommonPasswordValidator().ValidateAsync(manager, user, password);
        Assert.Equal(accepted, result.Succeeded);
    }

    [Fact]
    public void A_session_ends_after_thirty_idle_minutes()
    {
        var cookie = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), cookie.ExpireTimeSpan);
        Assert.True(cookie.SlidingExpiration);
    }
}
