using Lotse.Data;

namespace Lotse.Features.Reports;

/// <summary>
/// Disclosure control over everything one report publishes together (ADR 012): its tables, their
/// totals, the totals they share (every breakdown of the persons reached adds up to the same
/// number; closure reasons to the closed cases; access routes to the new ones; referrals by area
/// and by status to the same referrals), the bounds between figures (new, closed, needs and
/// clients cannot exceed the active cases; outcomes not the completed referrals) and the derived
/// figures (rates, shares, hours).
/// <para>
/// Every count that leaves carries noise (the cell key method of the statistical offices, <see
/// cref="Perturb"/>): the noise is a fixed function of the sum of the record keys of what it counts,
/// so the same records always get the same noise and repeating a request gains nothing. A count of
/// what happens in the period (a flow: new and closed cases, goals agreed, referrals sent, contacts)
/// is published as the sum of its calendar months, each perturbed on its own (<see cref="Publish"/>):
/// periods of the grid then add up as published, and subtracting one from another yields
/// perturbed months, never a true count. A count of how things stand (active cases, persons reached,
/// needs, statuses) is perturbed once for the period.
/// </para>
/// <para>
/// Then every published count of 1 to 4 is hidden ("&lt; 5"). Then the report is audited as an attacker
/// would: for each hidden count, the interval of true values consistent with everything still
/// shown, each shown count within its noise of the true one, and a flow as narrow as its months'
/// published figures make it (an attacker may have asked for each month).
/// Each table is a sum, so the interval is exact in closed form (the total's range is what every
/// table sharing it allows; a cell's range is the total's range minus what the others can be), and
/// the bounds between tables are passed on until nothing changes. Where an interval is narrower
/// than <see cref="ProtectionRange"/>, the smallest shown neighbour is hidden too ("•"); where none is
/// left, the tables around it show none of their numbers ("x"); and the audit runs again. <c>DisclosureAuditTests</c> checks the outcome independently by linear
/// programming.
/// </para>
/// </summary>
public static partial class Disclosure
{
    /// <summary>A hidden count must stay uncertain over at least this span: at least three whole values stay possible.</summary>
    public const int ProtectionRange = 2;

    /// <summary>The largest noise of a published count: the true count lies within this distance.</summary>
    public const int NoiseBound = 2;

    /// <summary>
    /// The published count for a true <paramref name="count"/> whose records' keys add up to
    /// <paramref name="recordKeys"/>: the cell key (the sum modulo <see cref="RecordKeys.Modulus"/>, as a
    /// fraction) picks the noise from a table that depends only on the count — from 3 on −2 (5 %), −1
    /// (20 %), 0 (50 %), +1 (20 %), +2 (5 %); for 2 −1, 0, +1 (25, 50, 25 %); for 1 0 or +1 (90, 10 %).
    /// Zero stays zero and nothing else becomes zero; the noise has mean zero except for a count of 1
    /// (+0.1). Every published number can come from at least three true ones (a published 1 from 1, 2
    /// or 3), so a published count alone never pins a small one.
    /// </summary>
    public static long Perturb(long count, long recordKeys)
    {
        if (count <= 0)
        {
            return count;
        }

        var key = (double)(((recordKeys % RecordKeys.Modulus) + RecordKeys.Modulus) % RecordKeys.Modulus) / RecordKeys.Modulus;
        var noise = count switch
        {
            1 => key < 0.9 ? 0 : 1,
            2 => key switch { < 0.25 => -1, < 0.75 => 0, _ => 1 },
            _ => key switch { < 0.05 => -2, < 0.25 => -1, < 0.75 => 0, < 0.95 => 1, _ => 2 },
        };
        return count + noise;
    }

    /// <summary>A flow count as published: the sum of its months, each perturbed on its own.</summary>
    public static long Publish(IEnumerable<Atom> atoms) => atoms.Sum(a => Perturb(a.Count, a.Keys));

    /// <summary>
    /// What a flow count's published months tell of the true count, even to someone who has every
    /// month's published figure: each month within the noise bound, never zero unless zero.
    /// </summary>
    private static (double Lo, double Hi) Known(IEnumerable<Atom> atoms) => atoms.Select(a => Perturb(a.Count, a.Keys))
        .Aggregate((Lo: 0d, Hi: 0d), (sum, p) => p == 0 ? sum : (sum.Lo + Math.Max(1, p - NoiseBound), sum.Hi + p + NoiseBound));

