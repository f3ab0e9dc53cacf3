using Lotse.Data;
using Lotse.Features.Organizations;

namespace Lotse.Features.Positions;

/// <summary>The KIM funding modules (Bausteine) of the state guideline.</summary>
public enum FundingModule
{
    /// <summary>Baustein 1: Koordination.</summary>
    Coordination = 1,

    /// <summary>Baustein 2: Case Management.</summary>
    CaseManagement = 2,

    /// <summary>Baustein 3: Ausländer- und Einbürgerungsbehörde.</summary>
    Authorities = 3,
}

/// <summary>A funded KIM position (Stelle).</summary>
public sealed class Position : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Title { get; set; }

    public FundingModule Module { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    /// <summary>Full-time equivalent, e.g. 1.0 or 0.5.</summary>
    public decimal Fte { get; set; }

    public Guid? HolderId { get; set; }

    /// <summary>Since when the position is filled (with the current holder).</summary>
    public DateOnly? FilledSince { get; set; }

    /// <summary>Since when the position is vacant; null while it is filled.</summary>
    public DateOnly? VacantSince { get; set; }

    public decimal? AnnualCost { get; set; }

    /// <summary>Share paid by the state, 0–1; null means the default of the guideline (<see cref="DefaultFundingRate"/>).</summary>
    public decimal? FundingRate { get; set; }

    /// <summary>The state's share under the KIM guideline unless a position says otherwise (DOMAIN.md: 69 %).</summary>
    public const decimal DefaultFundingRate = 0.69m;

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
