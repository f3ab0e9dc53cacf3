using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features;

[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string Title { get; private set; } = string.Empty;

    public string Text { get; private set; } = string.Empty;

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        (Title, Text) = code switch
        {
            404 => (localizer["Seite nicht gefunden"].Value, localizer["Die Adresse gibt es nicht (mehr). Prüfen Sie den Link oder beginnen Sie auf der Startseite."].Value),
            403 => (localizer["Kein Zugriff"].Value, localizer["Ihre Rolle berechtigt Sie nicht zu dieser Seite."].Value),
            429 => (localizer["Zu viele Versuche"].Value, localizer["Bitte warten Sie eine Minute und versuchen Sie es dann erneut."].Value),
            400 => (localizer["Ungültige Anfrage"].Value, localizer["Das Formular war veraltet oder unvollständig. Laden Sie die Seite neu und versuchen Sie es noch einmal."].Value),
            _ => (localizer["Ein Fehler ist aufgetreten"].Value, localizer["Ihre Eingaben sind nicht verloren gegangen, wurden aber nicht gespeichert. Bitte versuchen Sie es erneut."].Value),
        };
        RequestId = code is null or >= 500 ? Activity.Current?.Id ?? HttpContext.TraceIdentifier : null;
    }
}
