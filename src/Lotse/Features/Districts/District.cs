using Lotse.Data;

namespace Lotse.Features.Districts;

/// <summary>Level of a district in the tree Stadtbezirk → Stadtteil → Quartier.</summary>
public enum DistrictLevel
{
    Stadtbezirk = 1,
    Stadtteil = 2,
    Quartier = 3,
}

/// <summary>A node of the district tree.</summary>
public sealed class District : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public DistrictLevel Level { get; set; }

    public Guid? ParentId { get; set; }

    public District? Parent { get; set; }

    public List<District> Children { get; set; } = [];

    public int SortOrder { get; set; }

    /// <summary>Inhabitants, where the administration entered them: the needs map then shows rates per 1,000.</summary>
    public int? Population { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
