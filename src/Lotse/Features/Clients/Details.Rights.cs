using Lotse.Security;
using Microsoft.AspNetCore.Mvc;

namespace Lotse.Features.Clients;

/// <summary>The rights section: legal hold, restriction of processing (Art. 18) and erasure (Art. 17).</summary>
public sealed partial class DetailsModel
{
    /// <summary>When the retention job will anonymise the person (null while a case is open).</summary>
    public DateOnly? RetentionDue { get; private set; }

    [BindProperty]
    public string? LegalHoldReason { get; set; }

    [BindProperty]
    public string? ErasureReference { get; set; }

    [BindProperty]
    public bool ErasureConfirmed { get; set; }

    public async Task<IActionResult> OnPostLegalHoldAsync(bool lift)
    {
        if (await LoadAsync(ClientOperation.ExerciseRights) is { } refused)
        {
            return refused;
        }

        try
        {
            await clients.SetLegalHoldAsync(Client, lift ? null : LegalHoldReason, HttpContext.RequestAborted);
            TempData["Message"] = localizer[lift ? "Aufbewahrungspflicht aufgehoben." : "Aufbewahrungspflicht gesetzt: Die Person wird nicht anonymisiert, solange sie besteht."].Value;
        }
        catch (RuleViolationException violation)
        {
            TempData["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
        }

        return RedirectToPage(null, null, new { id = Id }, "retention");
    }

    public async Task<IActionResult> OnPostEraseAsync()
    {
        if (await LoadAsync(ClientOperation.ExerciseRights) is { } refused)
        {
            return refused;
        }

        if (!ErasureConfirmed)
        {
            ModelState.AddModelError(nameof(ErasureConfirmed), localizer["Bitte bestätigen Sie, dass die Person gelöscht werden soll."]);
            return Page();
        }

        try
        {
            await anonymiser.AnonymiseAsync(Client.Id, Privacy.AnonymisationKind.Erasure, ErasureReference, HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(nameof(ErasureConfirmed), localizer[violation.Key, [.. violation.Arguments]]);
            return Page();
        }

        TempData["Message"] = localizer["Die Person wurde gelöscht (Art. 17 DSGVO). Für die Statistik bleiben nur anonyme Angaben."].Value;
        return RedirectToPage("./Index");
    }

    [BindProperty]
    public string? RestrictionReason { get; set; }

    public async Task<IActionResult> OnPostRestrictAsync(bool lift)
    {
        if (await LoadAsync(ClientOperation.ExerciseRights) is { } refused)
        {
            return refused;
        }

        try
        {
            if (lift)
            {
                await clients.LiftRestrictionAsync(Client, HttpContext.RequestAborted);
                TempData["Message"] = localizer["Einschränkung aufgehoben."].Value;
            }
            else
            {
                await clients.RestrictAsync(Client, User.GetUserId()!.Value, RestrictionReason, HttpContext.RequestAborted);
                TempData["Message"] = localizer["Verarbeitung eingeschränkt (Art. 18 DSGVO). Die Daten sind nur noch lesbar."].Value;
            }
        }
        catch (RuleViolationException violation)
        {
            TempData["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
        }

        return RedirectToPage(new { id = Id });
    }
}
