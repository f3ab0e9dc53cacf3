using System.Globalization;

namespace Lotse.Features.Clients.Matching;

/// <summary>
/// A birth date as far as it is known: year only, year and month, or a complete date.
/// Stored and parsed as "YYYY", "YYYY-MM" or "YYYY-MM-DD".
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day)
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    /// <summary>True when year, month and day are known.</summary>
    public bool IsComplete => Month is not null && Day is not null;

    /// <summary>
    /// True for 01.01. of a year: documents use it when only the birth year is known,
    /// so such a date says no more than the year.
    /// </summary>
    public bool IsDocumentPlaceholder => IsComplete && Month == 1 && Day == 1;

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" with a year from 1900 to 2100 and a real calendar day.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var parts = (text ?? string.Empty).Trim().Split('-');
        if (parts.Length > 3 || !IsNumber(parts[0], 4) || parts.Skip(1).Any(p => !IsNumber(p, 2)))
        {
            return false;
        }

        var year = int.Parse(parts[0], CultureInfo.InvariantCulture);
        int? month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
        int? day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        if (year is < MinYear or > MaxYear || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month ?? 1))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>The complete date, or null when month or day is unknown.</summary>
    public DateOnly? ToDateOnly() => IsComplete ? new DateOnly(Year, Month!.Value, Day!.Value) : null;

    /// <summary>The German display form: "1987", "03.1987" or "14.03.1987".</summary>
    public string ToGermanString() => (Month, Day) switch
    {
        ({ } month, { } day) => string.Create(CultureInfo.InvariantCulture, $"{day:00}.{month:00}.{Year:0000}"),
        ({ } month, null) => string.Create(CultureInfo.InvariantCulture, $"{month:00}.{Year:0000}"),
        _ => Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    /// <summary>The stored form: "1987", "1987-03" or "1987-03-14".</summary>
    public override string ToString() => (Month, Day) switch
    {
        ({ } month, { } day) => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{month:00}-{day:00}"),
        ({ } month, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-{month:00}"),
        _ => Year.ToString("0000", CultureInfo.InvariantCulture),
    };

    private static bool IsNumber(string part, int length) => part.Length == length && part.All(char.IsAsciiDigit);
}
