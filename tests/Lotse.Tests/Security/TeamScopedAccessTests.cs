using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Security;

/// <summary>
/// Inside one organisation, a team lead leads one team: the rights of a person whose cases belong
/// to another team (Art. 15 export, Art. 18 restriction, legal hold, Art. 17 erasure) and the work
/// on another team's case are refused as 404 and audited as exactly one <c>Denied</c> entry, on every
/// route that offers them. The regression of the probe that let a team-Mitte lead erase a team-Nord client.
/// </summary>
public sealed class TeamScopedAccessTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private const string TeamLead = "teamleitung@demo.lotse";

    public static TheoryData<string, string> RightsRoutes => new()
    {
        { "GET", "/api/v1/clients/{client}/export" },
        { "POST", "/api/v1/clients/{client}/restriction" },
        { "DELETE", "/api/v1/clients/{client}/restriction" },
        { "POST", "/api/v1/clients/{client}/legal-hold" },
        { "DELETE", "/api/v1/clients/{client}/legal-hold" },
        { "POST", "/api/v1/clients/{client}/erasure" },
        { "GET", "/Clients/Export?id={client}" },
        { "GET", "/Clients/Export?id={client}&handler=Json" },
        { "POST", "/Clients/Details?id={client}&handler=Restrict" },
        { "POST", "/Clients/Details?id={client}&handler=Restrict&lift=true" },
        { "POST", "/Clients/Details?id={client}&handler=LegalHold" },
        { "POST", "/Clients/Details?id={client}&handler=LegalHold&lift=true" },
        { "POST", "/Clients/Details?id={client}&handler=Erase" },
    };

    public static TheoryData<string, string> CaseRoutes => new()
    {
        { "GET", "/api/v1/cases/{case}" },
        { "GET", "/api/v1/cases/{case}/assessments" },
        { "GET", "/api/v1/cases/{case}/goals" },
        { "GET", "/api/v1/cases/{case}/encounters" },
        { "GET", "/api/v1/cases/{case}/deadlines" },
        { "GET", "/api/v1/cases/{case}/referrals" },
        { "POST", "/api/v1/cases/{case}/encounters" },
        { "POST", "/api/v1/cases/{case}/close" },
        { "POST", "/api/v1/cases/{case}/transitions" },
        { "GET", "/Cases/Details?id={case}" },
        { "GET", "/Cases/Assessment?id={case}" },
        { "GET", "/Cases/Close?id={case}" },
        { "GET", "/Cases/GoalAgreement?id={case}" },
        { "GET", "/Referrals/New?caseId={case}" },
        { "POST", "/Cases/Details?id={case}&handler=Reassign" },
        { "POST", "/Cases/Details?id={case}&handler=Deputy" },
        { "POST", "/Cases/Details?id={case}&handler=Encounter" },
        { "POST", "/Cases/Close?id={case}" },
    };

    [Theory]
    [MemberData(nameof(RightsRoutes))]
    public async Task A_team_lead_cannot_exercise_the_rights_of_a_person_whose_cases_belong_to_another_team(string method, string route)
    {
        var (client, _) = await OtherTeamsClosedCaseAsync();
        var status = await SendAsync(method, route.Replace("{client}", client.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, status.Code);
        Assert.Equal(1, status.Denied);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var person = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == client);
        Assert.Null(person.AnonymisedAt);
        Assert.Null(person.RestrictedAt);
        Assert.Null(person.LegalHoldSince);
    }

    [Theory]
    [MemberData(nameof(CaseRoutes))]
    public async Task A_team_lead_cannot_see_or_work_a_case_of_another_team(string method, string route)
    {
        var (_, @case) = await OtherTeamsClosedCaseAsync(open: true);
        var status = await SendAsync(method, route.Replace("{case}", @case.ToString(), StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.NotFound, status.Code);
        Assert.Equal(1, status.Denied);
    }

    [Fact]
    public async Task The_team_lead_of_the_cases_team_exports_the_person_and_the_read_and_the_export_are_audited_once()
    {
        Guid client;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var lead = await db.Users.SingleAsync(u => u.Email == TeamLead);
            var mitte = await db.Users.SingleAsync(u => u.Email == "fm.mitte@demo.lotse");
            client = await db.Cases.Where(c => c.TeamId == lead.TeamId && c.ResponsibleUserId == mitte.Id && c.Client!.AnonymisedAt == null)
                .Select(c => c.ClientId).FirstAsync();
        }

        using var api = await ApiClient.ForAsync(app, TeamLead);
        var before = await EntriesAsync(client);
        using var response = await api.GetAsync($"/api/v1/clients/{client}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var added = (await EntriesAsync(client)).Except(before).ToList();
        Assert.Single(added, e => e.Operation == AuditOperation.Read);
        Assert.Single(added, e => e.Operation == AuditOperation.Export);
        Assert.DoesNotContain(added, e => e.Operation == AuditOperation.Denied);
    }

    [Fact]
    public async Task While_a_person_has_no_case_any_case_worker_of_the_organisation_answers_their_rights()
    {
        using var nord = await ApiClient.ForAsync(app, "fm.nord@demo.lotse");
        using var created = await nord.PostAsJsonAsync("/api/v1/clients", new { givenName = "Ohnefall", familyName = "Probe" + Guid.NewGuid().ToString("N")[..6], birthDate = "1990-04-02" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString();

        using var mitte = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var export = await mitte.GetAsync($"/api/v1/clients/{id}/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var stranger = await ApiClient.ForAsync(app, "fm.sued@demo.lotse");
        using var elsewhere = await stranger.GetAsync($"/api/v1/clients/{id}/export");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
    }

    /// <summary>A person of the team lead's organisation whose every case is team Nord's (a closed one first, as in the probe, unless <paramref name="open"/>).</summary>
    private async Task<(Guid Client, Guid Case)> OtherTeamsClosedCaseAsync(bool open = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var lead = await db.Users.SingleAsync(u => u.Email == TeamLead);
        var nord = await db.Users.SingleAsync(u => u.Email == "fm.nord@demo.lotse");
        Assert.NotEqual(lead.TeamId, nord.TeamId);
        Assert.Equal(lead.OrganizationId, nord.OrganizationId);
        var closed = Lotse.Features.Cases.CasePhase.Closed;
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.ResponsibleUserId == nord.Id && c.TeamId == nord.TeamId && c.AnonymisedAt == null && (!open || c.Phase != closed)
                && !db.Cases.Any(o => o.ClientId == c.ClientId && (o.TeamId != nord.TeamId || o.ResponsibleUserId != nord.Id))
                && !db.Cases.Any(o => o.Members.Any(m => m.ClientId == c.ClientId)))
            .OrderBy(c => c.Phase == closed ? 0 : 1).ThenBy(c => c.Reference).Select(c => new { c.ClientId, c.Id }).FirstOrDefaultAsync();
        Assert.True(found is not null, "The demo has no suitable team-Nord case.");
        return (found.ClientId, found.Id);
    }

    private async Task<(HttpStatusCode Code, int Denied)> SendAsync(string method, string target)
    {
        var api = target.StartsWith("/api/", StringComparison.Ordinal);
        using var client = api ? await ApiClient.ForAsync(app, TeamLead) : app.CreateBrowserLikeClient();
        if (!api)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(TeamLead)).StatusCode);
        }

        using var request = new HttpRequestMessage(new HttpMethod(method), target);
        if (method != "GET")
        {
            request.Content = api
                ? new StringContent("""{"reason":"Probe","to":"Assessment","kind":"telefon","durationMinutes":5}""", Encoding.UTF8, "application/json")
                : new FormUrlEncodedContent([
                    new("__RequestVerificationToken", await client.AntiforgeryTokenAsync("/Account/Profile")),
                    new("ErasureConfirmed", "true"), new("LegalHoldReason", "Probe"), new("RestrictionReason", "Probe"), new("responsibleId", Guid.NewGuid().ToString()),
                    new("Reason", "umzug")]);
        }

        var userId = await UserIdAsync();
        var before = await DeniedCountAsync(userId);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await DeniedCountAsync(userId) - before);
    }

    private async Task<Guid> UserIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Users.Where(u => u.Email == TeamLead).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> DeniedCountAsync(Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LotseDbContext>().AuditEntries.CountAsync(e => e.UserId == userId && e.Operation == AuditOperation.Denied);
    }

    private async Task<List<(long Id, AuditOperation Operation)>> EntriesAsync(Guid client)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.ClientId == client || e.EntityId == client).Select(e => new { e.Id, e.Operation }).ToListAsync();
        return [.. rows.Select(r => (r.Id, r.Operation))];
    }
}
