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
        await page.SignInAsync("koordination@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Bericht" }).ClickAsync();
        await Expect(page.Heading("KIM-Bericht")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("suppression-note")).ToBeVisibleAsync();
        var cases = page.GetByRole(AriaRole.Table, new() { Name = "Fälle" });
        await Expect(cases.GetByRole(AriaRole.Row, new() { Name = "aktiv" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Erreichte Personen nach Alter am Ende des Zeitraums" })).ToContainTextAsync("insgesamt");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "40-kim-report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Als XLSX herunterladen" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
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
        await page.SignInAsync("koordination@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await Expect(page.Heading(heading)).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, screenshot);
    }
}
