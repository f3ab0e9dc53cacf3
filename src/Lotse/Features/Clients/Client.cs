using Lotse.Data;
using Lotse.Features.Districts;
using Lotse.Features.Organizations;

namespace Lotse.Features.Clients;

/// <summary>Sex as recorded in the file (documents, self-description).</summary>
public enum Sex
{
    Unknown = 0,
    Female = 1,
    Male = 2,
    Diverse = 3,
}

/// <summary>
/// A person accompanied by case management. A client belongs to one organisation; another
/// organisation never sees it.
/// </summary>
public sealed class Client : IVersioned, IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The record key of the KIM report's noise (<see cref="RecordKeys"/>): secret, never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ReportKey { get; set; } = RecordKeys.New();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public string? GivenName { get; set; }

    public required string FamilyName { get; set; }

    public string? BirthName { get; set; }

    /// <summary>Birth date as far as known: "YYYY", "YYYY-MM" or "YYYY-MM-DD" (see <see cref="Matching.PartialDate"/>).</summary>
    public string? BirthDate { get; set; }

    public Sex Sex { get; set; }

    /// <summary>ISO 3166-1 alpha-2 codes, e.g. "SY", "UA".</summary>
    public List<string> Nationalities { get; set; } = [];

    /// <summary>ISO 639-1 codes (or 639-3 where no 639-1 code exists), e.g. "ar", "uk".</summary>
    public List<string> Languages { get; set; } = [];

    public bool InterpreterNeeded { get; set; }

    public string? InterpreterLanguage { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    public Guid? DistrictId { get; set; }

    public District? District { get; set; }

    public DateOnly? EntryDate { get; set; }

    /// <summary>Clients of one household share this id.</summary>
    public Guid? HouseholdId { get; set; }

    public List<ClientAlias> OtherSpellings { get; set; } = [];

    public List<ResidenceStatus> ResidenceStatuses { get; set; } = [];

    public List<ClientNameKey> NameKeys { get; set; } = [];

    /// <summary>Set while the processing is restricted (Art. 18 GDPR): the person's records are read-only.</summary>
    public DateTime? RestrictedAt { get; set; }

    public Guid? RestrictedByUserId { get; set; }

    public string? RestrictionReason { get; set; }

    /// <summary>Set while a legal hold stops the retention job from anonymising the person (e.g. pending proceedings).</summary>
    public DateTime? LegalHoldSince { get; set; }

    public string? LegalHoldReason { get; set; }

    /// <summary>
    /// Set once the person was anonymised, by erasure (Art. 17 GDPR) or by the retention job: the
    /// record keeps only what the anonymous statistics need and no page, search or export shows it.
    /// </summary>
    public DateTime? AnonymisedAt { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string FullName => string.IsNullOrWhiteSpace(GivenName) ? FamilyName : $"{GivenName} {FamilyName}";
}

/// <summary>Another spelling of the client's name, e.g. from a document in another script.</summary>
public sealed class ClientAlias : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClientId { get; set; }

    public string? GivenName { get; set; }

    public required string FamilyName { get; set; }
}

/// <summary>
/// A stored, indexed normalised key of one of the client's spellings; the duplicate check looks
/// candidates up by these keys instead of loading clients.
/// </summary>
public sealed class ClientNameKey : IPersonalDataTrail
{
    public long Id { get; set; }

    public Guid ClientId { get; set; }

    public Guid OrganizationId { get; set; }

    public required string Key { get; set; }
}

/// <summary>One entry of the residence status history.</summary>
public sealed class ResidenceStatus : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClientId { get; set; }

    /// <summary>Code of the <c>ResidenceStatusKind</c> catalogue entry.</summary>
    public required string KindCode { get; set; }

    /// <summary>Paragraph, e.g. "§ 25 Abs. 2 AufenthG".</summary>
    public string? LegalBasis { get; set; }

    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public string? DocumentNumber { get; set; }

    /// <summary>Wohnsitzauflage (§ 12a AufenthG).</summary>
    public bool ResidenceObligation { get; set; }

    public DateTime CreatedAt { get; set; }
}
