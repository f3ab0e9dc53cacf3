namespace Lotse.Features.Clients.Matching;

/// <summary>Stable machine codes for why a candidate matched, with German UI texts.</summary>
public static class MatchReasons
{
    public const string FamilyNameExact = "family-name-exact";
    public const string FamilyNameVariant = "family-name-variant";
    public const string FamilyNameCompound = "family-name-compound";
    public const string GivenNameExact = "given-name-exact";
    public const string GivenNameVariant = "given-name-variant";
    public const string GivenNameCompound = "given-name-compound";
    public const string NamesSwapped = "names-swapped";
    public const string OtherSpelling = "other-spelling";
    public const string BirthDateExact = "birth-date-exact";
    public const string BirthDatePartial = "birth-date-partial";
    public const string BirthDatePlaceholder = "birth-date-placeholder";
    public const string BirthDateDiffers = "birth-date-differs";

    /// <summary>Short German texts for the UI, by reason code.</summary>
    public static IReadOnlyDictionary<string, string> German { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [FamilyNameExact] = "Familienname stimmt überein",
        [FamilyNameVariant] = "Familienname in anderer Schreibweise oder Schrift",
        [FamilyNameCompound] = "Familienname zusammen, getrennt oder mit/ohne Artikel geschrieben",
        [GivenNameExact] = "Vorname stimmt überein",
        [GivenNameVariant] = "Vorname in anderer Schreibweise oder Schrift",
        [GivenNameCompound] = "Vorname zusammen oder getrennt geschrieben",
        [NamesSwapped] = "Vor- und Familienname vertauscht",
        [OtherSpelling] = "Treffer über eine weitere Schreibweise",
        [BirthDateExact] = "Geburtsdatum stimmt überein",
        [BirthDatePartial] = "Geburtsdatum passt, soweit bekannt",
        [BirthDatePlaceholder] = "Geburtsjahr passt, 01.01. ist ein Platzhalter",
        [BirthDateDiffers] = "Geburtsdatum weicht ab",
    };
}
