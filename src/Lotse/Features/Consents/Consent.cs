using Lotse.Data;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;

namespace Lotse.Features.Consents;

public enum ConsentKind
{
    /// <summary>Consent to case management itself (Einwilligung in das Fallmanagement).</summary>
    CaseManagement = 1,

    /// <summary>Consent to pass named data to named recipients for named purposes (Schweigepflichtentbindung).</summary>
    Sharing = 2,
}

/// <summary>
/// A client's consent. A sharing consent is never blanket: it names each recipient organisation,
/// each purpose (need area) and each data category. Withdrawal takes effect at once.
/// </summary>
public sealed class Consent : IVersioned, IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClientId { get; set; }

    public Client? Client { get; set; }

    /// <summary>The organisation that obtained the consent and shares the data.</summary>
    public Guid OrganizationId { get; set; }

    public ConsentKind Kind { get; set; } = ConsentKind.Sharing;

    public List<ConsentRecipient> Recipients { get; set; } = [];

    /// <summary>Codes of the <c>NeedArea</c> catalogue the sharing serves.</summary>
    public List<string> PurposeCodes { get; set; } = [];

    /// <summary>The purpose in the words of the form, e.g. "Anmeldung zu einem Integrationskurs".</summary>
    public string? PurposeText { get; set; }

    public List<DataCategory> Categories { get; set; } = [];

    public DateOnly GivenOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>Version of the printed form the client signed.</summary>
    public required string FormVersion { get; set; }

    /// <summary>Language of the form besides German (ISO 639-1), e.g. "ar".</summary>
    public string? FormLanguage { get; set; }

    /// <summary>Whether the signed copy is in the file.</summary>
    public bool SignedCopyOnFile { get; set; }

    public Guid RecordedByUserId { get; set; }

    public DateTime? WithdrawnAt { get; set; }

    public Guid? WithdrawnByUserId { get; set; }

    public string? WithdrawalNote { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool IsActiveOn(DateOnly day) => WithdrawnAt is null && GivenOn <= day && (ValidUntil is null || ValidUntil >= day);
}

/// <summary>A recipient organisation named in a consent.</summary>
public sealed class ConsentRecipient : IPersonalData
{
    public Guid ConsentId { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }
}
