using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lotse.BrowserTests;

[Collection(BrowserApp.Name)]
public sealed class PrivacyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_case_manager_files_a_scanned_letter_sets_a_legal_hold_and_erases_a_person()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("fm.mitte@demo.lotse");
        await page.GotoAsync("/Clients/New");
        await page.GetByLabel("Vorname(n)", new() { Exact = true }).FillAsync("Olena");
        await page.GetByLabel("Familienname", new() { Exact = true }).FillAsync("Kravchuk-Browser");
        await page.GetByLabel("Geburtsdatum").FillAsync("1987-02-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und speichern" }).ClickAsync();
        await Expect(page.Heading("Olena Kravchuk-Browser")).ToBeVisibleAsync();

        // A web page calling itself a PDF is refused next to the field, and nothing is stored.
        await page.GetByText("Dokument hochladen").ClickAsync();
        await page.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "Bescheid.pdf", MimeType = "application/pdf", Buffer = "<html>kein PDF</html>"u8.ToArray() });
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Erlaubt sind PDF, JPEG, PNG und TIFF");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByLabel("Datei").SetInputFilesAsync(new FilePayload { Name = "Bescheid Jobcenter.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4\n%%EOF"u8.ToArray() });
        await page.GetByLabel("Beschreibung").FillAsync("Bewilligungsbescheid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Dokument „Bescheid Jobcenter.pdf“ gespeichert.");
        await Expect(page.GetByTestId("documents")).ToContainTextAsync("Bewilligungsbescheid");

        await page.GetByText("Aufbewahrung und Löschung (Art. 17 DSGVO)").ClickAsync();
        await page.GetByLabel("Grund der Aufbewahrungspflicht").FillAsync("Widerspruchsverfahren Jobcenter, Az. W 123/26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aufbewahrungspflicht setzen" }).ClickAsync();
        await Expect(page.GetByTestId("retention-due")).ToContainTextAsync("Die Person wird nicht anonymisiert.");
        await page.GetByText("Aufbewahrung und Löschung (Art. 17 DSGVO)").ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "30-client-documents-retention");

        // Erasure is refused while the hold stands, then done once it is lifted.
        await page.GetByLabel("Ich habe geprüft", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Aufbewahrungspflicht (Legal Hold) ist gesetzt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Aufbewahrungspflicht aufheben" }).ClickAsync();
        await page.GetByText("Aufbewahrung und Löschung (Art. 17 DSGVO)").ClickAsync();
        await page.GetByLabel("Vorgangsnummer des Antrags").FillAsync("DS-2026-041");
        await page.GetByLabel("Ich habe geprüft", new() { Exact = false }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Die Person wurde gelöscht (Art. 17 DSGVO).");
        await page.GetByRole(AriaRole.Searchbox).First.FillAsync("Kravchuk-Browser");
        await Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync("Olena");
    }

    [Fact]
    public async Task The_data_protection_officer_sees_what_retention_will_do_and_the_erasure_register()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("datenschutz@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Aufbewahrung" }).ClickAsync();
        await Expect(page.Heading("Aufbewahrung und Löschung")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Probelauf" }).ClickAsync();
        await Expect(page.GetByTestId("dry-run")).ToContainTextAsync("Probelauf:");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "31-retention");
    }
}
