namespace Lotse.Features.Referrals;

/// <summary>
/// What the recipient of a referral sees: only the fields the case manager chose (the others stay
/// null), plus who sends it and why. Frozen as JSON when the referral is sent.
/// </summary>
public sealed record ReferralPacket
{
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    /// <summary>As far as known: "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public string? BirthDate { get; init; }

    public string? Phone { get; init; }

    public string? Email { get; init; }

    public string? Address { get; init; }

    /// <summary>ISO 639-1 codes.</summary>
    public IReadOnlyList<string>? Languages { get; init; }

    public bool? InterpreterNeeded { get; init; }

    public string? InterpreterLanguage { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes.</summary>
    public IReadOnlyList<string>? Nationalities { get; init; }

    public string? ResidenceStatus { get; init; }

    public DateOnly? ResidenceValidUntil { get; init; }

    public string? Message { get; init; }

    /// <summary>The sending case manager and organisation, so the recipient knows whom to answer.</summary>
    public required string SenderName { get; init; }

    public required string SenderOrganization { get; init; }

    public string? SenderEmail { get; init; }

    public string? SenderPhone { get; init; }
}
