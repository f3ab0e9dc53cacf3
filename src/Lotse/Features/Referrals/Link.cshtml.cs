using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Referrals;

/// <summary>
/// The answer page for a recipient without an account: a single-use, expiring link that shows only
/// the packet and offers the same answers as the inbox. Each answer spends the link; while the
/// referral stays open the page hands out the next one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting("sign-in")]
public sealed class LinkModel(LotseDbContext db, ReferralService referrals, AuditLog audit, PublicLinks links, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ReferralView? View { get; private set; }

    public AnswerChoices? Choices { get; private set; }

    /// <summary>The link for the next answer, shown once after an answer.</summary>
    public string? NextLink { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await LoadAsync() is null)
        {
            return Page();
        }

        if (View!.Packet is not null)
        {
            await audit.ReadAsync("ReferralPacket", View.Referral.Id, View.Referral.ClientId, "link," + string.Join(',', View.Referral.SharedFields.Select(Consents.DataCategories.Code)), HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Response.Headers.CacheControl = "no-store";
        if (await LoadAsync() is not { } link)
        {
            return Page();
        }

        if (ReferralRules.ParseAction(Answer.Action) is not { } action)
        {
            ModelState.AddModelError(string.Empty, localizer["Bitte wählen Sie eine Rückmeldung."]);
            Choices = Choices! with { Posted = Answer };
            return Page();
        }

        try
        {
            if (Version != View!.Referral.Version)
            {
                throw new RuleViolationException(string.Empty, "Die Vermittlung wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.");
            }

            var next = await referrals.ActAsync(View.Referral, action, ReferralSide.Recipient, null, Answer.ToAnswer(action), link, HttpContext.RequestAborted);
            NextLink = next is null ? null : links.Page("/Referrals/Link", new { token = next });
            Done = localizer["Vielen Dank. Ihre Rückmeldung ist gespeichert. Neuer Stand: {0}.", localizer[ReferralRules.StatusName(View.Referral.Status)]].Value;
            View = null;
            Choices = null;
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(string.Empty, localizer[violation.Key, [.. violation.Arguments]]);
            Choices = Choices! with { Posted = Answer };
        }

        return Page();
    }

    private async Task<ReferralLink?> LoadAsync()
    {
        if (await referrals.ResolveLinkAsync(Token, HttpContext.RequestAborted) is not var (referral, link))
        {
            return null;
        }

        View = await ReferralView.LoadAsync(db, referrals, referral, HttpContext.RequestAborted);
        Choices = await AnswerChoices.LoadAsync(db, referral, View.Packet is not null, Token, HttpContext.RequestAborted);
        return link;
    }
}
