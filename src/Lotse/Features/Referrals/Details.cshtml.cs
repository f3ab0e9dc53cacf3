using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Referrals;

/// <summary>The sending side's view of a referral: what was shared, the answers, sending, withdrawing and answer links.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class DetailsModel(LotseDbContext db, CaseGate gate, ReferralService referrals, PublicLinks links, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public Case Case { get; private set; } = null!;

    public ReferralView View { get; private set; } = null!;

    /// <summary>The packet as it was sent, which the sender always sees (it is the record of what was shared).</summary>
    public ReferralPacket? SentPacket { get; private set; }

    public string? NewLink { get; private set; }

    public IReadOnlyList<ReferralAction> Actions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public Task<IActionResult> OnPostSendAsync() => ActAsync(ReferralAction.Send);

    public Task<IActionResult> OnPostWithdrawAsync() => ActAsync(ReferralAction.Withdraw);

    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (await LoadAsync(CaseOperation.Edit) is { } refused)
        {
            return refused;
        }

        try
        {
            var token = await referrals.CreateLinkAsync(View.Referral, User.GetUserId()!.Value, HttpContext.RequestAborted);
            NewLink = links.Page("/Referrals/Link", new { token });
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(string.Empty, localizer[violation.Key, [.. violation.Arguments]]);
        }

        return Page();
    }

    private async Task<IActionResult> ActAsync(ReferralAction action)
    {
        if (await LoadAsync(CaseOperation.Edit) is { } refused)
        {
            return refused;
        }

        try
        {
            if (Version != View.Referral.Version)
            {
                throw new RuleViolationException(string.Empty, "Die Vermittlung wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.");
            }

            await referrals.ActAsync(View.Referral, action, ReferralSide.Sender, User.GetUserId(), new ReferralAnswer(Note: Note), cancellationToken: HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(string.Empty, localizer[violation.Key, [.. violation.Arguments]]);
            return Page();
        }

        TempData["Message"] = action == ReferralAction.Send ? localizer["Vermittlung gesendet."].Value : localizer["Vermittlung zurückgezogen; der Empfänger sieht die Angaben nicht mehr."].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync(CaseOperation? operation = null)
    {
        var referral = await referrals.FindAsync(Id, HttpContext.RequestAborted);
        if (referral is null || await gate.OpenAsync(referral.CaseId, operation ?? CaseOperation.Read, "Referral", HttpContext.RequestAborted) is not { } @case)
        {
            return NotFound();
        }

        Case = @case;
        View = await ReferralView.LoadAsync(db, referrals, referral, HttpContext.RequestAborted);
        SentPacket = ReferralService.ReadPacket(referral);
        Actions = ReferralRules.Available(referral.Status, ReferralSide.Sender);
        return null;
    }
}
