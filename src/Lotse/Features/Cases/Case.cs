using Lotse.Data;
using Lotse.Features.Clients;
using Lotse.Features.Organizations;
using Lotse.Features.Users;

namespace Lotse.Features.Cases;

/// <summary>The phases of the DGCC case journey. The names are the stable API codes.</summary>
public enum CasePhase
{
    Clearing = 1,
    Assessment = 2,
    Planning = 3,
    Implementation = 4,
    Evaluation = 5,
    Closed = 6,
}

/// <summary>One case-management path of a client (and household members) at one organisation.</summary>
public sealed class Case : IVersioned, IStamped, IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The record key of the KIM report's noise (<see cref="RecordKeys"/>): secret, never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int ReportKey { get; set; } = RecordKeys.New();

    /// <summary>A short reference staff can say on the phone, e.g. "F-2026-0042".</summary>
    public required string Reference { get; set; }

    public Guid ClientId { get; set; }

    public Client? Client { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    public Guid ResponsibleUserId { get; set; }

    public User? Responsible { get; set; }

    public CasePhase Phase { get; set; } = CasePhase.Clearing;

    /// <summary>Code of the <c>AccessRoute</c> catalogue entry.</summary>
    public string? AccessRouteCode { get; set; }

    public DateOnly OpenedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>Code of the <c>ClosureReason</c> catalogue entry.</summary>
    public string? ClosureReasonCode { get; set; }

    public string? ClosureNote { get; set; }

    /// <summary>Set when the case's client was anonymised: the case stays for the statistics only.</summary>
    public DateTime? AnonymisedAt { get; set; }

    public List<CaseMember> Members { get; set; } = [];

    public List<CaseDeputy> Deputies { get; set; } = [];

    public List<CasePhaseChange> PhaseChanges { get; set; } = [];

    public List<EmergencyAccess> EmergencyAccesses { get; set; } = [];

    public int Version { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}

/// <summary>A household member included in the case.</summary>
public sealed class CaseMember : IPersonalData
{
    public Guid CaseId { get; set; }

    public Guid ClientId { get; set; }

    public Client? Client { get; set; }
}

/// <summary>A deputy (Vertretung) of the responsible case manager, optionally for a period.</summary>
public sealed class CaseDeputy : IPersonalData
{
    public Guid CaseId { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public DateOnly? From { get; set; }

    public DateOnly? Until { get; set; }
}

/// <summary>Every change of phase, also opening, closing and reopening: the case's history.</summary>
public sealed class CasePhaseChange : IPersonalDataTrail
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public CasePhase? From { get; set; }

    public CasePhase To { get; set; }

    public DateTime At { get; set; }

    public Guid UserId { get; set; }

    public string? Note { get; set; }
}

/// <summary>
/// Emergency access (break glass) of a case worker of the case's organisation to a case that is not
/// theirs: a mandatory reason, valid until the end of the next day, shown to the responsible case
/// manager and the data protection officer.
/// </summary>
public sealed class EmergencyAccess : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public Guid ClientId { get; set; }

    public Guid UserId { get; set; }

    public User? User { get; set; }

    public required string Reason { get; set; }

    public DateTime GrantedAt { get; set; }

    /// <summary>Last day the access is valid (inclusive).</summary>
    public DateOnly Until { get; set; }
}
