using Lotse.Data;

namespace Lotse.Features.Barriers;

/// <summary>What kind of structural barrier a case manager met.</summary>
public enum BarrierCategory
{
    WaitingTime = 1,
    NoCapacity = 2,
    Documents = 3,
    Language = 4,
    Responsibility = 5,
    Access = 6,
    Other = 9,
}

/// <summary>Where the coordination office stands with a barrier.</summary>
public enum BarrierStatus
{
    New = 1,
    SteeringGroup = 2,
    InProgress = 3,
    Done = 4,
}

/// <summary>
/// A structural barrier (Systemhinweis): a service with a year-long waiting list, an office that
/// demands documents nobody can get. Recorded from a case, without personal data; rolled up by the
/// coordination office for the steering group.
/// </summary>
public sealed class Barrier : IVersioned, IStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public BarrierCategory Category { get; set; }

    /// <summary>The institution or offer concerned, e.g. "Ausländerbehörde, Terminvergabe".</summary>
    public required string Institution { get; set; }

    /// <summary>What happens, without names or other personal data.</summary>
    public required string Description { get; set; }

    public BarrierStatus Status { get; set; } = BarrierStatus.New;

    /// <summary>Set when merged into another barrier as a duplicate; its cases now count there.</summary>
    public Guid? MergedIntoId { get; set; }

    public Guid CreatedByOrganizationId { get; set; }

    public List<BarrierCase> Cases { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>That a case met a barrier.</summary>
public sealed class BarrierCase : IPersonalData
{
    public Guid BarrierId { get; set; }

    public Guid CaseId { get; set; }

    public DateTime At { get; set; }
}

public static class BarrierNames
{
    public static string CategoryName(BarrierCategory category) => category switch
    {
        BarrierCategory.WaitingTime => "lange Wartezeit",
        BarrierCategory.NoCapacity => "keine Kapazität",
        BarrierCategory.Documents => "unerfüllbare Nachweise",
        BarrierCategory.Language => "fehlende Sprachmittlung",
        BarrierCategory.Responsibility => "ungeklärte Zuständigkeit",
        BarrierCategory.Access => "Zugangshürde (z. B. nur digital)",
        _ => "sonstiges",
    };

    public static string StatusName(BarrierStatus status) => status switch
    {
        BarrierStatus.New => "neu",
        BarrierStatus.SteeringGroup => "in der Lenkungsgruppe",
        BarrierStatus.InProgress => "bearbeitet",
        _ => "erledigt",
    };
}
