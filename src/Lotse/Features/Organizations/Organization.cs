using Lotse.Data;

namespace Lotse.Features.Organizations;

/// <summary>The kinds of organisation a KIM installation works with. Code depends on them, so they are fixed.</summary>
public enum OrganizationKind
{
    /// <summary>Stadt / Koordination (Kommunales Integrationszentrum).</summary>
    CityCoordination = 1,

    /// <summary>Freier Träger (welfare organisation).</summary>
    WelfareOrganization = 2,

    /// <summary>Ausländerbehörde.</summary>
    ForeignersAuthority = 3,

    /// <summary>Einbürgerungsbehörde.</summary>
    NaturalisationAuthority = 4,

    /// <summary>Jobcenter.</summary>
    Jobcenter = 5,

    /// <summary>Anderer Partner (Beratungsstelle, Sprachkursträger, Amt …).</summary>
    OtherPartner = 6,
}

/// <summary>A Träger, authority or partner. Organisations are the wall between case files.</summary>
public sealed class Organization : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Name { get; set; }

    public string? ShortName { get; set; }

    public OrganizationKind Kind { get; set; }

    /// <summary>What the organisation does, for the service directory (HSDS requires it).</summary>
    public string? Description { get; set; }

    public string? Website { get; set; }

    public string? Email { get; set; }

    public bool IsActive { get; set; } = true;

    public List<Team> Teams { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
