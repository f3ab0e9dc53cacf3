using System.Globalization;
using System.Net;
using System.Text.Json;
using Google.OrTools.LinearSolver;
using Lotse.Data;
using Lotse.Features.Reports;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Reports;

/// <summary>
/// The differencing attack of issue 21 played against what leaves (ADR 012): a coordinator asks for
/// every period anyone may ask for — each month, quarter, half-year and the year — and subtracts them
/// to isolate a few cases (the year less its first half, a quarter less two of its months). The
/// attacker's linear program takes every published figure of every period at once, knows the
/// noise bound and that the counts of the months add up, and asks for the smallest and largest
/// value of every difference; it fails if a true count of 1 to 4 is narrowed below the protection
/// range. Periods off the grid are refused, so the issue's pair (the year and 01.01.–14.10.) cannot
/// be asked for.
/// </summary>
public sealed class DifferencingAttackTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>What happens in a period, so that the counts of disjoint periods add up: each a table with the total it adds up to.</summary>
    private static readonly string[] FlowTables = ["closure", "access", "goals", "referralArea"];

    [Fact]
    public async Task Subtracting_periods_of_the_grid_from_each_other_recovers_no_small_count()
    {
        var audited = 0;
        foreach (var scope in await ScopesAsync(app))
        {
            foreach (var year in new[] { 2025, 2026 })
            {
                audited += await AttackAsync(app, year, scope);
            }
        }

        // The attack had something to find: small differences the grid allows.
        Assert.True(audited > 300, $"{audited} small differences attacked");
    }

    [Fact]
    public async Task The_same_request_gives_the_same_figures_and_noise_never_touches_zero_or_goes_beyond_its_bound()
    {
        await using (var services = app.Services.CreateAsyncScope())
        {
            var reports = services.ServiceProvider.GetRequiredService<KimReportService>();
            var (from, to) = (new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30));
            var first = JsonSerializer.Serialize(await reports.BuildAsync(from, to, new ReportScope(), suppress: true, CancellationToken.None), Web);
            Assert.Equal(first, JsonSerializer.Serialize(await reports.BuildAsync(from, to, new ReportScope(), suppress: true, CancellationToken.None), Web));
            var open = await reports.BuildAsync(from, to, new ReportScope(), suppress: false, CancellationToken.None);
            var published = await reports.BuildAsync(from, to, new ReportScope(), suppress: true, CancellationToken.None);
            var shown = published.Tables.Where(t => Disclosure.TotalOf.ContainsKey(t.Key)).SelectMany(t => t.Rows.Select(r => (t.Key, Cell: r))).Where(x => !x.Cell.Hidden).ToList();
            // Noise is there (else the grid alone would have to carry the protection), and within its bound.
            Assert.Contains(shown, x => x.Cell.Value != open[x.Key].Rows.Single(r => r.Key == x.Cell.Key).Value);
            // A flow's noise is drawn per month (six here), a stock's once.
            Assert.All(shown, x =>
            {
                var bound = FlowTables.Contains(x.Key) ? 6 * Disclosure.NoiseBound : Disclosure.NoiseBound;
                Assert.InRange((long)x.Cell.Value!.Value - (long)open[x.Key].Rows.Single(r => r.Key == x.Cell.Key).Value!.Value, -bound, bound);
            });
        }

        // Over many random keys: zero stays zero, one or more stays one or more, and half of the counts keep their value.
        var random = new Random(21);
        var unchanged = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var count = random.Next(1, 200);
            var published = Disclosure.Perturb(count, random.NextInt64(0, 1L << 40));
            Assert.InRange(published, Math.Max(1, count - Disclosure.NoiseBound), count + Disclosure.NoiseBound);
            unchanged += published == count ? 1 : 0;
        }

        Assert.Equal(0, Disclosure.Perturb(0, 12345));
        Assert.InRange(unchanged, 4_700, 5_300);
    }

    [Fact]
    public async Task No_record_key_leaves_through_the_api_or_the_art_15_export()
    {
        // Whoever knows the keys of the records behind a figure can take its noise off again.
        Guid caseId, clientId;
        await using (var services = app.Services.CreateAsyncScope())
        {
            var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == "fm.mitte@demo.lotse");
            var @case = await db.Cases.Where(c => c.ResponsibleUserId == user.Id && db.Referrals.Any(r => r.CaseId == c.Id) && db.Encounters.Any(e => e.CaseId == c.Id)).OrderBy(c => c.Reference).FirstAsync();
            (caseId, clientId) = (@case.Id, @case.ClientId);
        }

        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        foreach (var path in new[] { $"/api/v1/clients/{clientId}", $"/api/v1/clients/{clientId}/export", $"/api/v1/cases/{caseId}", $"/api/v1/cases/{caseId}/encounters", $"/api/v1/cases/{caseId}/goals", $"/api/v1/cases/{caseId}/referrals" })
        {
            using var response = await api.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(body.Length > 50, path);
            Assert.DoesNotContain("reportkey", body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Figures_that_leave_are_given_for_months_quarters_half_years_and_years_only()
    {
        using var api = await ApiClient.ForAsync(app, "koordination@demo.lotse");
        // The issue's pair: the year and the year up to 14 October.
        using var offGrid = await api.GetAsync("/api/v1/reports/kim?from=2026-01-01&to=2026-10-14");
        Assert.Equal(HttpStatusCode.BadRequest, offGrid.StatusCode);
        Assert.Contains("Kalendermonat, ein Quartal, ein Halbjahr oder ein Kalenderjahr", await offGrid.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var (from, to) in new[] { ("2026-01-01", "2026-12-31"), ("2026-07-01", "2026-12-31"), ("2026-10-01", "2026-12-31"), ("2026-02-01", "2026-02-28") })
        {
            using var onGrid = await api.GetAsync($"/api/v1/reports/kim?from={from}&to={to}");
            Assert.Equal(HttpStatusCode.OK, onGrid.StatusCode);
        }

        // A quarter that does not start a quarter is not one.
        using var shifted = await api.GetAsync("/api/v1/reports/kim?from=2026-02-01&to=2026-04-30");
        Assert.Equal(HttpStatusCode.BadRequest, shifted.StatusCode);

        // On screen the coordinator is told why; a team lead's own figures, in full, come for any period.
        using var coordinator = app.CreateBrowserLikeClient();
        await coordinator.SignInAsync("koordination@demo.lotse");
        Assert.Contains("gibt es nur für einen Kalendermonat", WebUtility.HtmlDecode(await coordinator.GetStringAsync("/Reports?from=2026-01-01&to=2026-10-14")), StringComparison.Ordinal);
        // The current year, asked for by the coordinator, ends with the last complete month.
        if (app.Today.Month > 1)
        {
            var year = app.Today.Year;
            var running = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/Reports?from={year}-01-01&to={year}-12-31"));
            var lastComplete = new DateOnly(year, app.Today.Month, 1).AddDays(-1);
            Assert.Contains($"Stand: Ende des letzten abgeschlossenen Monats ({lastComplete.ToString("d", CultureInfo.GetCultureInfo("de-DE"))})", running, StringComparison.Ordinal);
        }

        using var teamLead = app.CreateBrowserLikeClient();
        await teamLead.SignInAsync("teamleitung@demo.lotse");
        var own = WebUtility.HtmlDecode(await teamLead.GetStringAsync("/Reports?from=2026-01-01&to=2026-10-14"));
        Assert.DoesNotContain("gibt es nur für einen Kalendermonat", own, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"table-closure\"", own, StringComparison.Ordinal);
    }

    /// <summary>Plays the attack for one year and scope; returns how many small differences it attacked.</summary>
    internal static async Task<int> AttackAsync(LotseFactory app, int year, ReportScope scope)
    {
        var months = Enumerable.Range(0, 12).Select(m => new DateOnly(year, m + 1, 1)).ToList();
        // The grid: every month, quarter, half-year and the year, as sets of months.
        var periods = new List<int[]>();
        foreach (var length in new[] { 1, 3, 6, 12 })
        {
            for (var start = 0; start < 12; start += length)
            {
                periods.Add([.. Enumerable.Range(start, length)]);
            }
        }

        var truth = new List<Dictionary<string, double>>();
        foreach (var month in months)
        {
            truth.Add(Counts(await BuildAsync(app, month, month.AddMonths(1).AddDays(-1), scope, suppress: false), cell => (double)(cell.Value ?? 0)));
        }

        var published = new List<Dictionary<string, (string Shown, double? Value, double? Granted)>>();
        foreach (var period in periods)
        {
            var from = months[period[0]];
            var report = await BuildAsync(app, from, from.AddMonths(period.Length).AddDays(-1), scope, suppress: true);
            // Granted: the published number even where it is hidden (a quarter less its shown months gives it away).
            published.Add(Counts(report, cell => (cell.Shown, (double?)cell.Released, cell.Atoms is { } atoms ? Disclosure.Publish(atoms) : (double?)cell.Released)));
        }

        // What an attacker subtracts: a period of the grid less one inside it (or nothing).
        var seen = new HashSet<string>();
        var differences = new List<int[]>();
        foreach (var outer in periods)
        {
            foreach (var inner in periods.Where(p => p.Length < outer.Length && p.All(outer.Contains)).Append([]))
            {
                var set = outer.Except(inner).ToArray();
                if (seen.Add(string.Join(",", set)))
                {
                    differences.Add(set);
                }
            }
        }

        // Every figure of any month or period (a code outside the catalogue, e.g. of a retired entry, shows only where it counts
        // something: elsewhere it is a true and published zero).
        var zero = (Shown: "0", Value: (double?)0, Granted: (double?)0);
        var all = truth.SelectMany(t => t.Keys).Concat(published.SelectMany(p => p.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var id in all)
        {
            truth.ForEach(t => t.TryAdd(id, 0));
            published.ForEach(p => p.TryAdd(id, zero));
        }

        var attacked = 0;
        foreach (var group in all.GroupBy(Group))
        {
            // Two unknowns per figure and month: its true count and its published one (hidden months are not shown,
            // but a quarter less its shown months gives them away: the attacker is granted both).
            using var solver = Solver.CreateSolver("GLOP");
            var ids = group.ToList();
            var totalId = ids.Count > 1 ? ids.Single(IsTotal) : null;
            var t = ids.ToDictionary(id => id, id => Enumerable.Range(0, 12).Select(m => solver.MakeNumVar(0, 1e7, $"t {id}@{m}")).ToArray());
            var p = ids.ToDictionary(id => id, id => Enumerable.Range(0, 12).Select(m => solver.MakeNumVar(0, 1e7, $"p {id}@{m}")).ToArray());
            void Constrain(IEnumerable<(Variable Variable, double Coefficient)> terms, double lo, double hi, string name)
            {
                var constraint = solver.MakeConstraint(Math.Max(lo, -1e7), Math.Min(hi, 1e7), name);
                foreach (var (variable, coefficient) in terms)
                {
                    constraint.SetCoefficient(variable, coefficient);
                }
            }

            for (var m = 0; m < 12; m++)
            {
                foreach (var id in ids)
                {
                    // A month as published: its number, granted even where it shows "< 5", "•" or "x".
                    var (shown, value, granted) = published[m][id];
                    var (lo, hi) = granted is { } exact ? (exact, exact) : Published(shown, value);
                    Constrain([(p[id][m], 1)], lo, hi, $"{id} published in month {m + 1}");
                    if (id == totalId)
                    {
                        continue;
                    }

                    // One figure of one month is drawn once: within the noise bound, zero only when zero.
                    Constrain([(t[id][m], 1), (p[id][m], -1)], -Disclosure.NoiseBound, Disclosure.NoiseBound, $"{id} noise in month {m + 1}");
                    if (granted is 0)
                    {
                        Constrain([(t[id][m], 1)], 0, 0, $"{id} zero in month {m + 1}");
                        Assert.Equal(0, truth[m][id]);
                    }
                    else if (granted is not null || shown != "x")
                    {
                        Constrain([(t[id][m], 1)], 1, double.PositiveInfinity, $"{id} not zero in month {m + 1}");
                    }

                    // The attacker's knowledge is true: a month's published number is within the bound of the truth.
                    Assert.True(granted is not { } v || Math.Abs(v - truth[m][id]) <= Disclosure.NoiseBound, $"{year} {scope}: {id} in month {m + 1}: published {granted}, true {truth[m][id]}");
                }

                // A table adds up, truly and as published (its total is the sum of its published rows).
                if (totalId is not null)
                {
                    var month = m;
                    Constrain(ids.Select(id => (t[id][month], id == totalId ? -1d : 1d)), 0, 0, $"{group.Key} adds up in month {month + 1}");
                    Constrain(ids.Select(id => (p[id][month], id == totalId ? -1d : 1d)), 0, 0, $"{group.Key} adds up as published in month {month + 1}");
                    Assert.Equal(ids.Where(id => id != totalId).Sum(id => truth[month][id]), truth[month][totalId]);
                }
            }

            // Every quarter, half-year and the year as published: the sum of its months' published figures.
            for (var index = 12; index < periods.Count; index++)
            {
                foreach (var id in ids)
                {
                    var (shown, value, _) = published[index][id];
                    var (lo, hi) = Published(shown, value);
                    Constrain(periods[index].Select(m => (p[id][m], 1d)), lo, hi, $"{id} published in period {index}");
                    var monthsShown = periods[index].Select(m => published[m][id].Value).ToList();
                    if (value is { } total && monthsShown.All(v => v is not null))
                    {
                        Assert.Equal(total, monthsShown.Sum(v => v!.Value));
                    }
                }
            }

            var objective = solver.Objective();
            foreach (var id in ids)
            {
                foreach (var set in differences)
                {
                    var value = set.Sum(m => truth[m][id]);
                    if (value is < 1 or >= Suppression.Threshold)
                    {
                        continue;
                    }

                    objective.Clear();
                    foreach (var m in set)
                    {
                        objective.SetCoefficient(t[id][m], 1);
                    }

                    objective.SetMinimization();
                    Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
                    var min = objective.Value();
                    objective.SetMaximization();
                    Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
                    var max = objective.Value();
                    var span = Math.Floor(max + 1e-6) - Math.Ceiling(min - 1e-6);
                    Assert.True(span >= Disclosure.ProtectionRange,
                        $"{year} {scope}: {id} over months {string.Join(",", set.Select(m => m + 1))} (true {value.ToString(CultureInfo.InvariantCulture)}) narrowed to [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]");
                    attacked++;
                }
            }
        }

        return attacked;
    }

    /// <summary>What a published text says of the published number.</summary>
    private static (double Lo, double Hi) Published(string shown, double? value) => (shown, value) switch
    {
        ("< 5", _) => (1, Suppression.Threshold - 1),
        ("•", _) => (Suppression.Threshold, double.PositiveInfinity),
        (_, { } v) => (v, v),
        _ => (0, double.PositiveInfinity),
    };

    private static bool IsTotal(string id) => id is "cases.closed" or "cases.new" or "referrals.total" or "goals.total";

    /// <summary>The flow counts of a report by id (a table's total under the id of the total it shares), as <paramref name="read"/> reads them.</summary>
    private static Dictionary<string, T> Counts<T>(KimReportData report, Func<Cell, T> read)
    {
        var counts = new Dictionary<string, T>();
        foreach (var table in report.Tables.Where(t => FlowTables.Contains(t.Key)))
        {
            foreach (var (cell, id) in Disclosure.Cells(table))
            {
                counts[id] = read(cell);
            }
        }

        var contacts = report["encounters"].Rows.Single(r => r.Key == "count");
        counts["encounters.count"] = read(contacts);
        return counts;
    }

    /// <summary>The table a flow count belongs to: tables are attacked each on its own with its total.</summary>
    private static string Group(string id) => id switch
    {
        "cases.closed" => "closure",
        "cases.new" => "access",
        "referrals.total" => "referralArea",
        _ => id[..id.IndexOf('.', StringComparison.Ordinal)],
    };

    private static async Task<KimReportData> BuildAsync(LotseFactory app, DateOnly from, DateOnly to, ReportScope scope, bool suppress)
    {
        await using var services = app.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<KimReportService>().BuildAsync(from, to, scope, suppress, CancellationToken.None);
    }

    /// <summary>The installation, the organisations with the most cases, Stadtbezirke, and one organisation within one Stadtbezirk: small scopes have small counts.</summary>
    internal static async Task<List<ReportScope>> ScopesAsync(LotseFactory app)
    {
        await using var services = app.Services.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<LotseDbContext>();
        var organizations = (await db.Cases.GroupBy(c => c.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .OrderByDescending(o => o.Count).ThenBy(o => o.Key).Select(o => o.Key).Take(3).ToList();
        var districts = (await db.Districts.Where(d => d.Level == Lotse.Features.Districts.DistrictLevel.Stadtbezirk).Select(d => d.Id).ToListAsync()).Order().Take(2).ToList();
        return [new ReportScope(), .. organizations.Select(o => new ReportScope(o)), .. districts.Select(d => new ReportScope(null, d)), new ReportScope(organizations[0], districts[0])];
    }
}
