using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Google.OrTools.LinearSolver;
using Lotse.Data;
using Lotse.Features.Reports;
using Lotse.Features.State;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lotse.Tests.Reports;

/// <summary>
/// The small-number protection audited as a statistical office audits a table (ADR 012): from what a
/// report publishes — and nothing else — an attacker sets up a linear program over the true counts
/// (a shown count within the noise bound of the true one, zero exact, "&lt; 5" a published 1 to 4, "•" a
/// published 5 or more, "x" anything, every table's sum, the totals that tables share, the bounds
/// between figures, the rates) and asks, for every hidden cell, for its
/// smallest and largest possible value. The relations are written here, independently of
/// <see cref="Disclosure"/>; they are checked to hold for the true figures, so the attacker knows
/// nothing false.
/// </summary>
public sealed class DisclosureAuditTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private const double Large = 1e7;

    [Fact]
    public async Task No_hidden_cell_of_many_periods_and_scopes_of_the_demo_can_be_narrowed_below_the_protection_range()
    {
        var hidden = 0;
        var withheld = 0;
        foreach (var (from, to, scope) in await RequestsAsync(app, 120))
        {
            var (open, published) = await BuildAsync(app, from, to, scope);
            hidden += AssertProtected(open, published, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} {scope}");
            withheld += published.Tables.SelectMany(t => t.Rows).Count(c => c.State == CellState.Withheld);
        }

        Assert.True(withheld > 0, "no table was withheld: the hardest case went untried");
        // The audit must have had something to audit: small scopes and short periods hide many cells.
        Assert.True(hidden > 500, $"{hidden} hidden cells audited");
    }

    [Fact]
    public async Task No_output_carries_a_hidden_number_json_csv_xlsx_the_exchange_file_or_the_page()
    {
        // The whole installation over one quarter: small cells among large ones.
        var (from, to) = (new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));
        var (open, published) = await BuildAsync(app, from, to, new ReportScope());
        var hiddenCells = published.Tables.SelectMany(t => t.Rows.Append(t.Total).OfType<Cell>().Where(c => c.Hidden).Select(c => (Table: t, Cell: c))).ToList();
        Assert.NotEmpty(hiddenCells);

        // JSON of the API: a hidden cell has no value, and no cell carries a basis.
        using var api = await ApiClient.ForAsync(app, "koordination@demo.lotse");
        var query = $"/api/v1/reports/kim?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        using var json = JsonDocument.Parse(await api.GetStringAsync(query + "&format=json"));
        var jsonCells = json.RootElement.GetProperty("tables").EnumerateArray()
            .SelectMany(t => t.GetProperty("rows").EnumerateArray().Append(t.GetProperty("total")).Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Table: t.GetProperty("key").GetString()!, Cell: c))).ToList();
        Assert.Equal(hiddenCells.Count, jsonCells.Count(c => c.Cell.GetProperty("hidden").GetBoolean()));
        Assert.All(jsonCells.Where(c => c.Cell.GetProperty("hidden").GetBoolean()), c => Assert.Equal(JsonValueKind.Null, c.Cell.GetProperty("value").ValueKind));
        Assert.All(jsonCells, c => Assert.False(c.Cell.TryGetProperty("basis", out _), $"{c.Table}: a basis left"));
        Assert.All(jsonCells, c => Assert.False(c.Cell.TryGetProperty("state", out _), $"{c.Table}: the state left"));

        // CSV and XLSX: the column "Wert" is empty for every hidden cell.
        var csv = (await api.GetStringAsync(query + "&format=csv")).Split('\n').Select(l => l.TrimEnd('\r').Split(';')).ToList();
        await using var xlsxStream = await api.GetStreamAsync(query + "&format=xlsx");
        using var buffer = new MemoryStream();
        await xlsxStream.CopyToAsync(buffer);
        buffer.Position = 0;
        var xlsx = buffer.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var file = JsonSerializer.Serialize(StatsFile.Of(published, "Test", new DateTime(2026, 10, 1, 8, 0, 0, DateTimeKind.Utc)), StatsFile.Json);
        using var exchange = JsonDocument.Parse(file);
        foreach (var (table, cell) in hiddenCells)
        {
            var csvLine = csv.Single(l => l.Length == 5 && l[0] == table.Title && l[1] == cell.Label);
            Assert.Equal(("", cell.Shown), (csvLine[2], csvLine[3]));
            var xlsxRow = xlsx.Single(r => (string?)r["Tabelle"] == table.Title && (string?)r["Merkmal"] == cell.Label);
            Assert.Null(xlsxRow["Wert"]);
            var exchangeTable = exchange.RootElement.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("key").GetString() == table.Key);
            var exchangeCell = table.Total == cell ? exchangeTable.GetProperty("total") : exchangeTable.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == cell.Key);
            Assert.Equal(JsonValueKind.Null, exchangeCell.GetProperty("value").ValueKind);
        }

        // The page: the coordinator's screen gives a chart no number of a hidden cell.
        using var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("koordination@demo.lotse");
        var page = await browser.GetStringAsync($"/Reports?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        foreach (var (table, cell) in hiddenCells.Where(c => c.Table.Total != c.Cell))
        {
            var row = System.Text.RegularExpressions.Regex.Match(page, $"data-testid=\"table-{table.Key}\"[\\s\\S]*?<tr class=\"kern-table__row\" data-key=\"{System.Text.RegularExpressions.Regex.Escape(cell.Key)}\">[\\s\\S]*?</tr>");
            Assert.True(row.Success, $"{table.Key}.{cell.Key} not on the page");
            Assert.Contains("data-value=\"\"", row.Value, StringComparison.Ordinal);
        }

        // And the open report really differs: the hidden cells had numbers.
        Assert.Contains(hiddenCells, h => open[h.Table.Key].Rows.Append(open[h.Table.Key].Total).OfType<Cell>().Any(c => c.Key == h.Cell.Key && c.Value > 0));
    }

    /// <summary>Periods (every quarter and year of the demo, then random ones) with scopes (the installation, each organisation with cases, each Stadtbezirk, pairs).</summary>
    internal static async Task<List<(DateOnly From, DateOnly To, ReportScope Scope)>> RequestsAsync(LotseFactory app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        // In a fixed order: the demo's organisations, as they were made.
        var organizations = (await db.Cases.Select(c => c.OrganizationId).Distinct().ToListAsync()).Order().Take(6).ToList();
        var districts = (await db.Districts.Where(d => d.Level == Lotse.Features.Districts.DistrictLevel.Stadtbezirk).Select(d => d.Id).ToListAsync()).Order().ToList();
        var scopes = new List<ReportScope> { new() };
        scopes.AddRange(organizations.Select(o => new ReportScope(o)));
        scopes.AddRange(districts.Select(d => new ReportScope(null, d)));
        scopes.AddRange(organizations.SelectMany(o => districts.Take(2).Select(d => new ReportScope(o, d))));
        var requests = new List<(DateOnly, DateOnly, ReportScope)>();
        foreach (var year in new[] { 2025, 2026 })
        {
            requests.Add((new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), new ReportScope()));
            for (var q = 0; q < 4; q++)
            {
                var start = new DateOnly(year, (q * 3) + 1, 1);
                requests.Add((start, start.AddMonths(3).AddDays(-1), new ReportScope()));
            }
        }

        // A fixed seed: the same requests every run, so that a failure can be repeated.
        var random = new Random(2112);
        var first = new DateOnly(2024, 6, 1).DayNumber;
        while (requests.Count < count)
        {
            var from = DateOnly.FromDayNumber(first + random.Next(0, 900));
            var to = from.AddDays(random.Next(0, 500));
            requests.Add((from, to, scopes[random.Next(scopes.Count)]));
        }

        return requests;
    }

    internal static async Task<(KimReportData Open, KimReportData Published)> BuildAsync(LotseFactory app, DateOnly from, DateOnly to, ReportScope scope)
    {
        await using var services = app.Services.CreateAsyncScope();
        var reports = services.ServiceProvider.GetRequiredService<KimReportService>();
        return (await reports.BuildAsync(from, to, scope, suppress: false, CancellationToken.None), await reports.BuildAsync(from, to, scope, suppress: true, CancellationToken.None));
    }

    /// <summary>Audits one report; returns how many hidden cells it had.</summary>
    internal static int AssertProtected(KimReportData open, KimReportData published, string what)
    {
        // Only what leaves: the report as JSON, read back.
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(published, Web));
        var tables = document.RootElement.GetProperty("tables").EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!);
        using var solver = Solver.CreateSolver("GLOP");
        var variables = new Dictionary<string, Variable>();
        var truth = new Dictionary<string, double>();
        var hidden = new List<string>();
        var constraints = new List<(string Name, Dictionary<string, double> Terms, double Lo, double Hi)>();
        var months = ReportPeriod.Months(published.From, published.To).Count();

        foreach (var (key, table) in tables)
        {
            var cells = table.GetProperty("rows").EnumerateArray().Select(c => (Id: $"{key}.{c.GetProperty("key").GetString()}", Cell: c)).ToList();
            if (table.GetProperty("total").ValueKind == JsonValueKind.Object)
            {
                cells.Add(($"{key}.total", table.GetProperty("total")));
            }

            foreach (var (id, cell) in cells)
            {
                var openTable = open[key];
                var openCell = id.EndsWith(".total", StringComparison.Ordinal) ? openTable.Total! : openTable.Rows.Single(r => $"{key}.{r.Key}" == id);
                truth[id] = (double)(openCell.Value ?? 0);
                var shown = cell.GetProperty("shown").GetString();
                var released = cell.GetProperty("value");
                // A flow (what happens in the period) is published as the sum of its months, each with its own noise;
                // its total as the sum of its rows.
                var bound = !IsCount(key) ? 0 : IsFlow(key, id) ? Disclosure.NoiseBound * months * RowsBehind(tables, key, id) : Disclosure.NoiseBound;
                var (lo, hi) = Interval(shown, released.ValueKind == JsonValueKind.Number ? released.GetDouble() : null, bound);
                Assert.True(!IsCount(key) || (truth[id] >= lo && truth[id] <= hi), $"{what}: {id} true {truth[id]} outside what {shown} says");
                // Finite bounds far above any count (GLOP reports an unbounded maximum as infeasible).
                variables[id] = solver.MakeNumVar(Math.Max(lo, IsCount(key) ? 0 : -Large), Math.Min(hi, Large), id);
                if (cell.GetProperty("hidden").GetBoolean() && IsCount(key))
                {
                    hidden.Add(id);
                }
            }
        }

        // Every table with a total adds up to it.
        foreach (var (key, table) in tables.Where(t => t.Value.GetProperty("total").ValueKind == JsonValueKind.Object))
        {
            var terms = table.GetProperty("rows").EnumerateArray().ToDictionary(c => $"{key}.{c.GetProperty("key").GetString()}", _ => 1d);
            terms[$"{key}.total"] = -1;
            constraints.Add(($"{key} adds up", terms, 0, 0));
        }

        // Totals that are the same number.
        void Same(string a, string b) => constraints.Add(($"{a} = {b}", new() { [a] = 1, [b] = -1 }, 0, 0));
        Same("closure.total", "cases.closed");
        Same("access.total", "cases.new");
        foreach (var breakdown in new[] { "sex", "age", "nationality", "residence" })
        {
            Same($"{breakdown}.total", "persons.total");
        }

        Same("referralStatus.total", "referralArea.total");

        // Bounds: nothing counted among the active cases exceeds them; outcomes are recorded on completion.
        void AtMost(string a, string b) => constraints.Add(($"{a} ≤ {b}", new() { [a] = 1, [b] = -1 }, double.NegativeInfinity, 0));
        AtMost("cases.new", "cases.active");
        AtMost("cases.closed", "cases.active");
        AtMost("persons.clients", "cases.active");
        foreach (var need in variables.Keys.Where(k => k.StartsWith("needsIntake.", StringComparison.Ordinal) || k.StartsWith("needsNow.", StringComparison.Ordinal)).ToList())
        {
            AtMost(need, "cases.active");
        }

        AtMost("referralOutcome.total", "referralStatus.abgeschlossen");

        // The acceptance rate, where shown, is that of the published counts (accepted ÷ answered, to one
        // decimal): it tells the attacker nothing they do not, which the test checks instead of trusting.
        string[] acceptedStates = ["referralStatus.angenommen", "referralStatus.in-bearbeitung", "referralStatus.abgeschlossen", "referralStatus.nicht-wahrgenommen"];
        string[] answeredStates = [.. acceptedStates, "referralStatus.abgelehnt", "referralStatus.weitervermittelt"];
        var acceptance = tables["referralMeasures"].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "acceptance").GetProperty("value");
        if (acceptance.ValueKind == JsonValueKind.Number)
        {
            double Published(string id) => tables["referralStatus"].GetProperty("rows").EnumerateArray().Single(r => $"referralStatus.{r.GetProperty("key").GetString()}" == id).GetProperty("value").GetDouble();
            Assert.Equal(Math.Round(100 * acceptedStates.Sum(Published) / answeredStates.Sum(Published), 1), acceptance.GetDouble(), 6);
        }

        // The median answer time "< 5" says 1 to 4 referrals were answered by the end, as published: at most 4 + the noise bound
        // truly, and the answered statuses add up to no more.
        var answerDays = tables["referralMeasures"].GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "answerDays").GetProperty("shown").GetString();
        if (answerDays == "< 5")
        {
            constraints.Add(("answered by the end small", answeredStates.ToDictionary(x => x, _ => 1d), double.NegativeInfinity, Suppression.Threshold - 1 + Disclosure.NoiseBound));
        }

        foreach (var (name, terms, lo, hi) in constraints)
        {
            // The attacker's knowledge is true: the real figures satisfy every relation.
            var value = terms.Sum(t => t.Value * truth[t.Key]);
            Assert.True(value >= lo - 1e-6 && value <= hi + 1e-6, $"{what}: {name} does not hold for the true figures ({value})");
            var constraint = solver.MakeConstraint(lo, hi, name);
            foreach (var (id, coefficient) in terms)
            {
                constraint.SetCoefficient(variables[id], coefficient);
            }
        }

        var objective = solver.Objective();
        foreach (var id in hidden)
        {
            objective.Clear();
            objective.SetCoefficient(variables[id], 1);
            objective.SetMinimization();
            Assert.Equal(Solver.ResultStatus.OPTIMAL, solver.Solve());
            var min = objective.Value();
            objective.SetMaximization();
            var status = solver.Solve();
            Assert.True(status == Solver.ResultStatus.OPTIMAL, $"{what}: {id} {status}");
            var max = objective.Value();
            // Whole values still possible: from ⌈min⌉ to ⌊max⌋.
            var span = Math.Floor(max + 1e-6) - Math.Ceiling(min - 1e-6);
            Assert.True(span >= Disclosure.ProtectionRange,
                $"{what}: hidden {id} (true {truth[id].ToString(CultureInfo.InvariantCulture)}) narrowed to [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]; published: {Dump(published)}");
        }

        return hidden.Count;
    }

    /// <summary>
    /// What a published count tells of the true one, its noise at most <paramref name="bound"/>: "&lt; 5"
    /// a published 1 to 4, so truly 1 to 4 + the bound; "•" a published 5 or more; "x" nothing; a shown
    /// number the true one within the bound, and never 0 unless it is 0 (zero stays zero, nothing else becomes zero).
    /// </summary>
    internal static (double Lo, double Hi) Interval(string? shown, double? released, double bound) => (shown, released) switch
    {
        ("< 5", _) => (1d, Suppression.Threshold - 1 + bound),
        ("•", _) => (Math.Max(1, Suppression.Threshold - bound), double.PositiveInfinity),
        ("x", _) => (0d, double.PositiveInfinity),
        (_, 0d) => (0d, 0d),
        (_, { } value) => bound == 0 ? (value, value) : (Math.Max(1, value - bound), value + bound),
        _ => (double.NegativeInfinity, double.PositiveInfinity),
    };

    /// <summary>How many rows of a flow table a flow count adds up: one for a row, all for a total.</summary>
    private static int RowsBehind(Dictionary<string, JsonElement> tables, string table, string id)
    {
        var rows = id switch
        {
            "cases.new" => "access",
            "cases.closed" => "closure",
            "referralStatus.total" => "referralArea",
            _ when id.EndsWith(".total", StringComparison.Ordinal) => table,
            _ => null,
        };
        return rows is null ? 1 : tables[rows].GetProperty("rows").GetArrayLength();
    }

    /// <summary>Counts of what happens in the period: closed and new cases by reason and route, goals, referrals sent.</summary>
    private static bool IsFlow(string table, string id) =>
        table is "closure" or "access" or "goals" or "referralArea" || id is "cases.new" or "cases.closed" or "referralStatus.total";

    private static string Dump(KimReportData report) =>
        string.Join(" | ", report.Tables.Select(t => $"{t.Key}: {string.Join(", ", t.Rows.Select(r => $"{r.Key} {r.Shown}"))}{(t.Total is { } total ? $" = {total.Shown}" : "")}"));

    /// <summary>Tables of counts; the others are measures (averages, medians, shares, hours).</summary>
    private static bool IsCount(string table) => table is not ("outcomes" or "referralMeasures" or "durations" or "encounters");
}
