using Lotse.Data;

namespace Lotse.Features.Catalogs;

/// <summary>The editable catalogues of DOMAIN.md. The kinds are fixed; their entries are data.</summary>
public enum CatalogKind
{
    NeedArea = 1,
    AssessmentScale = 2,
    ResidenceStatusKind = 3,
    AccessRoute = 4,
    EncounterKind = 5,
    ClosureReason = 6,
    ReferralStatus = 7,
    ReferralDeclineReason = 8,
    ReferralOutcome = 9,
}

/// <summary>One entry of a catalogue. Entries are deactivated, never deleted, so that old records keep their meaning.</summary>
public sealed class CatalogEntry : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public CatalogKind Catalog { get; set; }

    /// <summary>Stable code that statistics and exchange files use; never changes once in use.</summary>
    public required string Code { get; set; }

    /// <summary>German label shown in the UI.</summary>
    public required string Label { get; set; }

    /// <summary>English label, used when the UI language is English.</summary>
    public string? LabelEn { get; set; }

    /// <summary>Legal basis or further detail (e.g. "§ 60a AufenthG").</summary>
    public string? Detail { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
