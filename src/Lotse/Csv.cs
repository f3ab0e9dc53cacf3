namespace Lotse;

/// <summary>CSV as German spreadsheets read it: semicolons, quoted where needed, formulas defused.</summary>
public static class Csv
{
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var safe = value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    public static string Line(IEnumerable<string?> cells) => string.Join(';', cells.Select(Cell));
}
