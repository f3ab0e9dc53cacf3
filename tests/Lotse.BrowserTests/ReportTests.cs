using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lotse.BrowserTests;

[Collection(BrowserApp.Name)]
public sealed class ReportTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_coordinator_sees_the_KIM_report_with_small_numbers_protected_and_downloads_it()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.SignInAsync("koordination@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Bericht" }).ClickAsync();
        await Expect(page.Heading("KIM-Bericht")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("suppression-note")).ToBeVisibleAsync();
        var cases = page.GetByRole(AriaRole.Table, new() { Name = "Fälle" });
        await Expect(cases.GetByRole(AriaRole.Row, new() { Name = "aktiv" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Erreichte Personen nach Alter am Ende des Zeitraums" })).ToContainTextAsync("insgesamt");

        // Every chart is drawn from its table: a bar per shown figure, none for "< 5" or "•", no total.
        var charts = await page.EvaluateAsync<ChartCheck[]>("""
            () => Array.from(document.querySelectorAll("canvas[data-chart-for]")).map(canvas => {
                const table = document.getElementById(canvas.dataset.chartFor);
                const chart = Chart.getChart(canvas);
                const rows = Array.from(table.tBodies[0].rows).filter(r => r.dataset.key !== "total");
                return {
                    table: table.caption.textContent.trim(),
                    drawn: !!chart && canvas.width > 0,
                    bars: chart ? chart.data.datasets[0].data.map(v => v === null ? "hidden" : String(v)) : [],
                    cells: rows.map(r => { const t = r.cells[1].textContent.trim(); return t === "< 5" || t === "•" || t === "–" ? "hidden" : t.replaceAll(".", "").replace(",", "."); })
                };
            })
            """);
        Assert.True(charts.Length >= 10, $"only {charts.Length} charts");
        Assert.Contains(charts, c => c.Table == "Neue Fälle nach Zugangsweg");
        Assert.Contains(charts, c => c.Cells.Contains("hidden"));
        foreach (var chart in charts)
        {
            Assert.True(chart.Drawn, chart.Table);
            Assert.Equal(chart.Cells, chart.Bars);
        }
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "40-kim-report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Als XLSX herunterladen" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);

        // Last year, a period that is over: its first print is recorded and said, on a wide and a narrow screen.
        var lastYear = (TimeProvider.System.GetLocalNow().Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await page.GetByRole(AriaRole.Link, new() { Name = lastYear, Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("first-print")).ToContainTextAsync("Erstmals ausgegeben am");
        await Expect(page.GetByTestId("suppression-note")).ToContainTextAsync("verrauscht");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(1366, 900);
        await browser.ScreenshotAsync(page, "40b-kim-report-last-year-1366");
        await page.SetViewportSizeAsync(390, 844);
        await browser.ScreenshotAsync(page, "40c-kim-report-last-year-390");
    }

    [Theory]
    [InlineData("Bedarfe", "Was brauchen die Menschen?", "41-needs")]
    [InlineData("Fallbelastung", "Fallbelastung und Kapazität", "42-caseload")]
    [InlineData("Stellen", "Stellen und Förderung", "43-positions")]
    [InlineData("Systemhinweise", "Systemhinweise", "44-barriers")]
    [InlineData("Land", "Landesübersicht", "45-state")]
    public async Task Every_steering_page_is_accessible(string link, string heading, string screenshot)
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{message.Text} ({message.Location})");
            }
        };
        await page.SignInAsync("koordination@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(page.Heading(heading)).ToBeVisibleAsync();
        var undrawn = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('canvas[data-chart-for]')).filter(c => !(window.Chart && Chart.getChart(c))).length");
        Assert.Equal(0, undrawn);
        if (link == "Bedarfe")
        {
            await Expect(page.Locator("canvas[data-chart-for=needs-table]")).ToHaveCountAsync(1);
        }
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, screenshot);
    }

    private sealed class ChartCheck
    {
        public string Table { get; set; } = "";
        public bool Drawn { get; set; }
        public string[] Bars { get; set; } = [];
        public string[] Cells { get; set; } = [];
    }
}
