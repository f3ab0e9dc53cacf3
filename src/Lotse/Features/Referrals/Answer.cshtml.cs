using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Catalogs;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Referrals;

/// <summary>The receiving side's view of one referral: the packet and nothing else of the case, and the answers.</summary>
[Authorize(Policy = Policies.Inbox)]
public sealed class AnswerModel(LotseDbContext db, ReferralService referrals, ReferralGate gate, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public AnswerForm Answer { get; set; } = new();

    [BindProperty]
    public int Version { get; set; }

    public ReferralView View { get; private set; } = null!;

    public AnswerChoices Choices { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        await AuditPacketAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (ReferralRules.ParseAction(Answer.Action) is not { } action)
        {
            ModelState.AddModelError(string.Empty, localizer["Bitte wählen Sie eine Rückmeldung."]);
            Choices = Choices with { Posted = Answer };
            return Page();
        }

        try
        {
            if (Version != View.Referral.Version)
            {
                throw new RuleViolationException(string.Empty, "Die Vermittlung wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.");
            }

            await referrals.ActAsync(View.Referral, action, ReferralSide.Recipient, User.GetUserId(), Answer.ToAnswer(action), cancellationToken: HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(string.Empty, localizer[violation.Key, [.. violation.Arguments]]);
            await LoadAsync();
            Choices = Choices with { Posted = Answer };
            return Page();
        }

        TempData["Message"] = localizer["Rückmeldung gespeichert. Neuer Stand: {0}.", localizer[ReferralRules.StatusName(View.Referral.Status)]].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task AuditPacketAsync()
    {
        if (View.Packet is not null)
        {
            await audit.ReadAsync("ReferralPacket", View.Referral.Id, View.Referral.ClientId,
                string.Join(',', View.Referral.SharedFields.Select(Consents.DataCategories.Code)), HttpContext.RequestAborted);
        }
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenForRecipientAsync(Id, HttpContext.RequestAborted) is not { } referral)
        {
            return NotFound();
        }

        View = await ReferralView.LoadAsync(db, referrals, referral, HttpContext.RequestAborted);
        Choices = await AnswerChoices.LoadAsync(db, referral, View.Packet is not null, null, HttpContext.RequestAborted);
        return null;
    }
}

/// <summary>A referral as either side sees it: labels resolved, the packet only while it is visible.</summary>
public sealed record ReferralView(
    Referral Referral,
    ReferralPacket? Packet,
    string StatusLabel,
    string NeedArea,
    string? DeclineReason,
    string? Outcome,
    bool Overdue,
    DateOnly? AnswerDue,
    IReadOnlyDictionary<string, string> Statuses,
    IReadOnlyDictionary<Guid, string> UserNames,
    IReadOnlyDictionary<string, string> Reasons)
{
    public static async Task<ReferralView> LoadAsync(LotseDbContext db, ReferralService referrals, Referral referral, CancellationToken cancellationToken)
    {
        var statuses = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralStatus, cancellationToken: cancellationToken);
        var needAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: cancellationToken);
        var declines = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralDeclineReason, cancellationToken: cancellationToken);
        var outcomes = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralOutcome, cancellationToken: cancellationToken);
        var reasons = declines.Concat(outcomes).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Value);
        var userIds = referral.Events.Where(e => e.UserId != null).Select(e => e.UserId!.Value).Distinct().ToList();
        var users = userIds.Count == 0 ? [] : await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new ReferralView(
            referral,
            referrals.PacketVisible(referral) ? ReferralService.ReadPacket(referral) : null,
            statuses.GetValueOrDefault(ReferralRules.StatusCode(referral.Status), referral.Status.ToString()),
            needAreas.GetValueOrDefault(referral.NeedAreaCode, referral.NeedAreaCode),
            referral.DeclineReasonCode is { } d ? declines.GetValueOrDefault(d, d) : null,
            referral.OutcomeCode is { } o ? outcomes.GetValueOrDefault(o, o) : null,
            referrals.IsOverdue(referral),
            referral.SentAt is null ? null : referrals.AnswerDue(referral),
            statuses,
            users,
            reasons);
    }
}
