namespace Lotse.Features.Privacy;

public enum AnonymisationKind
{
    /// <summary>Erasure on request (Art. 17 GDPR).</summary>
    Erasure = 1,

    /// <summary>The retention period after closure ran out.</summary>
    Retention = 2,
}

/// <summary>
/// That a person was anonymised, when, why and how much: the register the data protection officer
/// reports from. It says nothing about who the person was.
/// </summary>
public sealed class Anonymisation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public DateTime At { get; set; }

    public AnonymisationKind Kind { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>Who erased; null for the retention job.</summary>
    public Guid? UserId { get; set; }

    public int Cases { get; set; }

    public int Documents { get; set; }

    /// <summary>The request's file reference (Vorgangsnummer), never a name.</summary>
    public string? Reason { get; set; }
}
