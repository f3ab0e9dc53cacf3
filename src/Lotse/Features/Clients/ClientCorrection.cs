using System.Collections;
using System.Globalization;
using Lotse.Data;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lotse.Features.Clients;

/// <summary>
/// One corrected field of a person's record with its old and new value (Art. 16 GDPR: corrections
/// keep a trail). It belongs to the person's file, not to the audit log (which never holds values),
/// and goes with the person on erasure.
/// </summary>
public sealed class ClientCorrection : IPersonalDataTrail
{
    public long Id { get; set; }

    public Guid ClientId { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    public required string Field { get; set; }

    public string? OldValue { get; set; }

    public string? NewValue { get; set; }

    /// <summary>Fields that are bookkeeping, not the person's data.</summary>
    private static readonly HashSet<string> Technical =
    [
        nameof(Client.Version), nameof(Client.UpdatedAt), nameof(Client.CreatedAt), nameof(Client.RestrictedAt), nameof(Client.RestrictedByUserId),
        nameof(Client.RestrictionReason), nameof(Client.LegalHoldSince), nameof(Client.LegalHoldReason), nameof(Client.AnonymisedAt), nameof(Client.HouseholdId),
    ];

    /// <summary>The German label of a corrected field (the localisation key).</summary>
    public static string DisplayName(string field) => field switch
    {
        nameof(Client.GivenName) => "Vorname",
        nameof(Client.FamilyName) => "Familienname",
        nameof(Client.BirthName) => "Geburtsname",
        nameof(Client.BirthDate) => "Geburtsdatum",
        nameof(Client.Sex) => "Geschlecht",
        nameof(Client.Nationalities) => "Staatsangehörigkeit",
        nameof(Client.Languages) => "Sprachen",
        nameof(Client.InterpreterNeeded) => "Sprachmittlung nötig",
        nameof(Client.InterpreterLanguage) => "Sprache der Sprachmittlung",
        nameof(Client.Phone) => "Telefon",
        nameof(Client.Email) => "E-Mail",
        nameof(Client.Street) => "Straße",
        nameof(Client.PostalCode) => "PLZ",
        nameof(Client.City) => "Ort",
        nameof(Client.DistrictId) => "Stadtteil",
        nameof(Client.EntryDate) => "Einreise",
        _ => field,
    };

    /// <summary>The corrections a change of the tracked person carries.</summary>
    public static IEnumerable<ClientCorrection> Of(EntityEntry<Client> entry, DateTime at, Guid? userId) =>
        entry.Properties
            .Where(p => p.IsModified && !Technical.Contains(p.Metadata.Name))
            .Select(p => (p.Metadata.Name, Old: Text(p.OriginalValue), New: Text(p.CurrentValue)))
            .Where(p => p.Old != p.New)
            .Select(p => new ClientCorrection { ClientId = entry.Entity.Id, At = at, UserId = userId, Field = p.Name, OldValue = p.Old, NewValue = p.New });

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(", ", list.Cast<object>()) is { Length: > 0 } joined ? joined : null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
