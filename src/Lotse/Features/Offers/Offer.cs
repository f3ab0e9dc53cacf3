using Lotse.Data;
using Lotse.Features.Districts;
using Lotse.Features.Organizations;

namespace Lotse.Features.Offers;

/// <summary>
/// An offer (Angebot) of the service directory: what an organisation provides, for whom, in which
/// languages and where. Shaped after the Open Referral HSDS 3.0 service (ADR 009).
/// </summary>
public sealed class Offer : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>Codes of the <c>NeedArea</c> catalogue; published as the HSDS taxonomy "Handlungsfelder".</summary>
    public List<string> NeedAreaCodes { get; set; } = [];

    /// <summary>ISO 639-1 codes of the languages the offer is given in.</summary>
    public List<string> Languages { get; set; } = [];

    public bool InterpretationAvailable { get; set; }

    public string? Eligibility { get; set; }

    public string? Fees { get; set; }

    public string? RequiredDocuments { get; set; }

    public string? ApplicationProcess { get; set; }

    public string? ContactName { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Url { get; set; }

    /// <summary>Free places or capacity as the provider states it, e.g. "Kurs ab 12.01.: 4 Plätze frei".</summary>
    public string? Capacity { get; set; }

    /// <summary>Current waiting time in weeks; 0 = no waiting; null = unknown.</summary>
    public int? WaitingWeeks { get; set; }

    /// <summary>Whether case managers can send referrals to this offer through Lotse.</summary>
    public bool AcceptsReferrals { get; set; } = true;

    public DateOnly? LastVerifiedOn { get; set; }

    public bool IsActive { get; set; } = true;

    public List<OfferLocation> Locations { get; set; } = [];

    /// <summary>
    /// What an HSDS import brought that Lotse does not model (cost options, schedules of the service, age
    /// limits, funding, the interpretation text, …): a JSON object of HSDS fields, published again as it
    /// came, so that an import loses nothing (ADR 019).
    /// </summary>
    public string? HsdsExtras { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>Where an offer is given, with district, accessibility and opening hours.</summary>
public sealed class OfferLocation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OfferId { get; set; }

    public string? Name { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public Guid? DistrictId { get; set; }

    public District? District { get; set; }

    public string? Accessibility { get; set; }

    public string? OpeningHours { get; set; }

    /// <summary>The HSDS location fields an import brought that Lotse does not model (see <see cref="Offer.HsdsExtras"/>).</summary>
    public string? HsdsExtras { get; set; }
}
