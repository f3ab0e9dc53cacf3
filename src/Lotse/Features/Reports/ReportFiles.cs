using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace Lotse.Features.Reports;

/// <summary>
/// The report as files: one row per figure with the table, the line, the shown text and, where it
/// may leave, the number. Hidden cells carry no number, only "&lt; 5" or "•".
/// </summary>
public static class ReportFiles
{
    private static readonly string[] Header = ["Tabelle", "Merkmal", "Wert", "Anzeige", "Einheit"];

    public static byte[] Csv(KimReportData report)
    {
        var csv = new StringBuilder();
        csv.AppendLine(Lotse.Csv.Line([$"KIM-Bericht {report.From:dd.MM.yyyy}–{report.To:dd.MM.yyyy}", report.Scope, report.Suppressed ? "Kleine Fallzahlen unterdrückt" : null]));
        csv.AppendLine(Lotse.Csv.Line(Header));
        foreach (var row in Rows(report))
        {
            csv.AppendLine(Lotse.Csv.Line([row.Table, row.Label, row.Value?.ToString(CultureInfo.GetCultureInfo("de-DE")), row.Shown, row.Unit]));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    public static byte[] Xlsx(KimReportData report)
    {
        var rows = Rows(report).Select(r => new Dictionary<string, object?>
        {
            [Header[0]] = r.Table,
            [Header[1]] = r.Label,
            [Header[2]] = r.Value,
            [Header[3]] = r.Shown,
            [Header[4]] = r.Unit,
        });
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "KIM-Bericht");
        return stream.ToArray();
    }

    private sealed record Line(string Table, string Label, decimal? Value, string Shown, string Unit);

    private static IEnumerable<Line> Rows(KimReportData report) =>
        report.Tables.SelectMany(t => t.Rows.Concat(t.Total is null ? [] : [t.Total])
            .Select(c => new Line(t.Title, c.Label, c.Released, c.Display(Format(c)), t.Unit)));

    /// <summary>Counts without decimals, measures with one or two.</summary>
    public static string Format(Cell cell) => cell.Value is { } v && v != decimal.Truncate(v) ? "0.0#" : "N0";
}
