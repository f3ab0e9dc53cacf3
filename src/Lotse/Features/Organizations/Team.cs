using Lotse.Data;
using Lotse.Features.Districts;

namespace Lotse.Features.Organizations;

/// <summary>A team of an organisation, e.g. the case-management team for one Stadtbezirk.</summary>
public sealed class Team : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The districts the team covers.</summary>
    public List<District> Districts { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
