using System.Net;
using System.Text.RegularExpressions;
using Lotse.Data;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lotse.Tests.Reports;

/// <summary>What the coordination office sees of the demo: needs per district, caseloads, positions and funding — and no person.</summary>
public sealed partial class SteeringPageTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [GeneratedRegex("data-key=\"total\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TotalRow();

    [Fact]
    public async Task The_coordinator_sees_needs_per_district_with_rates_and_the_anonymous_counts_behind_a_cell()
    {
        using var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("koordination@demo.lotse");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Reports/Needs"));
        Assert.Contains("Gelsenkirchen-Mitte", page, StringComparison.Ordinal);
        Assert.Contains("in Klammern je 1.000 Einwohner:innen", page, StringComparison.Ordinal);
        var drill = Regex.Match(page, "href=\"(/Reports/Needs\\?level=Stadtbezirk&amp;area=[^\"]+)\"|href=\"(/Reports/Needs\\?level=Stadtbezirk&area=[^\"]+)\"");
        Assert.True(drill.Success, "no cell links to its breakdown");
        var behind = WebUtility.HtmlDecode(await browser.GetStringAsync(WebUtility.HtmlDecode(drill.Groups[1].Success ? drill.Groups[1].Value : drill.Groups[2].Value)));
        Assert.Contains("nach Einschätzung", behind, StringComparison.Ordinal);
        Assert.Contains("nach Alter", behind, StringComparison.Ordinal);
        await AssertNoClientNameAsync(page + behind);

        var stadtteile = WebUtility.HtmlDecode(await browser.GetStringAsync("/Reports/Needs?level=Stadtteil"));
        Assert.Contains("Ückendorf", stadtteile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_coordinator_sees_caseloads_per_team_without_names_and_a_team_lead_only_the_own_organisation()
    {
        using var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync("koordination@demo.lotse");
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Reports/Caseload"));
        Assert.Contains("Brückenwerk Emscher e. V.", page, StringComparison.Ordinal);
        Assert.Contains("Nachbarschaftshilfe Ruhrbogen gGmbH", page, StringComparison.Ordinal);
        Assert.Contains("Fallmanagement Mitte", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Leyla Demir", page, StringComparison.Ordinal);
        await AssertNoClientNameAsync(page);
        // Staff counts are exact even where client counts are protected: a team of one case manager reads 1, not "< 5".
        var staff = System.Text.RegularExpressions.Regex.Match(page, @"Fallmanagement Mitte</th>\s*<td[^>]*>([^<]*)</td>").Groups[1].Value;
        Assert.Equal("1", staff.Trim());

        using var teamLead = app.CreateBrowserLikeClient();
        await teamLead.SignInAsync("teamleitung@demo.lotse");
        var own = WebUtility.HtmlDecode(await teamLead.GetStringAsync("/Reports/Caseload"));
        Assert.Contains("Brückenwerk Emscher e. V.", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Nachbarschaftshilfe Ruhrbogen gGmbH", own, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Positions_show_cost_state_and_own_share_per_module_and_a_changed_funding_rate_counts()
    {
        using var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("koordination@demo.lotse");
        // 18 positions of 62,000 € at 69 %: 1,116,000 € of which the state pays 770,040 €.
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/Positions"));
        Assert.Contains("1.116.000 €", page, StringComparison.Ordinal);
        Assert.Contains("770.040 €", page, StringComparison.Ordinal);
        Assert.Contains("345.960 €", page, StringComparison.Ordinal);
        Assert.Contains("Leyla Demir", page, StringComparison.Ordinal);
        Assert.Contains("unbesetzt seit", page, StringComparison.Ordinal);

        using var xlsx = await browser.GetAsync("/Positions?handler=Xlsx");
        await using var stream = await xlsx.Content.ReadAsStreamAsync();
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        copy.Position = 0;
        var rows = copy.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(18, rows.Count);
        Assert.Equal(770_040m, rows.Sum(r => Convert.ToDecimal(r["Landesanteil (EUR)"], System.Globalization.CultureInfo.InvariantCulture)));

        // The coordination positions are paid at 90 % (a changed rate), a stale form is refused.
        Guid id;
        int version;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
            var position = await db.Positions.Include(p => p.Organization).FirstAsync(p => p.Title == "Koordination KIM (1)");
            (id, version) = (position.Id, position.Version);
        }

        var form = new Dictionary<string, string>
        {
            ["Input.Title"] = "Koordination KIM (1)",
            ["Input.Module"] = "Coordination",
            ["Input.OrganizationId"] = await OrganizationOfAsync(id),
            ["Input.Fte"] = "1",
            ["Input.AnnualCost"] = "62000",
            ["Input.FundingRatePercent"] = "90",
            ["Input.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        using (var saved = await browser.PostFormAsync($"/Positions/Edit?id={id}", form))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        using (var stale = await browser.PostFormAsync($"/Positions/Edit?id={id}", form))
        {
            Assert.Contains("inzwischen von jemand anderem geändert", WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // 62,000 × (0.90 − 0.69) = 13,020 € more from the state.
        Assert.Contains("783.060 €", WebUtility.HtmlDecode(await browser.GetStringAsync("/Positions")), StringComparison.Ordinal);
        form["Input.FundingRatePercent"] = "69";
        form["Input.Version"] = (version + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var restored = await browser.PostFormAsync($"/Positions/Edit?id={id}", form);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
    }

    private async Task<string> OrganizationOfAsync(Guid positionId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Positions.Where(p => p.Id == positionId).Select(p => p.OrganizationId).SingleAsync()).ToString();
    }

    private async Task AssertNoClientNameAsync(string html)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<LotseDbContext>().Clients.Where(c => c.GivenName != null).Select(c => c.GivenName + " " + c.FamilyName).Take(200).ToListAsync();
        Assert.DoesNotContain(names, html.Contains);
    }
}
