using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Consents;
using Lotse.Features.Offers;
using Lotse.Features.Organizations;

namespace Lotse.Features.Referrals;

public enum ReferralKind
{
    /// <summary>Vermittlung to an offer of the directory.</summary>
    Offer = 1,

    /// <summary>Anfrage to an authority (Ausländerbehörde, Einbürgerungsbehörde, Jobcenter).</summary>
    AuthorityRequest = 2,
}

/// <summary>The closed-loop lifecycle of DOMAIN.md. The catalogue <c>ReferralStatus</c> holds the labels by code.</summary>
public enum ReferralStatus
{
    Draft = 1,
    Sent = 2,
    Accepted = 3,
    Declined = 4,
    InProgress = 5,
    Completed = 6,
    NotAttended = 7,
    Redirected = 8,
    Withdrawn = 9,
}

/// <summary>
/// A referral from a case to an offer or an authority. It rests on one consent and carries a packet:
/// exactly the fields the case manager chose, frozen when it was sent.
/// </summary>
public sealed class Referral : IVersioned, IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The record key of the KIM report's noise (<see cref="RecordKeys"/>): secret, never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ReportKey { get; set; } = RecordKeys.New();

    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    public Guid ClientId { get; set; }

    public Guid SenderOrganizationId { get; set; }

    public Organization? SenderOrganization { get; set; }

    public Guid SenderUserId { get; set; }

    public ReferralKind Kind { get; set; }

    public Guid? OfferId { get; set; }

    public Offer? Offer { get; set; }

    public Guid RecipientOrganizationId { get; set; }

    public Organization? RecipientOrganization { get; set; }

    /// <summary>The purpose: a code of the <c>NeedArea</c> catalogue.</summary>
    public required string NeedAreaCode { get; set; }

    public Guid? GoalId { get; set; }

    /// <summary>The fields to share; the consent must cover each of them.</summary>
    public List<DataCategory> SharedFields { get; set; } = [];

    /// <summary>The concern in the case manager's words; shared only as the field <see cref="DataCategory.Message"/>.</summary>
    public string? Message { get; set; }

    public Guid? ConsentId { get; set; }

    public Consent? Consent { get; set; }

    /// <summary>The packet as sent (JSON of <see cref="ReferralPacket"/>); null while a draft.</summary>
    public string? Packet { get; set; }

    public ReferralStatus Status { get; set; } = ReferralStatus.Draft;

    /// <summary>Code of the <c>ReferralDeclineReason</c> catalogue when declined.</summary>
    public string? DeclineReasonCode { get; set; }

    /// <summary>Code of the <c>ReferralOutcome</c> catalogue when completed.</summary>
    public string? OutcomeCode { get; set; }

    /// <summary>The better offer the recipient proposed when redirecting.</summary>
    public Guid? ProposedOfferId { get; set; }

    public Offer? ProposedOffer { get; set; }

    /// <summary>The recipient's latest note to the sender (no personal data expected).</summary>
    public string? AnswerNote { get; set; }

    public DateTime? SentAt { get; set; }

    public DateTime? FirstAnsweredAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public List<ReferralEvent> Events { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>One change of a referral's status: when, by whom (or through an answer link), why.</summary>
public sealed class ReferralEvent : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReferralId { get; set; }

    public DateTime At { get; set; }

    public ReferralStatus? From { get; set; }

    public ReferralStatus To { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>Set when the change came through a single-use answer link.</summary>
    public bool ViaLink { get; set; }

    /// <summary>Decline reason or outcome code.</summary>
    public string? ReasonCode { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// A single-use, expiring answer link for a recipient without an account. Only the hash of the
/// secret is stored.
/// </summary>
public sealed class ReferralLink : IPersonalDataTrail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ReferralId { get; set; }

    public required byte[] TokenHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }

    public Guid? CreatedByUserId { get; set; }
}
