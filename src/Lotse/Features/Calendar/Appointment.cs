using Lotse.Data;

namespace Lotse.Features.Calendar;

/// <summary>An appointment (Termin) of a staff member, optionally for a case.</summary>
public sealed class Appointment : IVersioned, IStamped, IPersonalDataTrail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid? CaseId { get; set; }

    public required string Title { get; set; }

    public DateTime Start { get; set; }

    public DateTime End { get; set; }

    public string? Location { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// The secret of a user's iCalendar feed. Only its hash is stored; a new secret revokes the old URL.
/// </summary>
public sealed class CalendarFeed
{
    public Guid UserId { get; set; }

    public required byte[] Hash { get; set; }

    public DateTime CreatedAt { get; set; }
}
