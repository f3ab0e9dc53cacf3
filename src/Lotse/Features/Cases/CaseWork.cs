using Lotse.Data;

namespace Lotse.Features.Cases;

/// <summary>A dated assessment: one rating per need area.</summary>
public sealed class Assessment : IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public DateOnly Date { get; set; }

    public Guid UserId { get; set; }

    public string? Note { get; set; }

    public List<AssessmentRating> Ratings { get; set; } = [];

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>The rating of one need area: 1 (acute need) to 5 (independent); null is "nicht erhoben".</summary>
public sealed class AssessmentRating : IPersonalData
{
    public Guid AssessmentId { get; set; }

    /// <summary>Code of the <c>NeedArea</c> catalogue entry.</summary>
    public required string NeedAreaCode { get; set; }

    public int? Rating { get; set; }

    public string? Resources { get; set; }

    public string? Note { get; set; }
}

public enum GoalStatus
{
    Open = 1,
    Achieved = 2,
    PartlyAchieved = 3,
    NotAchieved = 4,
    Dropped = 5,
    CarriedOver = 6,
}

/// <summary>A goal agreed with the client (Zielvereinbarung).</summary>
public sealed class Goal : IVersioned, IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The record key of the KIM report's noise (<see cref="RecordKeys"/>): secret, never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ReportKey { get; set; } = RecordKeys.New();

    public Guid CaseId { get; set; }

    public required string NeedAreaCode { get; set; }

    public required string Title { get; set; }

    public DateOnly AgreedOn { get; set; }

    public DateOnly? DueOn { get; set; }

    public GoalStatus Status { get; set; } = GoalStatus.Open;

    public string? Result { get; set; }

    public List<GoalStep> Steps { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

public enum StepResponsible
{
    Client = 1,
    CaseManager = 2,
    Partner = 3,
}

public enum StepStatus
{
    Open = 1,
    Done = 2,
    Dropped = 3,
}

/// <summary>A step towards a goal: who does what by when.</summary>
public sealed class GoalStep : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid GoalId { get; set; }

    public required string Title { get; set; }

    public StepResponsible Responsible { get; set; }

    public string? PartnerName { get; set; }

    public DateOnly? DueOn { get; set; }

    public StepStatus Status { get; set; } = StepStatus.Open;

    public DateOnly? DoneOn { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>A contact with the client (Kontakt).</summary>
public sealed class Encounter : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The record key of the KIM report's noise (<see cref="RecordKeys"/>): secret, never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ReportKey { get; set; } = RecordKeys.New();

    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public DateTime At { get; set; }

    public int DurationMinutes { get; set; }

    /// <summary>Code of the <c>EncounterKind</c> catalogue entry.</summary>
    public required string KindCode { get; set; }

    public bool InterpreterUsed { get; set; }

    public string? InterpreterLanguage { get; set; }

    /// <summary>Codes of the need areas the contact touched.</summary>
    public List<string> NeedAreaCodes { get; set; } = [];

    public string? Note { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum DeadlineKind
{
    Manual = 1,

    /// <summary>Derived from a residence status's valid-until date.</summary>
    ResidenceExpiry = 2,
}

/// <summary>A date to watch (Frist).</summary>
public sealed class Deadline : IVersioned, IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public required string Title { get; set; }

    public DeadlineKind Kind { get; set; } = DeadlineKind.Manual;

    public DateOnly DueOn { get; set; }

    /// <summary>Days before the due date from which the deadline shows as upcoming.</summary>
    public int LeadDays { get; set; } = 14;

    public DateOnly? DoneOn { get; set; }

    /// <summary>For derived deadlines: the residence status they come from.</summary>
    public Guid? ResidenceStatusId { get; set; }

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
