using System.Globalization;

namespace Lotse.Features.Clients;

/// <summary>ISO 3166-1 alpha-2 countries, named in the UI language by the platform's ICU data.</summary>
public static class Countries
{
    /// <summary>Lotse's code for stateless persons or an unclear nationality (no ISO code exists).</summary>
    public const string Stateless = "XX";

    // Region code → the name of a specific culture of that region; some regions (e.g. EH) can only
    // be constructed from a culture name, not from their code.
    private static readonly Lazy<Dictionary<string, string>> Cultures = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Select(c => { try { return (Code: new RegionInfo(c.Name).TwoLetterISORegionName, Culture: c.Name); } catch (ArgumentException) { return (Code: string.Empty, Culture: c.Name); } })
            .Where(x => x.Code.Length == 2 && x.Code.All(char.IsAsciiLetterUpper))
            .GroupBy(x => x.Code)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Culture.Count(ch => ch == '-')).First().Culture, StringComparer.OrdinalIgnoreCase));

    public static bool IsKnown(string? code) =>
        code is { Length: 2 } && (code.Equals(Stateless, StringComparison.OrdinalIgnoreCase) || Cultures.Value.ContainsKey(code));

    public static string Name(string code) =>
        code.Equals(Stateless, StringComparison.OrdinalIgnoreCase) ? "staatenlos / ungeklärt"
        : Cultures.Value.TryGetValue(code, out var culture) ? RegionName(culture)
        : code;

    // RegionInfo names a region in the culture's own language; CultureInfo.DisplayName follows the UI
    // language ("Ukrainisch (Ukraine)"), so the region is the last part inside its parentheses.
    private static string RegionName(string culture)
    {
        var display = CultureInfo.GetCultureInfo(culture).DisplayName;
        var open = display.LastIndexOf('(');
        if (open < 0 || !display.EndsWith(')'))
        {
            return new RegionInfo(culture).EnglishName;
        }

        var inner = display[(open + 1)..^1];
        return inner[(inner.LastIndexOf(',') + 1)..].Trim();
    }

    /// <summary>All countries, sorted by their name in the UI language.</summary>
    public static IReadOnlyList<(string Code, string Name)> All() =>
        [.. Cultures.Value.Keys.Append(Stateless).Select(c => (c, Name(c))).OrderBy(c => c.Item2, StringComparer.CurrentCulture)];
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
