using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Offers;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Referrals;

/// <summary>
/// A new referral from a case: pick the purpose, an offer (suggested by need area, the client's
/// languages and district) or an authority, then the fields to share. The consent check runs before
/// anything leaves the organisation.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NewModel(
    LotseDbContext db,
    OfferService offers,
    ReferralService referrals,
    CaseGate gate,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid CaseId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? NeedArea { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? GoalId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OfferId { get; set; }

    /// <summary>An authority (Ausländerbehörde, Einbürgerungsbehörde, Jobcenter) for a request instead of an offer.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? AuthorityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<DataCategory> Fields { get; set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>"send", "draft", or "consent": keep it as a draft and record the consent it needs, then come back to it.</summary>
    [BindProperty]
    public string? Submit { get; set; }

    public Case Case { get; private set; } = null!;

    public Client Client => Case.Client!;

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<OfferSuggestion> Suggestions { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Authorities { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Goals { get; private set; } = [];

    public Offer? Offer { get; private set; }

    public string? RecipientName { get; private set; }

    public Guid? RecipientId { get; private set; }

    public ConsentCoverage.Result? Coverage { get; private set; }

    public IReadOnlyList<Consent> ActiveConsents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (RecipientId is not null && Fields.Count == 0)
        {
            // Start from what an active consent for this recipient and purpose already covers.
            var consent = ActiveConsents.FirstOrDefault(c => c.Recipients.Any(r => r.OrganizationId == RecipientId) && NeedArea is not null && c.PurposeCodes.Contains(NeedArea));
            Fields = consent is null ? [DataCategory.Name, DataCategory.Phone, DataCategory.Languages] : [.. consent.Categories.Where(c => c != DataCategory.Message)];
        }

        CheckCoverage();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        CheckCoverage();
        if (Submit == "consent" && Coverage is { IsCovered: true })
        {
            // Meanwhile a consent covers it (recorded in another tab): no detour, but nothing goes out unasked either.
            ModelState.AddModelError(string.Empty, localizer["Inzwischen deckt eine Einwilligung diese Vermittlung ab. Sie können sie jetzt senden."]);
            return Page();
        }

        try
        {
            var draft = new ReferralDraft(AuthorityId is null ? ReferralKind.Offer : ReferralKind.AuthorityRequest, OfferId, AuthorityId, NeedArea, GoalId, Fields, Message);
            var referral = await referrals.CreateAsync(Case, draft, User.GetUserId()!.Value, send: Submit is not ("draft" or "consent"), HttpContext.RequestAborted);
            if (Submit == "consent")
            {
                // Nothing is lost: the referral waits as a draft, and the consent form asks for exactly what it shares.
                return RedirectToPage("/Consents/New", new
                {
                    clientId = Client.Id,
                    recipients = referral.RecipientOrganizationId,
                    purposes = referral.NeedAreaCode,
                    categories = referral.SharedFields,
                    referralId = referral.Id,
                });
            }

            TempData["Message"] = referral.Status == ReferralStatus.Sent
                ? localizer["Vermittlung an {0} gesendet.", RecipientName ?? string.Empty].Value
                : localizer["Vermittlung als Entwurf gespeichert."].Value;
            return RedirectToPage("./Details", new { id = referral.Id });
        }
        catch (RuleViolationException violation)
        {
            // The purpose and the fields are chosen in steps above without messages of their own: every rule shows above the form.
            ModelState.AddRuleViolation(violation, localizer);
            CheckCoverage();
            return Page();
        }
    }

    private void CheckCoverage()
    {
        if (RecipientId is { } recipient && NeedArea is not null)
        {
            var fields = Fields.Where(f => f != DataCategory.Message).ToList();
            if (!string.IsNullOrWhiteSpace(Message))
            {
                fields.Add(DataCategory.Message);
            }

            Coverage = ConsentCoverage.Check(ActiveConsents, recipient, NeedArea, fields, DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenAsync(CaseId, CaseOperation.Edit, "Referral:new", HttpContext.RequestAborted) is not { } @case)
        {
            return NotFound();
        }

        Case = @case;
        await db.Entry(@case.Client!).Collection(c => c.ResidenceStatuses).LoadAsync(HttpContext.RequestAborted);
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, activeOnly: true, HttpContext.RequestAborted);
        var goals = await db.Goals.Where(g => g.CaseId == CaseId && g.Status == GoalStatus.Open).OrderBy(g => g.AgreedOn).ToListAsync(HttpContext.RequestAborted);
        Goals = [.. goals.Select(g => new SelectListItem($"{g.Title} ({NeedAreas.GetValueOrDefault(g.NeedAreaCode, g.NeedAreaCode)})", g.Id.ToString()))];
        if (GoalId is { } goalId && goals.FirstOrDefault(g => g.Id == goalId) is { } goal)
        {
            NeedArea ??= goal.NeedAreaCode;
        }

        Authorities = await db.Organizations.Where(o => o.IsActive && ReferralService.AuthorityKinds.Contains(o.Kind)).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(HttpContext.RequestAborted);
        if (OfferId is { } offerId)
        {
            Offer = await offers.FindAsync(offerId, HttpContext.RequestAborted);
            if (Offer is not null)
            {
                RecipientId = Offer.OrganizationId;
                RecipientName = Offer.Organization?.Name;
                NeedArea ??= Offer.NeedAreaCodes.FirstOrDefault();
            }
        }
        else if (AuthorityId is { } authorityId && Authorities.FirstOrDefault(a => a.Value == authorityId.ToString()) is { } authority)
        {
            RecipientId = authorityId;
            RecipientName = authority.Text;
        }

        if (NeedArea is not null && Offer is null && AuthorityId is null)
        {
            Suggestions = await offers.SuggestAsync(NeedArea, Client, 6, HttpContext.RequestAborted);
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        ActiveConsents = [.. (await db.Consents.Include(c => c.Recipients).Where(c => c.ClientId == Client.Id && c.WithdrawnAt == null).ToListAsync(HttpContext.RequestAborted))
            .Where(c => c.IsActiveOn(today))];
        return null;
    }
}
