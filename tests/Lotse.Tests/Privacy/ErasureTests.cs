using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Referrals;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Privacy;

/// <summary>
/// Art. 17: erasing a person leaves no name or free text of theirs on any page, API answer, export,
/// search or table, and the anonymous statistics stay exactly the same. On an installation of its
/// own, because it erases a demo client.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed partial class ErasureTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private static readonly JsonSerializerOptions Dump = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    private readonly LotseFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\"[^>]*>|data-request-token=\"[^\"]*\"|<meta name=\"request-verification-token\"[^>]*>")]
    private static partial Regex Tokens();

    [Fact]
    public async Task Erasing_a_demo_client_leaves_no_name_or_free_text_anywhere_and_the_statistics_unchanged()
    {
        var subject = await PickSubjectAsync();
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");

        // Free texts and a name of our own, so that their absence afterwards proves something: demo
        // names repeat in households. The old name stays in the correction trail and the frozen
        // referral packets, which the checks of the person's own rows below cover.
        var marker = "Vermerk-" + Guid.NewGuid().ToString("N")[..10];
        var family = "Quellmann" + Guid.NewGuid().ToString("N")[..6];
        using (var read = await api.GetAsync($"/api/v1/clients/{subject.Id}"))
        {
            var current = await read.Content.ReadFromJsonAsync<JsonElement>();
            using var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/clients/{subject.Id}")
            {
                Content = JsonContent.Create(new { givenName = "Zaineb", familyName = family, birthDate = current.GetProperty("birthDate").GetString(), phone = "0209 " + marker }),
            };
            rename.Headers.IfMatch.Add(new EntityTagHeaderValue(read.Headers.ETag!.Tag));
            using var renamed = await api.SendAsync(rename);
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        }

        subject = subject with { FullName = "Zaineb " + family, FamilyName = family };
        var openCase = subject.CaseIds[0];
        using (var response = await api.PostAsJsonAsync($"/api/v1/cases/{openCase}/encounters", new { kind = "buero", durationMinutes = 30, note = $"{marker} Gespräch über die Wohnung" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using (var response = await api.PostAsJsonAsync($"/api/v1/cases/{openCase}/goals", new { needArea = "sprache", title = $"{marker} B1-Kurs abschließen" }))
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new ByteArrayContent([.. "%PDF-1.4\n"u8, .. System.Text.Encoding.UTF8.GetBytes(marker)]) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", $"{subject.FullName}-{marker}.pdf");
            upload.Add(new StringContent($"Bescheid {marker}"), "description");
            using var response = await api.PostAsync($"/api/v1/clients/{subject.Id}/documents", upload);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        foreach (var caseId in subject.OpenCaseIds)
        {
            using var closed = await api.PostAsJsonAsync($"/api/v1/cases/{caseId}/close", new { reason = "wegzug", note = $"{marker} zieht zur Schwester", carryOverOpenGoals = true });
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        // Before: the search finds the person, so its silence afterwards means something.
        Assert.Contains(subject.FamilyName, await api.GetStringAsync($"/api/v1/clients?q={Uri.EscapeDataString(subject.FamilyName[..9])}"), StringComparison.Ordinal);

        var figuresBefore = await FiguresAsync();
        using var coordinator = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.SignInAsync("koordination@demo.lotse")).StatusCode);
        var offerFiguresBefore = Tokens().Replace(await coordinator.GetStringAsync("/Offers/Statistics"), "");

        // The responsible case manager erases on the client file.
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("fm.mitte@demo.lotse")).StatusCode);
        var page = $"/Clients/Details?id={subject.Id}";
        using (var unconfirmed = await browser.PostFormAsync(page, new Dictionary<string, string> { ["ErasureReference"] = "DS-2026-17" }, page + "&handler=Erase"))
        {
            Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
            Assert.Contains("Bitte bestätigen Sie", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        using (var erased = await browser.PostFormAsync(page, new Dictionary<string, string> { ["ErasureReference"] = "DS-2026-17", ["ErasureConfirmed"] = "true" }, page + "&handler=Erase"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        }

        string[] secrets = [family, marker];

        // Pages of the case manager, the team lead and the recipients of the person's referrals.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync(page)).StatusCode);
        foreach (var caseId in subject.CaseIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Cases/Details?id={caseId}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/Clients/Export?id={subject.Id}")).StatusCode);
        foreach (var url in new[] { "/", "/Clients", $"/Clients?q={Uri.EscapeDataString(subject.FamilyName[..9])}", "/Cases", "/Cases?show=closed", "/Calendar" })
        {
            AssertNone(secrets, await browser.GetStringAsync(url), url);
        }

        using var teamLead = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await teamLead.SignInAsync("teamleitung@demo.lotse")).StatusCode);
        AssertNone(secrets, await teamLead.GetStringAsync("/"), "team lead's start page");
        foreach (var (recipient, referralId) in subject.Recipients)
        {
            using var inbox = app.CreateClient(new() { AllowAutoRedirect = false });
            Assert.Equal(HttpStatusCode.Redirect, (await inbox.SignInAsync(recipient)).StatusCode);
            AssertNone(secrets, await inbox.GetStringAsync("/Referrals/Inbox?show=all"), recipient + " inbox");
            using var details = await inbox.GetAsync($"/Referrals/Details?id={referralId}");
            AssertNone(secrets, await details.Content.ReadAsStringAsync(), recipient + " referral");
            using var recipientApi = await ApiClient.ForAsync(app, recipient);
            using var apiDetails = await recipientApi.GetAsync($"/api/v1/referrals/{referralId}");
            AssertNone(secrets, await apiDetails.Content.ReadAsStringAsync(), recipient + " referral API");
        }

        // The API: the person, the export, the search, the documents.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/clients/{subject.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/clients/{subject.Id}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/v1/clients/{subject.Id}/documents")).StatusCode);
        AssertNone(secrets, await api.GetStringAsync($"/api/v1/clients?q={Uri.EscapeDataString(subject.FamilyName[..9])}"), "client search API");
        AssertNone(secrets, await api.GetStringAsync("/api/v1/clients?pageSize=200"), "client list API");
        AssertNone(secrets, await api.GetStringAsync("/api/v1/cases?pageSize=200"), "case list API");

        // The audit log keeps what was done, but no longer to whom.
        using var officer = await ApiClient.ForAsync(app, "datenschutz@demo.lotse");
        var log = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/audit?clientId={subject.Id}");
        Assert.Equal(0, log.GetProperty("total").GetInt32());
        var (verified, lines) = await LotseCommand.RunAsync(app, "audit", "verify");
        Assert.True(verified == 0, string.Join('\n', lines));

        // Nothing in the tables either.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var tables = new Dictionary<string, object>
            {
                ["Clients"] = await db.Clients.AsNoTracking().ToListAsync(),
                ["ClientAliases"] = await db.Set<ClientAlias>().AsNoTracking().ToListAsync(),
                ["ClientNameKeys"] = await db.ClientNameKeys.AsNoTracking().ToListAsync(),
                ["ResidenceStatuses"] = await db.ResidenceStatuses.AsNoTracking().ToListAsync(),
                ["Cases"] = await db.Cases.AsNoTracking().ToListAsync(),
                ["CasePhaseChanges"] = await db.CasePhaseChanges.AsNoTracking().ToListAsync(),
                ["Assessments"] = await db.Assessments.AsNoTracking().Include(a => a.Ratings).ToListAsync(),
                ["Goals"] = await db.Goals.AsNoTracking().Include(g => g.Steps).ToListAsync(),
                ["Encounters"] = await db.Encounters.AsNoTracking().ToListAsync(),
                ["Deadlines"] = await db.Deadlines.AsNoTracking().ToListAsync(),
                ["Appointments"] = await db.Appointments.AsNoTracking().ToListAsync(),
                ["Consents"] = await db.Consents.AsNoTracking().ToListAsync(),
                ["Referrals"] = await db.Referrals.AsNoTracking().ToListAsync(),
                ["ReferralEvents"] = await db.ReferralEvents.AsNoTracking().ToListAsync(),
                ["Documents"] = await db.Documents.AsNoTracking().ToListAsync(),
                ["AuditEntries"] = await db.AuditEntries.AsNoTracking().ToListAsync(),
            };
            foreach (var (table, rows) in tables)
            {
                AssertNone(secrets, JsonSerializer.Serialize(rows, Dump), "table " + table);
            }

            // Names are stored in separate columns: the person's own rows say nothing any more.
            var person = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == subject.Id);
            Assert.Equal((null, "(anonymisiert)", null, null, null), (person.GivenName, person.FamilyName, person.Phone, person.Email, person.Street));
            Assert.False(await db.Set<ClientAlias>().AnyAsync(a => a.ClientId == subject.Id));
            Assert.False(await db.ClientNameKeys.AnyAsync(k => k.ClientId == subject.Id));
            Assert.False(await db.ClientCorrections.AnyAsync(k => k.ClientId == subject.Id));
            Assert.False(await db.Referrals.AnyAsync(r => r.ClientId == subject.Id && (r.Packet != null || r.Message != null || r.AnswerNote != null)));
            Assert.False(await db.Encounters.AnyAsync(e => subject.CaseIds.Contains(e.CaseId) && e.Note != null));
            // (The officer's search above is itself logged with the id searched for: that entry is new, not a link that survived.)
            var linkedEntries = await db.AuditEntries.Where(a => (a.ClientId == subject.Id || a.EntityId == subject.Id) && a.EntityType != "AuditLog").Select(a => a.Operation + " " + a.EntityType + " " + a.Fields + " " + a.Channel).ToListAsync();
            Assert.True(linkedEntries.Count == 0, string.Join("; ", linkedEntries));
            Assert.False(await db.Documents.AnyAsync(d => d.ClientId == subject.Id));
            var register = await db.Anonymisations.SingleAsync();
            Assert.Equal(("DS-2026-17", 1), (register.Reason, register.Documents));
        }

        // The statistics: every anonymous count is what it was.
        Assert.Equal(figuresBefore, await FiguresAsync());
        Assert.Equal(offerFiguresBefore, Tokens().Replace(await coordinator.GetStringAsync("/Offers/Statistics"), ""));
    }

    [Fact]
    public async Task Erasure_is_refused_with_a_reason_while_a_case_is_open_and_only_for_the_responsible_or_the_team_lead()
    {
        var subject = await PickSubjectAsync();
        using var colleague = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using (var refused = await colleague.PostAsJsonAsync($"/api/v1/clients/{subject.Id}/erasure", new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using (var open = await api.PostAsJsonAsync($"/api/v1/clients/{subject.Id}/erasure", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, open.StatusCode);
            Assert.Contains("offenen Fall", await open.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/clients/{subject.Id}")).StatusCode);
        using var stranger = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        using var elsewhere = await stranger.PostAsJsonAsync($"/api/v1/clients/{subject.Id}/erasure", new { });
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    private static void AssertNone(IEnumerable<string> secrets, string text, string where)
    {
        var decoded = WebUtility.HtmlDecode(text);
        foreach (var secret in secrets)
        {
            Assert.False(decoded.Contains(secret, StringComparison.OrdinalIgnoreCase) || text.Contains(JsonEncodedText.Encode(secret).Value, StringComparison.OrdinalIgnoreCase),
                $"{where} still shows \"{secret}\"");
        }
    }

    private sealed record Subject(Guid Id, string FullName, string FamilyName, IReadOnlyList<Guid> CaseIds, IReadOnlyList<Guid> OpenCaseIds,
        IReadOnlyList<(string Recipient, Guid ReferralId)> Recipients);

    /// <summary>
    /// A demo client of fm.mitte with referrals to organisations that have accounts and an open case,
    /// not part of anyone else's case.
    /// </summary>
    private async Task<Subject> PickSubjectAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var me = await db.Users.SingleAsync(u => u.Email == "fm.mitte@demo.lotse");
        var accounts = await db.Users.Where(u => u.Email == "partner@demo.lotse" || u.Email == "abh@demo.lotse").ToDictionaryAsync(u => u.OrganizationId, u => u.Email!);
        var recipientOrganizations = accounts.Keys.ToList();
        var candidates = await db.Clients
            .Where(c => db.Cases.Any(k => k.ClientId == c.Id && k.ResponsibleUserId == me.Id && k.ClosedOn == null))
            .Where(c => db.Referrals.Any(r => r.ClientId == c.Id && r.Packet != null && recipientOrganizations.Contains(r.RecipientOrganizationId)))
            .Where(c => !db.Cases.Any(k => k.ClientId != c.Id && k.Members.Any(m => m.ClientId == c.Id)))
            .Where(c => c.GivenName != null)
            .Select(c => new { c.Id, FullName = c.GivenName + " " + c.FamilyName, c.FamilyName })
            .ToListAsync();
        var subject = candidates[0];
        var cases = await db.Cases.Where(c => c.ClientId == subject.Id).OrderBy(c => c.ClosedOn != null).Select(c => new { c.Id, c.ClosedOn }).ToListAsync();
        var referrals = await db.Referrals.Where(r => r.ClientId == subject.Id && recipientOrganizations.Contains(r.RecipientOrganizationId))
            .Select(r => new { r.Id, r.RecipientOrganizationId }).ToListAsync();
        return new Subject(subject.Id, subject.FullName, subject.FamilyName,
            [.. cases.Select(c => c.Id)], [.. cases.Where(c => c.ClosedOn == null).Select(c => c.Id)],
            [.. referrals.Select(r => (accounts[r.RecipientOrganizationId], r.Id))]);
    }

    /// <summary>The anonymous statistics: counts by period, district, need area, status and outcome.</summary>
    private async Task<string> FiguresAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var persons = await db.Clients.GroupBy(c => new { c.Sex, c.DistrictId, Year = c.BirthDate!.Substring(0, 4), c.InterpreterNeeded })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var entries = (await db.Clients.Where(c => c.EntryDate != null).Select(c => c.EntryDate!.Value).ToListAsync())
            .GroupBy(d => (d.Year, d.Month)).Select(g => new { g.Key, Count = g.Count() });
        var nationalities = (await db.Clients.Select(c => c.Nationalities).ToListAsync()).SelectMany(n => n).GroupBy(n => n).Select(g => new { g.Key, Count = g.Count() });
        var residence = await db.ResidenceStatuses.GroupBy(r => new { r.KindCode, r.ValidUntil }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var cases = await db.Cases.GroupBy(c => new { c.OpenedOn, c.ClosedOn, c.Phase, c.AccessRouteCode, c.ClosureReasonCode, c.OrganizationId, c.Client!.DistrictId })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var ratings = await db.Set<AssessmentRating>().GroupBy(r => new { r.NeedAreaCode, r.Rating }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var goals = await db.Goals.GroupBy(g => new { g.NeedAreaCode, g.Status, g.AgreedOn }).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var encounters = (await db.Encounters.Select(e => new { e.KindCode, e.InterpreterUsed, e.DurationMinutes, Day = e.At.Date }).ToListAsync())
            .GroupBy(e => (e.KindCode, e.InterpreterUsed, e.Day)).Select(g => new { g.Key, Count = g.Count(), Minutes = g.Sum(e => e.DurationMinutes) });
        var referrals = await db.Referrals.GroupBy(r => new { r.NeedAreaCode, r.Status, r.OutcomeCode, r.DeclineReasonCode, r.RecipientOrganizationId, r.OfferId })
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return JsonSerializer.Serialize(new
        {
            persons = persons.OrderBy(p => p.Key.ToString()),
            entries = entries.OrderBy(e => e.Key),
            nationalities = nationalities.OrderBy(n => n.Key),
            residence = residence.OrderBy(r => r.Key.ToString()),
            cases = cases.OrderBy(c => c.Key.ToString()),
            ratings = ratings.OrderBy(r => r.Key.ToString()),
            goals = goals.OrderBy(g => g.Key.ToString()),
            encounters = encounters.OrderBy(e => e.Key.ToString()),
            referrals = referrals.OrderBy(r => r.Key.ToString()),
        });
    }
}