    /// <summary>Counts that share one total, each table a list of cell ids.</summary>
    private sealed record Group(string Total, List<List<string>> Tables);

    /// <summary>A figure derived from counts: shown only when its inputs are shown and every count it implies is 0 or at least the threshold.</summary>
    public sealed record Derived(string Table, string Key, IReadOnlyList<string> Inputs, IReadOnlyList<long> ImpliedCounts);

    /// <summary>The total each count table adds up to; tables that share one are linked through it.</summary>
    public static readonly IReadOnlyDictionary<string, string> TotalOf = new Dictionary<string, string>
    {
        ["closure"] = "cases.closed",
        ["access"] = "cases.new",
        ["persons"] = "persons.total",
        ["sex"] = "persons.total",
        ["age"] = "persons.total",
        ["nationality"] = "persons.total",
        ["residence"] = "persons.total",
        ["goals"] = "goals.total",
        ["referralArea"] = "referrals.total",
        ["referralStatus"] = "referrals.total",
        ["referralOutcome"] = "referralOutcome.total",
    };

    /// <summary>Counts in tables without a total (a case can be new and active).</summary>
    public static readonly IReadOnlySet<string> MeasureTables = new HashSet<string> { "cases", "needsIntake", "needsNow" };

    /// <summary>The cells of a table with their ids in the audit: table.key, and for a total the id of the total it shares.</summary>
    public static IEnumerable<(Cell Cell, string Id)> Cells(Table table) =>
        table.Rows.Select(r => (r, $"{table.Key}.{r.Key}"))
            .Concat(table.Total is { } total ? [(total, TotalOf.GetValueOrDefault(table.Key, $"{table.Key}.total"))] : []);

    /// <summary>Pairs (x, y) with x ≤ y that hold for every report.</summary>
    public static IEnumerable<(string Lower, string Upper)> Bounds(IReadOnlyList<Table> tables)
    {
        yield return ("cases.new", "cases.active");
        yield return ("cases.closed", "cases.active");
        yield return ("persons.clients", "cases.active");
        foreach (var need in tables.Where(t => t.Key is "needsIntake" or "needsNow").SelectMany(t => t.Rows.Select(r => $"{t.Key}.{r.Key}")))
        {
            yield return (need, "cases.active");
        }

        // An outcome is recorded when a referral is completed, so there are no more outcomes than completed referrals.
        yield return ("referralOutcome.total", $"referralStatus.{Referrals.ReferralRules.StatusCode(Referrals.ReferralStatus.Completed)}");
    }

