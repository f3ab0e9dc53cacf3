using Lotse.Data;
using Lotse.Features.Catalogs;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Referrals;

/// <summary>What the receiving side posts, from the inbox or through an answer link.</summary>
public sealed class AnswerForm
{
    public string? Action { get; set; }

    public string? Reason { get; set; }

    public string? Outcome { get; set; }

    public Guid? ProposedOfferId { get; set; }

    public string? Note { get; set; }

    public ReferralAnswer ToAnswer(ReferralAction action) => new(action == ReferralAction.Complete ? Outcome : Reason, ProposedOfferId, Note);
}

/// <summary>The choices the answer actions need, for the inbox page and the answer-link page alike.</summary>
public sealed record AnswerChoices(
    Referral Referral,
    IReadOnlyList<ReferralAction> Actions,
    IReadOnlyList<SelectListItem> DeclineReasons,
    IReadOnlyList<SelectListItem> Outcomes,
    IReadOnlyList<SelectListItem> Offers,
    string? Token)
{
    /// <summary>What was posted when the answer was not saved: shown again as chosen and typed.</summary>
    public AnswerForm? Posted { get; init; }

    public static async Task<AnswerChoices> LoadAsync(LotseDbContext db, Referral referral, bool packetVisible, string? token, CancellationToken cancellationToken)
    {
        var actions = packetVisible ? ReferralRules.Available(referral.Status, ReferralSide.Recipient) : [];
        var declineReasons = (await CatalogLabels.LoadAsync(db, CatalogKind.ReferralDeclineReason, activeOnly: true, cancellationToken)).Select(e => new SelectListItem(e.Value, e.Key)).ToList();
        var outcomes = (await CatalogLabels.LoadAsync(db, CatalogKind.ReferralOutcome, activeOnly: true, cancellationToken)).Select(e => new SelectListItem(e.Value, e.Key)).ToList();
        var offers = actions.Contains(ReferralAction.Redirect)
            ? await db.Offers.Where(o => o.IsActive && o.Id != referral.OfferId && o.NeedAreaCodes.Contains(referral.NeedAreaCode)).OrderBy(o => o.Name)
                .Select(o => new SelectListItem(o.Name + " – " + o.Organization!.Name, o.Id.ToString())).ToListAsync(cancellationToken)
            : [];
        return new AnswerChoices(referral, actions, declineReasons, outcomes, offers, token);
    }
}
