using System.Diagnostics;
using System.Globalization;
using Lotse.Features.Reports;
using Lotse.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Reports;

/// <summary>
/// The XLSX export is a real spreadsheet: LibreOffice (Debian's, installed by test.sh) opens it and
/// converts it to CSV with the same figures the screen shows.
/// </summary>
public sealed class XlsxInLibreOfficeTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    [Fact]
    public async Task LibreOffice_reads_the_XLSX_export_with_the_figures_of_the_screen()
    {
        KimReportData report;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var today = app.Today;
            report = await scope.ServiceProvider.GetRequiredService<KimReportService>()
                .BuildAsync(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31), new ReportScope(), suppress: true, CancellationToken.None);
        }

        var directory = Directory.CreateTempSubdirectory("lotse-xlsx-").FullName;
        var xlsx = Path.Combine(directory, "bericht.xlsx");
        await File.WriteAllBytesAsync(xlsx, ReportFiles.Xlsx(report));
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        Assert.True(soffice is not null, "LibreOffice is missing: ./test.sh installs libreoffice-calc-nogui from Debian.");
        using var process = Process.Start(new ProcessStartInfo(soffice!, ["--headless", $"-env:UserInstallation=file://{directory}/profile", "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1", "--outdir", directory, xlsx])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var finished = process.WaitForExit(TimeSpan.FromMinutes(2));
        Assert.True(finished && process.ExitCode == 0, await process.StandardError.ReadToEndAsync());

        var lines = (await File.ReadAllLinesAsync(Path.Combine(directory, "bericht.csv"))).Select(Split).ToList();
        Assert.Equal(["Tabelle", "Merkmal", "Wert", "Anzeige", "Einheit"], lines[0]);
        var expected = report.Tables.SelectMany(t => t.Rows.Concat(t.Total is null ? [] : [t.Total]).Select(c => (Table: t.Title, c.Label, Shown: c.Display(ReportFiles.Format(c)), c.Released))).ToList();
        Assert.Equal(expected.Count, lines.Count - 1);
        for (var i = 0; i < expected.Count; i++)
        {
            var (table, label, shown, released) = expected[i];
            var line = lines[i + 1];
            Assert.Equal((table, label, shown), (line[0], line[1], line[3]));
            Assert.Equal(released, line[2].Length == 0 ? null : decimal.Parse(line[2].Replace(',', '.'), CultureInfo.InvariantCulture));
        }

        Assert.Contains(expected, e => e.Shown == "< 5");
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A semicolon CSV line with double-quoted fields.</summary>
    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted && ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ';' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
