namespace Lotse.Features.Referrals;

/// <summary>The actions on a referral; their codes are the API's <c>/api/v1/referrals/{id}/{action}</c>.</summary>
public enum ReferralAction
{
    Send = 1,
    Withdraw = 2,
    Accept = 3,
    Decline = 4,
    Redirect = 5,
    Start = 6,
    Complete = 7,
    NotAttended = 8,
}

/// <summary>Who acts: the sending case manager or the receiving organisation.</summary>
public enum ReferralSide
{
    Sender = 1,
    Recipient = 2,
}

/// <summary>The lifecycle of DOMAIN.md as one table: which action moves which status where, and who may take it.</summary>
public static class ReferralRules
{
    public static IReadOnlyList<ReferralStatus> Terminal { get; } =
        [ReferralStatus.Declined, ReferralStatus.Completed, ReferralStatus.NotAttended, ReferralStatus.Redirected, ReferralStatus.Withdrawn];

    private static readonly Dictionary<ReferralAction, (ReferralSide Side, ReferralStatus[] From, ReferralStatus To)> Table = new()
    {
        [ReferralAction.Send] = (ReferralSide.Sender, [ReferralStatus.Draft], ReferralStatus.Sent),
        [ReferralAction.Withdraw] = (ReferralSide.Sender, [ReferralStatus.Draft, ReferralStatus.Sent, ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.Withdrawn),
        [ReferralAction.Accept] = (ReferralSide.Recipient, [ReferralStatus.Sent], ReferralStatus.Accepted),
        // Declining is the answer to a request; once accepted, the ways out are another offer or "not attended".
        [ReferralAction.Decline] = (ReferralSide.Recipient, [ReferralStatus.Sent], ReferralStatus.Declined),
        [ReferralAction.Redirect] = (ReferralSide.Recipient, [ReferralStatus.Sent, ReferralStatus.Accepted], ReferralStatus.Redirected),
        [ReferralAction.Start] = (ReferralSide.Recipient, [ReferralStatus.Sent, ReferralStatus.Accepted], ReferralStatus.InProgress),
        [ReferralAction.Complete] = (ReferralSide.Recipient, [ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.Completed),
        [ReferralAction.NotAttended] = (ReferralSide.Recipient, [ReferralStatus.Accepted, ReferralStatus.InProgress], ReferralStatus.NotAttended),
    };

    public static ReferralSide SideOf(ReferralAction action) => Table[action].Side;

    public static ReferralStatus? Target(ReferralAction action, ReferralStatus from) =>
        Table[action].From.Contains(from) ? Table[action].To : null;

    /// <summary>The actions open to one side in a status, in the order the UI offers them.</summary>
    public static IReadOnlyList<ReferralAction> Available(ReferralStatus status, ReferralSide side) =>
        [.. Table.Where(t => t.Value.Side == side && t.Value.From.Contains(status)).Select(t => t.Key)];

    public static string Code(ReferralAction action) => action switch
    {
        ReferralAction.NotAttended => "not-attended",
        _ => action.ToString().ToLowerInvariant(),
    };

    public static ReferralAction? ParseAction(string? code) =>
        Enum.GetValues<ReferralAction>().Cast<ReferralAction?>().FirstOrDefault(a => Code(a!.Value) == code);

    /// <summary>The code of the <c>ReferralStatus</c> catalogue entry that labels a status.</summary>
    public static string StatusCode(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "entwurf",
        ReferralStatus.Sent => "gesendet",
        ReferralStatus.Accepted => "angenommen",
        ReferralStatus.Declined => "abgelehnt",
        ReferralStatus.InProgress => "in-bearbeitung",
        ReferralStatus.Completed => "abgeschlossen",
        ReferralStatus.NotAttended => "nicht-wahrgenommen",
        ReferralStatus.Redirected => "weitervermittelt",
        ReferralStatus.Withdrawn => "zurueckgezogen",
        _ => status.ToString(),
    };

    /// <summary>The German name of a status (a localisation key) where no catalogue is at hand; the catalogue labels match.</summary>
    public static string StatusName(ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "Entwurf",
        ReferralStatus.Sent => "gesendet",
        ReferralStatus.Accepted => "angenommen",
        ReferralStatus.Declined => "abgelehnt",
        ReferralStatus.InProgress => "in Bearbeitung",
        ReferralStatus.Completed => "Abgeschlossen",
        ReferralStatus.NotAttended => "nicht wahrgenommen",
        ReferralStatus.Redirected => "weitervermittelt",
        ReferralStatus.Withdrawn => "zurückgezogen",
        _ => status.ToString(),
    };

    /// <summary>A short number to tell referrals apart without naming anyone: "V-" and the end of the id.</summary>
    public static string Number(Guid id) => "V-" + id.ToString("N")[^6..].ToUpperInvariant();

    /// <summary>The German label of an action's button (a localisation key).</summary>
    public static string ActionName(ReferralAction action) => action switch
    {
        ReferralAction.Send => "Senden",
        ReferralAction.Withdraw => "Zurückziehen",
        ReferralAction.Accept => "Annehmen",
        ReferralAction.Decline => "Ablehnen",
        ReferralAction.Redirect => "Anderes Angebot vorschlagen",
        ReferralAction.Start => "In Bearbeitung nehmen",
        ReferralAction.Complete => "Abschließen mit Ergebnis",
        ReferralAction.NotAttended => "Als nicht wahrgenommen melden",
        _ => action.ToString(),
    };
}
