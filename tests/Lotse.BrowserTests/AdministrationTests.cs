using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lotse.BrowserTests;

[Collection(BrowserApp.Name)]
public sealed class AdministrationTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_creates_a_user_who_can_then_sign_in()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Benutzer" }).ClickAsync();
        await Expect(page.Heading("Benutzer")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "04-admin-users");

        await page.GetByRole(AriaRole.Link, new() { Name = "Neuer Benutzer" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.GetByText("Bitte geben Sie einen Namen ein.")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Mihaela Ionescu");
        await page.GetByLabel("E-Mail-Adresse (Anmeldename)").FillAsync("m.ionescu@demo.lotse");
        await page.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Nachbarschaftshilfe Ruhrbogen gGmbH" });
        await page.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Nachbarschaftshilfe Ruhrbogen gGmbH – Fallmanagement Süd" });
        await page.GetByLabel("Fallmanagement").CheckAsync();
        await page.GetByLabel("Anfangspasswort").FillAsync("Ein langer Anfangssatz 2026");
        await browser.ScreenshotAsync(page, "05-admin-new-user");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Benutzer m.ionescu@demo.lotse wurde gespeichert.");
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Mihaela Ionescu" })).ToContainTextAsync("Fallmanagement Süd");

        await page.SignOutAsync();
        await page.SignInAsync("m.ionescu@demo.lotse", "Ein langer Anfangssatz 2026");
        await Expect(page.Heading("Guten Tag, Mihaela Ionescu")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Banner)).ToContainTextAsync("Nachbarschaftshilfe Ruhrbogen gGmbH");
    }

    [Theory]
    [InlineData("Organisationen", "06-admin-organizations")]
    [InlineData("Teams", "07-admin-teams")]
    [InlineData("Bezirke", "08-admin-districts")]
    [InlineData("Kataloge", "09-admin-catalogs")]
    public async Task Every_administration_page_and_its_form_is_accessible(string area, string screenshot)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = area }).ClickAsync();
        await Expect(page.Heading(area)).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, screenshot);

        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link).Filter(new() { HasText = "Neu" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Speichern" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_admin_renames_a_district_and_sees_it_in_the_tree()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin@demo.lotse");
        await page.GotoAsync("/Admin/Districts");
        await page.GetByRole(AriaRole.Link, new() { Name = "Resser Mark" }).ClickAsync();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Resser Mark (Ost)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Resser Mark (Ost)");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Resser Mark (Ost)" })).ToBeVisibleAsync();
    }
}
