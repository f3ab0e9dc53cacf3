using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Lotse.Tests.Support;
using Microsoft.Playwright;

namespace Lotse.BrowserTests;

/// <summary>
/// Lotse with the demo on a real Kestrel port, and Debian's Chromium driven by Playwright.
/// Shared by all browser tests of the assembly.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed class BrowserFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private readonly LotseFactory app = new();
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The app under test, for arranging data through its API and commands.</summary>
    public LotseFactory App => app;

    public Uri BaseAddress { get; private set; } = null!;

    public string ScreenshotDirectory { get; } =
        Environment.GetEnvironmentVariable("LOTSE_SCREENSHOTS") is { Length: > 0 } directory
            ? directory
            : Path.Combine(Path.GetTempPath(), "lotse-screenshots");

    public async Task InitializeAsync()
    {
        app.UseKestrel(0);
        await app.InitializeAsync();
        BaseAddress = app.ClientOptions.BaseAddress;
        Directory.CreateDirectory(ScreenshotDirectory);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("LOTSE_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright?.Dispose();
        await ((IAsyncLifetime)app).DisposeAsync();
    }

    /// <summary>A fresh browser context (own cookies) with German locale and a desktop viewport.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "de-DE",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Fails with the list of violations when the page breaks a WCAG 2.1 AA rule.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        Assert.True(result.Violations.Length == 0, $"Accessibility violations on {page.Url}:\n{string.Join('\n', violations)}");
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}
#pragma warning restore CA1001

[CollectionDefinition(Name)]
public sealed class BrowserApp : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
