using System.Text.Json;
using System.Text.Json.Serialization;
using Lotse.Features.Reports;

namespace Lotse.Features.State;

public sealed record StatsCell(string Key, string Label, decimal? Value, string Shown);

public sealed record StatsTable(string Key, string Title, string Unit, IReadOnlyList<StatsCell> Rows, StatsCell? Total);

/// <summary>
/// The state-level exchange file (docs/stats-exchange.md, schema <c>docs/stats-exchange.schema.json</c>):
/// one Kommune's KIM report for a period, anonymous and with small numbers suppressed.
/// </summary>
public sealed record StatsFile(string Schema, string Kommune, DateOnly From, DateOnly To, DateTime CreatedAt, IReadOnlyList<StatsTable> Tables)
{
    public const string CurrentSchema = "lotse-kim-stats/1";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static StatsFile Of(KimReportData report, string kommune, DateTime createdAt)
    {
        if (!report.Suppressed)
        {
            throw new InvalidOperationException("The exchange file carries suppressed figures only.");
        }

        static StatsCell Cell(Cell c) => new(c.Key, c.Label, c.Released, c.Display(ReportFiles.Format(c)));
        return new StatsFile(CurrentSchema, kommune, report.From, report.To, createdAt,
            [.. report.Tables.Select(t => new StatsTable(t.Key, t.Title, t.Unit, [.. t.Rows.Select(Cell)], t.Total is null ? null : Cell(t.Total)))]);
    }

    /// <summary>Reads and checks a file; the message says what is wrong, in German, for the operator.</summary>
    public static (StatsFile? File, string? Error) Read(string json)
    {
        StatsFile? file;
        try
        {
            file = JsonSerializer.Deserialize<StatsFile>(json, Json);
        }
        catch (JsonException failure)
        {
            return (null, $"Keine gültige Austauschdatei (JSON-Fehler in Zeile {failure.LineNumber + 1}).");
        }

        if (file is null || file.Schema != CurrentSchema)
        {
            return (null, $"Unbekanntes Format: erwartet wird \"{CurrentSchema}\".");
        }

        if (string.IsNullOrWhiteSpace(file.Kommune) || file.To < file.From || file.Tables is null
            || file.Tables.Any(t => t is null || t.Rows is null || t.Rows.Any(c => c is null)))
        {
            return (null, "Kommune, Zeitraum oder Tabellen fehlen.");
        }

        // Small numbers never leave a Kommune: a file that carries one is refused, not merged.
        var leak = file.Tables.Where(t => t.Unit == "Anzahl")
            .SelectMany(t => t.Rows.Append(t.Total).OfType<StatsCell>().Select(c => (Table: t.Title, Cell: c)))
            .FirstOrDefault(x => x.Cell.Value is { } v && Suppression.IsSmall((long)v));
        return leak.Cell is null
            ? (file, null)
            : (null, $"Die Datei enthält eine kleine Fallzahl ({leak.Table}: {leak.Cell.Label}) und wird nicht übernommen.");
    }
}
