using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lotse.BrowserTests;

[Collection(BrowserApp.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_case_manager_signs_in_and_lands_on_the_case_management_start_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await Expect(page.Heading("Anmelden")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "01-sign-in");

        await page.SignInAsync("fm.mitte@demo.lotse");

        await Expect(page.Heading("Guten Tag, Leyla Demir")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Fallmanagement", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Brückenwerk Emscher e. V.");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Benutzer" })).ToHaveCountAsync(0);
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "02-start-case-manager");

        await page.GetByRole(AriaRole.Link, new() { Name = "Mein Konto", Exact = true }).First.ClickAsync();
        await Expect(page.Heading("Mein Konto")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.SignOutAsync();
        await Expect(page.Heading("Anmelden")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_reported_next_to_the_form()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("fm.sued@demo.lotse", "das-ist-falsch");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("E-Mail-Adresse oder Passwort ist falsch.");
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_language_switch_shows_the_ui_in_english()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(page.Heading("Sign in")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Deutsch" }).ClickAsync();
        await Expect(page.Heading("Anmelden")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_legal_pages_are_reached_from_the_footer_without_signing_in_and_are_accessible()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        var footer = page.GetByRole(AriaRole.Contentinfo);
        foreach (var (link, shot) in new[] { ("Impressum", "50-impressum"), ("Datenschutzhinweise", "51-datenschutz"), ("Erklärung zur Barrierefreiheit", "52-barrierefreiheit") })
        {
            await footer.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync();
            await Expect(page.Heading(link)).ToBeVisibleAsync();
            await BrowserFixture.AssertAccessibleAsync(page);
            await browser.ScreenshotAsync(page, shot);
        }
    }
}
