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

    /// <summary>
    /// Fails with the list of violations when the page breaks a WCAG 2.0/2.1 A or AA rule, at the page's
    /// desktop width and again on a phone (390 px), where it must also not be wider than the screen.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        await AssertAxeAsync(page, "desktop");
        var desktop = page.ViewportSize;
        await page.SetViewportSizeAsync(390, 844);
        try
        {
            // The page's own resize handling runs before the next frame is drawn.
            await page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => done()))");
            await AssertAxeAsync(page, "390 px");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, innerWidth) = (widths[0], widths[1]);
            var wide = await page.EvaluateAsync<string[]>(
                "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.kern-table-responsive, details:not([open])')).slice(0, 5).map(e => e.tagName + '.' + e.className)");
            Assert.True(scrollWidth <= innerWidth, $"{page.Url} is {scrollWidth} px wide on a {innerWidth} px phone: {string.Join(", ", wide)}");
        }
        finally
        {
            if (desktop is not null)
            {
                await page.SetViewportSizeAsync(desktop.Width, desktop.Height);
            }
        }
    }

    private static async Task AssertAxeAsync(IPage page, string width)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag21a", "wcag2aa", "wcag21aa"] },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} – {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
        Assert.True(result.Violations.Length == 0, $"Accessibility violations on {page.Url} at {width}:\n{string.Join('\n', violations)}");
    }

    /// <summary>The whole page at its width and again as a phone sees it (390 px), for looking at both.</summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
        var width = page.ViewportSize;
        if (width is null || width.Width <= 390)
        {
            return;
        }

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + "-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(width.Width, width.Height);
    }
}
#pragma warning restore CA1001

[CollectionDefinition(Name)]
public sealed class BrowserApp : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
