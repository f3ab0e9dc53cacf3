using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lotse.BrowserTests;

[Collection(BrowserApp.Name)]
public sealed class CaseJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_case_manager_finds_the_duplicate_opens_a_case_and_works_it_through_to_my_day()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("fm.mitte@demo.lotse");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Klient:innen" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Neue Klient:in erfassen" }).ClickAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        // A transliteration variant of the demo client "Mohammed Al Hasan" (محمد الحسن), born 14.03.1988.
        await page.GetByLabel("Vorname(n)", new() { Exact = true }).FillAsync("Muhammad");
        await page.GetByLabel("Familienname", new() { Exact = true }).FillAsync("Alhasan");
        await page.GetByLabel("Geburtsdatum").FillAsync("1988-03-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und speichern" }).ClickAsync();

        var warning = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "Diese Person ist vielleicht schon erfasst" });
        await Expect(warning).ToBeVisibleAsync();
        var candidate = warning.GetByTestId("candidate").Filter(new() { HasText = "Mohammed Al Hasan" });
        await Expect(candidate).ToContainTextAsync("14.03.1988");
        await Expect(candidate).ToContainTextAsync("anderer Schreibweise");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "10-duplicate-check");

        await candidate.GetByRole(AriaRole.Link, new() { Name = "Fall eröffnen (Mohammed Al Hasan)" }).ClickAsync();
        await Expect(page.Heading("Fall eröffnen für Mohammed Al Hasan")).ToBeVisibleAsync();
        await page.GetByLabel("Zugangsweg").SelectOptionAsync(new SelectOptionValue { Label = "Jobcenter" });
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Fall eröffnen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("wurde eröffnet");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Phasen des Falls" })).ToContainTextAsync("Clearing");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Weiter zu „Assessment“" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Assessment erfassen" }).ClickAsync();
        await page.GetByLabel("Einschätzung: Sprache").SelectOptionAsync("2");
        await page.GetByLabel("Einschätzung: Arbeit & Beruf").SelectOptionAsync("1");
        await page.GetByLabel("Ressourcen: Arbeit & Beruf").FillAsync("Ausbildung als Elektriker in Aleppo");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Assessment speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Einschätzung je Handlungsfeld, 1 = akuter Handlungsbedarf bis 5 = selbstständig" }))
            .ToContainTextAsync("Arbeit & Beruf");

        var sections = page.GetByRole(AriaRole.Navigation, new() { Name = "Abschnitte des Falls" });
        await sections.GetByRole(AriaRole.Link, new() { Name = "Ziel vereinbaren" }).ClickAsync();
        await page.GetByLabel("Handlungsfeld", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Arbeit & Beruf" });
        await page.GetByLabel("Ziel", new() { Exact = true }).FillAsync("Berufsabschluss anerkennen lassen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ziel speichern" }).ClickAsync();
        var goal = page.Locator("article").Filter(new() { HasText = "Berufsabschluss anerkennen lassen" });
        await Expect(goal).ToBeVisibleAsync();

        await goal.GetByText("Schritt hinzufügen").ClickAsync();
        await goal.GetByLabel("Schritt", new() { Exact = true }).FillAsync("Zeugnisse übersetzen lassen");
        await goal.GetByLabel("Bis wann?").FillAsync(TimeProvider.System.GetLocalNow().Date.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await goal.GetByRole(AriaRole.Button, new() { Name = "Schritt speichern" }).ClickAsync();
        await Expect(page.Locator("article").Filter(new() { HasText = "Berufsabschluss anerkennen lassen" })).ToContainTextAsync("Zeugnisse übersetzen lassen");

        // A contact without its kind is not saved: focus and view go to the field that says why, what was typed stays.
        await sections.GetByRole(AriaRole.Link, new() { Name = "Kontakt erfassen" }).ClickAsync();
        await Expect(page.GetByLabel("Art", new() { Exact = true })).ToBeFocusedAsync();
        await page.GetByLabel("Dauer (Minuten)").FillAsync("45");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" }).ClickAsync();
        var kind = page.GetByLabel("Art", new() { Exact = true });
        await Expect(kind).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(kind).ToBeFocusedAsync();
        await Expect(kind).ToBeInViewportAsync();
        await Expect(page.GetByLabel("Dauer (Minuten)")).ToHaveValueAsync("45");
        await kind.SelectOptionAsync(new SelectOptionValue { Label = "persönlich im Büro" });
        await page.GetByLabel("Dauer (Minuten)").FillAsync("45");
        await page.GetByLabel("Mit Sprachmittlung").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kontakt speichern" }).ClickAsync();
        await Expect(page.Locator("#encounters")).ToContainTextAsync("persönlich im Büro");

        await page.GetByText("Frist eintragen", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Worum geht es?").FillAsync("Unterlagen für die Anerkennungsstelle");
        await page.GetByLabel("Fällig am").FillAsync(TimeProvider.System.GetLocalNow().Date.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Frist speichern" }).ClickAsync();
        await Expect(page.Locator("#deadlines")).ToContainTextAsync("Unterlagen für die Anerkennungsstelle");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Verlauf" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "11-case-page");

        await page.GetByRole(AriaRole.Link, new() { Name = "Zielvereinbarung drucken" }).ClickAsync();
        await Expect(page.Heading("Zielvereinbarung")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Zeugnisse übersetzen lassen");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zum Fall" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Fall abschließen" }).ClickAsync();
        await Expect(page.Heading("Fall abschließen")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Berufsabschluss anerkennen lassen");
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Mohammed Al Hasan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mohammed Al Hasan" }).ClickAsync();
        await Expect(page.Heading("Mohammed Al Hasan")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("محمد الحسن");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "12a-client");
        await page.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten" }).ClickAsync();
        await Expect(page.Heading("Akte bearbeiten")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Start" }).ClickAsync();
        var myDay = page.GetByTestId("myday-deadlines").First;
        await Expect(myDay).ToContainTextAsync("Unterlagen für die Anerkennungsstelle");
        await Expect(myDay).ToContainTextAsync("Mohammed Al Hasan");
        // Each box says how many wait in it.
        var deadlinesBox = page.Locator("section.app-myday__box").Filter(new() { Has = page.GetByTestId("myday-deadlines") }).First;
        var listed = await myDay.Locator("li").CountAsync();
        await Expect(deadlinesBox.GetByRole(AriaRole.Heading).GetByTestId("myday-count")).ToHaveTextAsync(listed.ToString(CultureInfo.InvariantCulture));
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "12-my-day");
    }

    [Fact]
    public async Task The_client_search_finds_people_across_scripts_as_you_type()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("fm.mitte@demo.lotse");
        await page.GotoAsync("/Clients");
        await page.GetByLabel("Name suchen – in jeder Schrift und Schreibweise").FillAsync("محمد الحسن");
        // The demo also holds a boy of the same name, born 2015; the adult is the one of 1988.
        await Expect(page.GetByTestId("candidate").Filter(new() { HasText = "Mohammed Al Hasan" }).Filter(new() { HasText = "14.03.1988" })).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "13-search");
    }

    [Theory]
    [InlineData("/Cases", "Fälle")]
    [InlineData("/Consultations", "Kurzberatung ohne Fall")]
    [InlineData("/Calendar", "Kalender")]
    [InlineData("/Encounters", "Meine Kontakte")]
    public async Task Every_case_work_page_is_accessible(string path, string heading)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("teamleitung@demo.lotse");
        await page.GotoAsync(path);
        await Expect(page.Heading(heading)).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_team_lead_sees_the_team_day_and_caseloads()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("teamleitung@demo.lotse");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Mein Team" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Fallzahlen je Fachkraft" })).ToContainTextAsync("Leyla Demir");
        await BrowserFixture.AssertAccessibleAsync(page);
        await browser.ScreenshotAsync(page, "14-team-day");
    }
}
