using Lotse.Features.Clients;

namespace Lotse.Features.Reports;

/// <summary>How the report turns counted records into cells and tables, and its small statistics.</summary>
public sealed partial class KimReportService
{
    /// <summary>Age in completed years at <paramref name="on"/>, from a birth year (partial dates give the year only).</summary>
    internal static int? Age(string? year, DateOnly on) =>
        int.TryParse(year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y > 1900 && y <= on.Year ? on.Year - y : null;

    internal static decimal? Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round((decimal)median, 1);
    }

    internal static string SexLabel(Sex sex) => sex switch
    {
        Sex.Female => "weiblich",
        Sex.Male => "männlich",
        Sex.Diverse => "divers",
        _ => "keine Angabe",
    };

    /// <summary>One row per catalogue entry (in catalogue order), plus codes outside the catalogue and "ohne Angabe".</summary>
    /// <remarks>
    /// A <paramref name="flow"/> count keeps its records per month (<see cref="Cell.Atoms"/>), any other
    /// the sum of its record keys.
    /// </remarks>
    private static List<Cell> Rows(IReadOnlyDictionary<string, string> catalogue, IEnumerable<(string? Code, Atom Atom)> counts, bool flow = false)
    {
        var list = counts.ToList();
        Cell Row(string key, string label, IEnumerable<Atom> atoms) => flow ? Flow(key, label, atoms) : Stock(key, label, atoms);
        var rows = catalogue.Select(e => Row(e.Key, e.Value, list.Where(c => c.Code == e.Key).Select(c => c.Atom))).ToList();
        rows.AddRange(list.Where(c => c.Code != null && !catalogue.ContainsKey(c.Code)).GroupBy(c => c.Code!).Select(g => Row(g.Key, g.Key, g.Select(c => c.Atom))));
        var none = list.Where(c => c.Code == null).Select(c => c.Atom).ToList();
        if (none.Sum(c => c.Count) > 0)
        {
            rows.Add(Row("none", "ohne Angabe", none));
        }

        return rows;
    }

    /// <summary>A count of what happens in the period, from its records per month.</summary>
    private static Cell Flow(string key, string label, IEnumerable<Atom> atoms)
    {
        var list = atoms.Where(a => a.Count > 0).ToList();
        return new Cell(key, label, list.Sum(a => a.Count), Atoms: list);
    }

    /// <summary>A count of how things stand (in the period or at its end), with the sum of its records' keys.</summary>
    private static Cell Stock(string key, string label, IEnumerable<Atom> atoms)
    {
        var list = atoms.ToList();
        return new Cell(key, label, list.Sum(a => a.Count), RecordKeys: list.Sum(a => a.Keys));
    }

    /// <summary>An additive table with its total, unprotected (the report protects all its tables together, <see cref="Disclosure"/>).</summary>
    internal static Table Counts(string key, string title, IReadOnlyList<Cell> rows) =>
        new(key, title, rows, rows.Any(r => r.Atoms is not null)
            ? Flow("total", "insgesamt", rows.SelectMany(r => r.Atoms ?? []))
            : new Cell("total", "insgesamt", rows.Sum(r => r.Value ?? 0), RecordKeys: rows.Sum(r => r.RecordKeys ?? 0)));

    /// <summary>An additive table on its own (the needs map's drill-down): primary and per-table secondary suppression.</summary>
    internal static Table Counts(string key, string title, IReadOnlyList<Cell> rows, bool suppress)
    {
        var values = rows.Select(r => (long)(r.Value ?? 0)).ToList();
        var total = values.Sum();
        var states = suppress ? Suppression.States(values) : new CellState[values.Count];
        return new Table(key, title, [.. rows.Select((r, i) => r with { State = states[i] })],
            new Cell("total", "insgesamt", total, suppress && Suppression.IsSmall(total) ? CellState.Small : CellState.Shown));
    }
}
