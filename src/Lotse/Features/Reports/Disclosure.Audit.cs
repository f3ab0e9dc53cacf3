namespace Lotse.Features.Reports;

/// <summary>The interval audit of <see cref="Disclosure.Protect"/>: how narrow an attacker can make each hidden count, and which neighbour to hide next.</summary>
public static partial class Disclosure
{
    /// <summary>The first hidden count (in id order) whose interval is narrower than the protection range.</summary>
    private static string? Exposed(Dictionary<string, (double Lo, double Hi)> ranges, Dictionary<string, CellState> states) =>
        states.Where(s => s.Value != CellState.Shown && ranges[s.Key].Hi - ranges[s.Key].Lo < ProtectionRange).Select(s => s.Key).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>
    /// For every count, the interval of true values an attacker can still consider, given the shown
    /// counts (each within its noise of the true one), that "&lt; 5" means a published 1 to 4 and "•" a
    /// published 5 or more, that zero is exact and no other count is published as zero, every table's
    /// sum and the bounds between tables. Null when the figures contradict a relation (e.g. a case
    /// closed before it was opened): the audit cannot vouch for them.
    /// </summary>
    private static Dictionary<string, (double Lo, double Hi)>? Audit(Dictionary<string, long> values, Dictionary<string, int> noise, Dictionary<string, (double Lo, double Hi)> known,
        Dictionary<string, CellState> states, IEnumerable<Group> groups, IReadOnlyList<(string Lower, string Upper)> bounds)
    {
        var range = values.ToDictionary(v => v.Key, v => known.TryGetValue(v.Key, out var flow) ? flow : states[v.Key] switch
        {
            CellState.Small => (Lo: 1d, Hi: Suppression.Threshold - 1d + noise[v.Key]),
            CellState.Secondary => (Lo: Suppression.Threshold - noise[v.Key], Hi: double.PositiveInfinity),
            CellState.Withheld => (Lo: 0d, Hi: double.PositiveInfinity),
            _ when v.Value == 0 => (Lo: 0d, Hi: 0d),
            _ => (Lo: Math.Max(1d, v.Value - noise[v.Key]), Hi: (double)v.Value + noise[v.Key]),
        });
        var list = groups.ToList();
        var consistent = true;
        // Intervals only narrow, by whole numbers; a few rounds reach the fixed point. The cap guards against data that breaks a relation.
        for (var (changed, rounds) = (true, 0); changed && consistent; rounds++)
        {
            changed = false;
            consistent = rounds < 1000;
            void Narrow(string id, double lo, double hi)
            {
                var (oldLo, oldHi) = range[id];
                var next = (Lo: Math.Max(oldLo, lo), Hi: Math.Min(oldHi, hi));
                if (next.Lo > next.Hi || double.IsNaN(next.Lo) || double.IsNaN(next.Hi))
                {
                    consistent = false;
                }
                else if (next != (oldLo, oldHi))
                {
                    range[id] = next;
                    changed = true;
                }
            }

            foreach (var group in list)
            {
                // The total is what every table allows; a cell is the total less what the others can be.
                Narrow(group.Total, group.Tables.Max(t => t.Sum(c => range[c].Lo)), group.Tables.Min(t => t.Sum(c => range[c].Hi)));
                var (lo, hi) = range[group.Total];
                foreach (var table in group.Tables)
                {
                    foreach (var cell in table)
                    {
                        var others = table.Where(c => c != cell).ToList();
                        Narrow(cell, lo - others.Sum(c => range[c].Hi), hi - others.Sum(c => range[c].Lo));
                    }
                }
            }

            foreach (var (lower, upper) in bounds)
            {
                Narrow(lower, double.NegativeInfinity, range[upper].Hi);
                Narrow(upper, range[lower].Lo, double.PositiveInfinity);
            }
        }

        return consistent ? range : null;
    }

    /// <summary>The counts <paramref name="wanted"/> accepts, nearest to <paramref name="id"/> first (through sums and bounds), rows before totals, each distance in id order.</summary>
    private static List<string> Nearest(string id, IReadOnlyCollection<Group> groups, IReadOnlyList<(string Lower, string Upper)> bounds, Func<string, bool> wanted)
    {
        var seen = new HashSet<string> { id };
        var frontier = new List<string> { id };
        var found = new List<string>();
        while (frontier.Count > 0)
        {
            frontier = [.. frontier.SelectMany(f => Neighbours(f, groups, bounds)).Where(seen.Add)];
            found.AddRange(frontier.Where(wanted).OrderBy(c => groups.Any(g => g.Total == c) ? 1 : 0).ThenBy(c => c, StringComparer.Ordinal));
        }

        return found;
    }

    /// <summary>The counts that share a sum or a bound with <paramref name="id"/>.</summary>
    private static IEnumerable<string> Neighbours(string id, IEnumerable<Group> groups, IReadOnlyList<(string Lower, string Upper)> bounds)
    {
        foreach (var group in groups)
        {
            var inGroup = group.Total == id;
            foreach (var table in group.Tables.Where(t => inGroup || t.Contains(id)))
            {
                foreach (var cell in table.Where(c => c != id))
                {
                    yield return cell;
                }

                yield return group.Total;
            }
        }

        foreach (var (lower, upper) in bounds)
        {
            if (lower == id)
            {
                yield return upper;
            }
            else if (upper == id)
            {
                yield return lower;
            }
        }
    }
}
