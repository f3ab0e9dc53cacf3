using System.Net;
using System.Text.Json.Nodes;
using Lotse.Tests.Support;

namespace Lotse.Tests.Reports;

/// <summary>
/// The demo's exchange file follows the documented schema, carries no small number, and merges with
/// a second Kommune's file into the state-level overview. On an installation of its own, because it
/// imports files.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed class StatsExchangeTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly LotseFactory app = new();
    private readonly string directory = Directory.CreateTempSubdirectory("lotse-stats-").FullName;

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)app).DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task An_export_from_the_demo_merges_with_a_second_Kommune_into_the_state_overview()
    {
        var year = app.Today.Year;
        var gelsenkirchen = Path.Combine(directory, "gelsenkirchen.json");
        var (code, lines) = await LotseCommand.RunAsync(app, "export-stats", "--from", $"{year}-01-01", "--to", $"{year}-12-31", "--out", gelsenkirchen, "--kommune", "Gelsenkirchen");
        Assert.True(code == 0, string.Join('\n', lines));

        var document = JsonNode.Parse(await File.ReadAllTextAsync(gelsenkirchen))!;
        var errors = HsdsSchemas.Validate(Path.Combine(Localization.TranslationTests.RepositoryRoot(), "docs"), "stats-exchange.schema.json", document);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        var counts = document["tables"]!.AsArray().Where(t => (string?)t!["unit"] == "Anzahl").SelectMany(t => t!["rows"]!.AsArray()).ToList();
        Assert.DoesNotContain(counts, c => (decimal?)c!["value"] is > 0 and < 5);
        Assert.Contains(counts, c => (string?)c!["shown"] == "< 5");
        var active = (decimal)document["tables"]!.AsArray().Single(t => (string?)t!["key"] == "cases")!["rows"]!.AsArray().Single(r => (string?)r!["key"] == "active")!["value"]!;

        // A second Kommune: the same shape, other figures.
        var bottrop = document.DeepClone();
        bottrop["kommune"] = "Bottrop";
        bottrop["tables"]!.AsArray().Single(t => (string?)t!["key"] == "cases")!["rows"]!.AsArray().Single(r => (string?)r!["key"] == "active")!["value"] = 40;
        var bottropPath = Path.Combine(directory, "bottrop.json");
        await File.WriteAllTextAsync(bottropPath, bottrop.ToJsonString());

        // A file with a small number in it is refused.
        var leaking = document.DeepClone();
        leaking["kommune"] = "Gladbeck";
        leaking["tables"]!.AsArray().Single(t => (string?)t!["key"] == "cases")!["rows"]!.AsArray().Single(r => (string?)r!["key"] == "closed")!["value"] = 3;
        var leakingPath = Path.Combine(directory, "gladbeck.json");
        await File.WriteAllTextAsync(leakingPath, leaking.ToJsonString());

        // The format itself forbids it: a JSON Schema validator refuses a count of 1 to 4, and a withheld count that says a number.
        var schemaDirectory = Path.Combine(Localization.TranslationTests.RepositoryRoot(), "docs");
        Assert.Contains(HsdsSchemas.Validate(schemaDirectory, "stats-exchange.schema.json", leaking), e => e.Contains("/value", StringComparison.Ordinal));
        var pretending = document.DeepClone();
        var pretendingCell = pretending["tables"]!.AsArray().Single(t => (string?)t!["key"] == "cases")!["rows"]!.AsArray().Single(r => (string?)r!["key"] == "closed")!;
        pretendingCell["value"] = null;
        pretendingCell["shown"] = "3";
        Assert.NotEmpty(HsdsSchemas.Validate(schemaDirectory, "stats-exchange.schema.json", pretending));
        foreach (var allowed in new[] { 0, 5, 17 })
        {
            var fine = document.DeepClone();
            var cell = fine["tables"]!.AsArray().Single(t => (string?)t!["key"] == "cases")!["rows"]!.AsArray().Single(r => (string?)r!["key"] == "closed")!;
            cell["value"] = allowed;
            cell["shown"] = allowed.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Empty(HsdsSchemas.Validate(schemaDirectory, "stats-exchange.schema.json", fine));
        }

        // A file without its rows is refused with a message, not a crash.
        var broken = Path.Combine(directory, "broken.json");
        await File.WriteAllTextAsync(broken, """{"schema":"lotse-kim-stats/1","kommune":"Herten","from":"2026-01-01","to":"2026-12-31","createdAt":"2026-12-01T00:00:00Z","tables":[{"key":"cases","title":"Fälle","unit":"Anzahl"}]}""");

        var (importCode, imported) = await LotseCommand.RunAsync(app, "import-stats", gelsenkirchen, bottropPath, leakingPath, broken);
        Assert.Equal(1, importCode);
        Assert.Contains("broken.json: Kommune, Zeitraum oder Tabellen fehlen.", imported);
        Assert.Contains(imported, l => l.StartsWith("gladbeck.json: Die Datei enthält eine kleine Fallzahl", StringComparison.Ordinal));
        Assert.Contains(imported, l => l.StartsWith("bottrop.json: imported Bottrop", StringComparison.Ordinal));

        using var browser = app.CreateBrowserLikeClient();
        await browser.SignInAsync("koordination@demo.lotse");
        var page = WebUtility.HtmlDecode(await browser.GetStringAsync("/State"));
        Assert.Contains("Bottrop", page, StringComparison.Ordinal);
        Assert.Contains("Gelsenkirchen", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Gladbeck", page, StringComparison.Ordinal);
        var row = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"state-cases\".*?data-key=\"active\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(row.Success, "no row 'aktiv' in the state overview");
        Assert.Contains((active + 40).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("de-DE")), row.Groups[1].Value, StringComparison.Ordinal);
    }
}
