using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;
using Lotse.Features.Referrals;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Consents;

/// <summary>Recording a consent: each recipient, purpose and data category named, in the client's language.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NewModel(LotseDbContext db, ConsentService consents, ClientGate gate, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty]
    public ConsentKind Kind { get; set; } = ConsentKind.Sharing;

    [BindProperty(SupportsGet = true)]
    public List<Guid> Recipients { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<string> Purposes { get; set; } = [];

    [BindProperty]
    public string? PurposeText { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<DataCategory> Categories { get; set; } = [];

    /// <summary>The draft referral this consent is recorded for; saving returns to it, ready to send.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? ReferralId { get; set; }

    [BindProperty]
    public DateOnly? GivenOn { get; set; }

    [BindProperty]
    public DateOnly? ValidUntil { get; set; }

    [BindProperty]
    public string? FormLanguage { get; set; }

    [BindProperty]
    public bool SignedCopyOnFile { get; set; }

    public Client Client { get; private set; } = null!;

    public IReadOnlyList<Organization> RecipientChoices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IEnumerable<SelectListItem> FormLanguages => ConsentFormTexts.All.Where(t => t.Language != "de")
        .Select(t => new SelectListItem($"{Languages.Name(t.Language)} ({t.LanguageName})", t.Language));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        GivenOn = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        FormLanguage = Client.Languages.FirstOrDefault(l => l != "de" && ConsentFormTexts.Find(l) is not null);
        if (Categories.Count == 0)
        {
            Categories = [DataCategory.Name, DataCategory.Phone, DataCategory.Languages];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        try
        {
            var consent = await consents.RecordAsync(Client.Id, Client.OrganizationId, User.GetUserId()!.Value,
                new ConsentInput(Kind, Recipients, Purposes, PurposeText, Categories, GivenOn, ValidUntil, FormLanguage, SignedCopyOnFile),
                HttpContext.RequestAborted);
            if (ReferralId is { } referralId && await db.Referrals.AsNoTracking()
                .FirstOrDefaultAsync(r => r.Id == referralId && r.ClientId == Client.Id && r.Status == ReferralStatus.Draft, HttpContext.RequestAborted) is { } referral)
            {
                // Back to the waiting referral, and say truthfully whether what was recorded covers it.
                var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
                var active = await db.Consents.Include(c => c.Recipients).Where(c => c.ClientId == Client.Id && c.WithdrawnAt == null).ToListAsync(HttpContext.RequestAborted);
                var covered = ConsentCoverage.Check(active, referral.RecipientOrganizationId, referral.NeedAreaCode, referral.SharedFields, today).IsCovered;
                TempData["Message"] = covered
                    ? localizer["Einwilligung gespeichert. Die Vermittlung ist bereit zum Senden."].Value
                    : localizer["Einwilligung gespeichert. Sie deckt die Vermittlung noch nicht ganz ab: Empfänger, Zweck und alle geteilten Angaben müssen genannt sein."].Value;
                return RedirectToPage("/Referrals/Details", new { id = referralId });
            }

            TempData["Message"] = localizer["Einwilligung gespeichert."].Value;
            return RedirectToPage("./Details", new { id = consent.Id });
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, this);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenAsync(ClientId, ClientOperation.Edit, "Consents", HttpContext.RequestAborted) is not { } client)
        {
            return NotFound();
        }

        Client = client;
        RecipientChoices = await consents.RecipientChoicesAsync(client.OrganizationId, HttpContext.RequestAborted);
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, activeOnly: true, HttpContext.RequestAborted);
        return null;
    }
}