    /// <summary>
    /// The report as it may leave: counts perturbed, small counts hidden, secondary cells chosen by the
    /// audit, derived figures and measures of few cases hidden. A count without record keys (a table
    /// built elsewhere) is published as it is, and audited so.
    /// </summary>
    public static IReadOnlyList<Table> Protect(IReadOnlyList<Table> tables, IReadOnlyList<Derived> derived)
    {
        // The published counts, how far each may be from the true one, and for flows what their
        // published months tell (an attacker may have asked for every month: hiding a flow hides nothing).
        var values = new Dictionary<string, long>();
        var noise = new Dictionary<string, int>();
        var known = new Dictionary<string, (double Lo, double Hi)>();
        var groups = new Dictionary<string, Group>();
        foreach (var table in tables.Where(t => TotalOf.ContainsKey(t.Key) || MeasureTables.Contains(t.Key)))
        {
            foreach (var (cell, id) in Cells(table))
            {
                var count = (long)(cell.Value ?? 0);
                values[id] = cell.Atoms is { } atoms ? Publish(atoms) : cell.RecordKeys is { } keys ? Perturb(count, keys) : count;
                noise[id] = cell.RecordKeys is null && cell.Atoms is null ? 0 : NoiseBound;
                if (cell.Atoms is { } months)
                {
                    known[id] = Known(months);
                }
            }

            if (TotalOf.TryGetValue(table.Key, out var total))
            {
                var group = groups.TryGetValue(total, out var g) ? g : groups[total] = new Group(total, []);
                group.Tables.Add([.. table.Rows.Select(r => $"{table.Key}.{r.Key}")]);
            }
        }

        var bounds = Bounds(tables).Where(b => values.ContainsKey(b.Lower) && values.ContainsKey(b.Upper)).ToList();
        var states = values.ToDictionary(v => v.Key, v => Suppression.IsSmall(v.Value) ? CellState.Small : CellState.Shown);
        // Each round hides at least one more cell, so the loop ends; a report has a few hundred cells at most.
        for (var round = 0; round < 4 * values.Count; round++)
        {
            var ranges = Audit(values, noise, known, states, groups.Values, bounds);
            var exposed = ranges is null ? null : Exposed(ranges, states);
            if (exposed is null)
            {
                break;
            }

            // The nearest shown count (through sums and bounds) whose hiding widens the exposed interval, in
            // a fixed order of the ids — not by size: "the smallest was hidden" would bound a "•" by its neighbours.
            var width = ranges![exposed].Hi - ranges[exposed].Lo;
            var candidates = Nearest(exposed, groups.Values, bounds, id => states[id] == CellState.Shown && values[id] > 0);
            var next = candidates.Take(40).FirstOrDefault(candidate =>
            {
                var trial = new Dictionary<string, CellState>(states) { [candidate] = CellState.Secondary };
                return Audit(values, noise, known, trial, groups.Values, bounds) is { } after && after[exposed].Hi - after[exposed].Lo > width;
            });
            if (next is not null)
            {
                states[next] = CellState.Secondary;
                continue;
            }

            // No single cell helps. Where the tables it is pinned by still show numbers, they show none, zeros
            // included; otherwise the nearest shown count is hidden, and the next round looks again.
            var withheld = Neighbours(exposed, groups.Values, []).Append(exposed).Where(id => !groups.ContainsKey(id) && states[id] != CellState.Withheld).ToList();
            foreach (var id in withheld)
            {
                states[id] = CellState.Withheld;
            }

            if (withheld.Count == 0)
            {
                if (candidates.Count == 0)
                {
                    break;
                }

                states[candidates[0]] = CellState.Secondary;
            }
        }

        // Fail closed: data that breaks a relation the audit relies on, or a count still exposed, withholds every count.
        if (Audit(values, noise, known, states, groups.Values, bounds) is not { } final || Exposed(final, states) is not null)
        {
            foreach (var id in states.Keys.ToList())
            {
                states[id] = CellState.Withheld;
            }
        }

        // Counts take their published values and the audit's states; measures (averages, medians, shares)
        // hide when 1 to 4 cases are behind them, as published (the basis perturbed like a count).
        var protectedTables = tables.Select(table => TotalOf.ContainsKey(table.Key) || MeasureTables.Contains(table.Key)
            ? table with
            {
                Rows = [.. table.Rows.Select(r => Release(r, $"{table.Key}.{r.Key}"))],
                Total = table.Total is { } t ? Release(t, TotalOf[table.Key]) : null,
            }
            : table with { Rows = [.. table.Rows.Select(r => r.Basis is { } b && Suppression.IsSmall(r.Atoms is { } a ? Publish(a) : r.RecordKeys is { } k ? Perturb(b, k) : b) ? r with { State = CellState.Small } : r)] }).ToList();

        var shown = protectedTables.SelectMany(Cells).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.All(x => !x.Cell.Hidden));
        foreach (var figure in derived)
        {
            var hide = figure.Inputs.Any(i => !shown.GetValueOrDefault(i, false)) || figure.ImpliedCounts.Any(Suppression.IsSmall);
            if (hide)
            {
                var index = protectedTables.FindIndex(t => t.Key == figure.Table);
                var table = protectedTables[index];
                // "x", not "< 5": whether 1 to 4 cases are behind it is not for the attacker to learn either.
                protectedTables[index] = table with { Rows = [.. table.Rows.Select(r => r.Key == figure.Key ? r with { State = CellState.Withheld } : r)] };
            }
        }

        return protectedTables;

        // A hidden cell keeps its true number inside (it never leaves, Cell.Released); a shown one the published.
        Cell Release(Cell cell, string id) => states[id] == CellState.Shown ? cell with { Value = values[id] } : cell with { State = states[id] };
    }
}
