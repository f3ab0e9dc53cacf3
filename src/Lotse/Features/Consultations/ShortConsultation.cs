namespace Lotse.Features.Consultations;

/// <summary>
/// A walk-in question that never becomes a case (Kurzberatung). It holds no personal data, only
/// what the statistics count.
/// </summary>
public sealed class ShortConsultation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public DateOnly Date { get; set; }

    public int DurationMinutes { get; set; }

    public List<string> NeedAreaCodes { get; set; } = [];

    /// <summary>ISO 639 code of the language of the conversation.</summary>
    public string? Language { get; set; }

    public bool InterpreterUsed { get; set; }

    public Guid? DistrictId { get; set; }

    /// <summary>Where the person was sent, e.g. "Jobcenter" or an offer's name.</summary>
    public string? ReferredTo { get; set; }

    public DateTime CreatedAt { get; set; }
}
