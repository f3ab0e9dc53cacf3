using System.Globalization;

namespace Lotse.Features.Clients;

/// <summary>ISO 3166-1 alpha-2 countries, named in the UI language by the platform's ICU data.</summary>
public static class Countries
{
    /// <summary>Lotse's code for stateless persons or an unclear nationality (no ISO code exists).</summary>
    public const string Stateless = "XX";

    private static readonly Lazy<HashSet<string>> Codes = new(() =>
        [.. CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return new RegionInfo(c.Name).TwoLetterISORegionName; } catch (ArgumentException) { return null; } })
            .OfType<string>()
            .Where(code => code.Length == 2 && code.All(char.IsAsciiLetterUpper)),
         Stateless]);

    public static bool IsKnown(string? code) => code is { Length: 2 } && Codes.Value.Contains(code.ToUpperInvariant());

    public static string Name(string code) =>
        code.Equals(Stateless, StringComparison.OrdinalIgnoreCase) ? "staatenlos / ungeklärt"
        : IsKnown(code) ? new RegionInfo(code).DisplayName
        : code;

    /// <summary>All countries, sorted by their name in the UI language.</summary>
    public static IReadOnlyList<(string Code, string Name)> All() =>
        [.. Codes.Value.Select(c => (c, Name(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
}

/// <summary>ISO 639 languages (639-1 where one exists), named in the UI language.</summary>
public static class Languages
{
    private static readonly Lazy<HashSet<string>> Codes = new(() =>
        [.. CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .Select(c => c.Name)
            .Where(name => name.Length is 2 or 3 && name.All(char.IsAsciiLetterLower))]);

    public static bool IsKnown(string? code) => code is { Length: 2 or 3 } && Codes.Value.Contains(code.ToLowerInvariant());

    public static string Name(string code) => IsKnown(code) ? CultureInfo.GetCultureInfo(code).DisplayName : code;

    public static IReadOnlyList<(string Code, string Name)> All() =>
        [.. Codes.Value.Select(c => (c, Name(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
}
