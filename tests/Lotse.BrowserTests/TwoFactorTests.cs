using Lotse.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lotse.BrowserTests;

[Collection(BrowserApp.Name)]
public sealed class TwoFactorTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_user_enrols_a_totp_app_and_then_signs_in_with_the_second_factor()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("fm.nord@demo.lotse");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mein Konto", Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Zweiten Faktor verwalten" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-Code für die Authenticator-App" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "03-totp-enrolment");
        var key = await page.GetByTestId("shared-key").InnerTextAsync();

        await page.GetByLabel("Code aus der App").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Zweiten Faktor einrichten" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Der zweite Faktor ist eingerichtet.");
        await Expect(page.GetByTestId("recovery-code")).ToHaveCountAsync(10);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.SignOutAsync();
        await page.SignInAsync("fm.nord@demo.lotse");
        await Expect(page.Heading("Zweiter Faktor")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Code").FillAsync("123456");
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Der Code ist falsch oder abgelaufen.");

        await page.GetByLabel("Code").FillAsync(Totp.Code(key));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
        await Expect(page.Heading("Guten Tag, Jonas Becker")).ToBeVisibleAsync();
    }
}
