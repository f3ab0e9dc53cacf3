using Lotse.Data;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Clients;

[Authorize(Policy = Policies.CaseWork)]
public sealed class EditModel(
    LotseDbContext db,
    ClientService clients,
    ClientGate gate,
    IStringLocalizer<SharedResource> localizer) : PageModel, IClientFormPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ClientForm Form { get; set; } = new();

    public ClientFormChoices Choices { get; private set; } = new();

    /// <summary>After a refused save: the fields someone else changed meanwhile, with their stored values.</summary>
    public IReadOnlyList<(string Field, string? Stored)> ChangedMeanwhile { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var client = await LoadAsync();
        if (client is null)
        {
            return NotFound();
        }

        Form = ClientForm.From(client);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var client = await LoadAsync();
        if (client is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            if (!await clients.UpdateAsync(client, Form.ToInput(), Form.Version, HttpContext.RequestAborted))
            {
                if (await LoadAsync() is not { } stored)
                {
                    return NotFound();
                }

                ChangedMeanwhile = Differences(ClientForm.From(stored), Form);
                Form.Version = stored.Version;
                ModelState.Remove("Form.Version");
                ModelState.AddModelError(string.Empty, localizer["Jemand anderes hat diese Akte gespeichert, während Sie sie bearbeitet haben. Ihre Änderungen wurden nicht gespeichert. Prüfen Sie die unten genannten Felder und speichern Sie erneut."]);
                return Page();
            }
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, Form, "Form.");
            return Page();
        }

        TempData["Message"] = localizer["Die Akte wurde gespeichert."].Value;
        return RedirectToPage("./Details", new { id = Id });
    }

    private async Task<Client?> LoadAsync()
    {
        Choices = await ClientFormChoices.LoadAsync(db, localizer);
        db.ChangeTracker.Clear();
        return await gate.OpenAsync(Id, ClientOperation.Edit, cancellationToken: HttpContext.RequestAborted);
    }

    private static List<(string, string?)> Differences(ClientForm stored, ClientForm mine) =>
        [.. typeof(ClientForm).GetProperties()
            .Where(p => p.Name != nameof(ClientForm.Version))
            .Where(p => !Equals(p.GetValue(stored), p.GetValue(mine)))
            .Select(p => (p.Name, p.GetValue(stored)?.ToString()))];
}
