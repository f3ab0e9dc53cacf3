using System.Globalization;

namespace Lotse.Features.Clients.Matching;

/// <summary>
/// A birth date as far as it is known: year only, year and month, or a complete date.
/// Stored as "YYYY", "YYYY-MM" or "YYYY-MM-DD"; typed also the German way ("14.03.1987", "03.1987").
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

    /// <summary>
    /// Parses the stored form "YYYY", "YYYY-MM" or "YYYY-MM-DD" and the German forms "TT.MM.JJJJ", "T.M.JJJJ"
    /// and "MM.JJJJ" (also with "/" or "-" between, or spaces after the dots: "14/03/1988", "14. 03. 1988"),
    /// with a year from 1900 to 2100 and a real calendar day. Given <paramref name="today"/>,
    /// a two-digit year ("14.03.88") gives the latest such date not after today: a birth date is in the past.
    /// </summary>
    public static bool TryParse(string? text, out PartialDate date, DateOnly? today = null)
    {
        date = default;
        var trimmed = string.Concat((text ?? string.Empty).Where(c => !char.IsWhiteSpace(c))).Replace('/', '.');
        if (trimmed.Contains('-', StringComparison.Ordinal) && !IsNumber(trimmed.Split('-')[0], 4))
        {
            // "14-03-1988": German order with dashes, not the stored form that starts with the year.
            trimmed = trimmed.Replace('-', '.');
        }

        int year;
        int? month = null, day = null;
        if (trimmed.Contains('.', StringComparison.Ordinal))
        {
            // German order: day, month, year; day and month may have one digit.
            var parts = trimmed.Split('.');
            if (parts.Length is < 2 or > 3 || parts[..^1].Any(p => !IsNumber(p, 1) && !IsNumber(p, 2)))
            {
                return false;
            }

            var last = parts[^1];
            if (IsNumber(last, 4))
            {
                year = int.Parse(last, CultureInfo.InvariantCulture);
            }
            else if (IsNumber(last, 2) && today is { } now && parts.Length == 3)
            {
                year = 2000 + int.Parse(last, CultureInfo.InvariantCulture);
                var (m, d) = (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[0], CultureInfo.InvariantCulture));
                if (year > now.Year || (year == now.Year && (m > now.Month || (m == now.Month && d > now.Day))))
                {
                    year -= 100;
                }
            }
            else
            {
                return false;
            }

            month = int.Parse(parts[^2], CultureInfo.InvariantCulture);
            day = parts.Length == 3 ? int.Parse(parts[0], CultureInfo.InvariantCulture) : null;
        }
        else
        {
            var parts = trimmed.Split('-');
            if (parts.Length > 3 || !IsNumber(parts[0], 4) || parts.Skip(1).Any(p => !IsNumber(p, 2)))
            {
                return false;
            }

            year = int.Parse(parts[0], CultureInfo.InvariantCulture);
            month = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : null;
            day = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : null;
        }

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
