using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Barriers;

/// <summary>
/// A case manager records a structural barrier from a case, others count their cases there; the
/// coordination office reviews, merges duplicates and sets the status, and sees no person.
/// On an installation of its own, because the counts must start from nothing.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed partial class BarrierTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly LotseFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [GeneratedRegex("<tr class=\"kern-table__row\">\\s*<th class=\"kern-table__header\" scope=\"row\">(?<name>[^<]+)</th>.*?kern-table__cell--numeric\">(?<count>[^<]+)</td>", RegexOptions.Singleline)]
    private static partial Regex BarrierRow();

    [Fact]
    public async Task Barriers_from_cases_are_counted_merged_and_reviewed_by_the_coordination_office_without_personal_data()
    {
        var cases = await OpenCasesAsync("fm.mitte@demo.lotse", 6);
        using var manager = app.CreateBrowserLikeClient();
        await manager.SignInAsync("fm.mitte@demo.lotse");

        // Without a description the form says what is missing.
        using (var incomplete = await manager.PostFormAsync($"/Cases/Details?id={cases[0]}", new Dictionary<string, string>
        {
            ["NewBarrier.Category"] = "WaitingTime",
            ["NewBarrier.Institution"] = "Ausländerbehörde, Terminvergabe",
        }, $"/Cases/Details?id={cases[0]}&handler=Barrier"))
        {
            Assert.Contains("Bitte beschreiben Sie die Hürde", WebUtility.HtmlDecode(await incomplete.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        foreach (var (institution, caseId) in new[] { ("Ausländerbehörde, Terminvergabe", cases[0]), ("ABH Termine", cases[1]) })
        {
            using var recorded = await manager.PostFormAsync($"/Cases/Details?id={caseId}", new Dictionary<string, string>
            {
                ["NewBarrier.Category"] = "WaitingTime",
                ["NewBarrier.Institution"] = institution,
                ["NewBarrier.Description"] = "Termine zur Verlängerung erst nach Ablauf des Titels.",
            }, $"/Cases/Details?id={caseId}&handler=Barrier");
            Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        }

        Guid first, duplicate;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            first = await db.Barriers.Where(b => b.Institution == "Ausländerbehörde, Terminvergabe").Select(b => b.Id).SingleAsync();
            duplicate = await db.Barriers.Where(b => b.Institution == "ABH Termine").Select(b => b.Id).SingleAsync();
        }

        // Four more cases count at the first barrier; attaching twice counts once.
        foreach (var caseId in cases.Skip(2).Append(cases[2]))
        {
            using var attached = await manager.PostFormAsync($"/Cases/Details?id={caseId}", new Dictionary<string, string> { ["barrierId"] = first.ToString() },
                $"/Cases/Details?id={caseId}&handler=AttachBarrier");
            Assert.Equal(HttpStatusCode.Redirect, attached.StatusCode);
        }

        var casePage = WebUtility.HtmlDecode(await manager.GetStringAsync($"/Cases/Details?id={cases[3]}"));
        Assert.Contains("Ausländerbehörde, Terminvergabe", casePage, StringComparison.Ordinal);

        // The coordination office: 5 cases at the first, 1 (shown as < 5) at the duplicate.
        using var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync("koordination@demo.lotse");
        var list = await coordinator.GetStringAsync("/Barriers");
        var counts = Counts(list);
        Assert.Equal(("5", "< 5"), (counts["Ausländerbehörde, Terminvergabe"], counts["ABH Termine"]));

        using (var merged = await coordinator.PostFormAsync("/Barriers", new Dictionary<string, string> { ["into"] = first.ToString() }, $"/Barriers?handler=Merge&barrierId={duplicate}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }

        using (var status = await coordinator.PostFormAsync("/Barriers", new Dictionary<string, string> { ["status"] = "SteeringGroup" }, $"/Barriers?handler=Status&barrierId={first}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, status.StatusCode);
        }

        list = await coordinator.GetStringAsync("/Barriers");
        counts = Counts(list);
        Assert.Equal("6", counts["Ausländerbehörde, Terminvergabe"]);
        Assert.DoesNotContain("ABH Termine", counts.Keys);
        Assert.Contains("selected=\"selected\">in der Lenkungsgruppe", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.Contains("in der Lenkungsgruppe", WebUtility.HtmlDecode(await manager.GetStringAsync($"/Cases/Details?id={cases[1]}")), StringComparison.Ordinal);

        // No case reference or person on the coordinator's list.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var references = await db.Cases.Where(c => cases.Contains(c.Id)).Select(c => new { c.Reference, Name = c.Client!.GivenName + " " + c.Client.FamilyName }).ToListAsync();
            var shown = WebUtility.HtmlDecode(list);
            Assert.All(references, r => Assert.DoesNotContain(r.Reference, shown, StringComparison.Ordinal));
            Assert.All(references, r => Assert.DoesNotContain(r.Name, shown, StringComparison.Ordinal));
        }
    }

    /// <summary>Barrier → the number of cases shown, from the coordinator's list (HTML, so that "&lt; 5" stays one cell).</summary>
    private static Dictionary<string, string> Counts(string html) =>
        BarrierRow().Matches(html).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["count"].Value));

    private async Task<List<Guid>> OpenCasesAsync(string email, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return await db.Cases.Where(c => c.ResponsibleUserId == user.Id && c.ClosedOn == null && c.Client!.RestrictedAt == null).OrderBy(c => c.Reference).Select(c => c.Id).Take(count).ToListAsync();
    }
}
