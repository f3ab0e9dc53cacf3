using Lotse.Data;
using Lotse.Features.Clients;
using Lotse.Features.Clients.Matching;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Consents;

/// <summary>The printable consent form: German beside the client's language, right to left where the language is.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class FormModel(LotseDbContext db, ConsentService consents, ClientGate gate) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    /// <summary>Another language than the one recorded, e.g. to print a second copy.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Lang { get; set; }

    public Consent Consent { get; private set; } = null!;

    public ConsentFormText German => ConsentFormTexts.German;

    public ConsentFormText? Translation { get; private set; }

    public string OrganizationName { get; private set; } = string.Empty;

    public string BirthDate { get; private set; } = "…";

    public async Task<IActionResult> OnGetAsync()
    {
        var consent = await consents.FindAsync(Id, HttpContext.RequestAborted);
        if (consent?.Client is null || await gate.AdmitAsync(consent.Client, ClientOperation.Read, "ConsentForm", HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        Consent = consent;
        var language = string.IsNullOrWhiteSpace(Lang) ? consent.FormLanguage : Lang;
        Translation = ConsentFormTexts.Find(language) is { Language: not "de" } text ? text : null;
        OrganizationName = await db.Organizations.Where(o => o.Id == consent.OrganizationId).Select(o => o.Name).SingleAsync(HttpContext.RequestAborted);
        if (PartialDate.TryParse(consent.Client.BirthDate, out var birth))
        {
            BirthDate = birth.ToGermanString();
        }

        return Page();
    }
}
