using Lotse.Tests.Support;
using Microsoft.Playwright;

namespace Lotse.BrowserTests;

public static class PageExtensions
{
    public static async Task SignInAsync(this IPage page, string email, string password = FormClient.DemoPassword)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
    }

    public static Task SignOutAsync(this IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

    public static ILocator Heading(this IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 });
}
