namespace Lotse.Features.Reports;

/// <summary>One figure of the report: a count, or a measure (average, median, share) with the number of cases behind it.</summary>
public sealed record Cell(string Key, string Label, decimal? Value, CellState State = CellState.Shown, long? Basis = null)
{
    public bool Hidden => State != CellState.Shown;

    /// <summary>What the screen and the files show: the number, "&lt; 5" or "•" when hidden, "–" when there is nothing.</summary>
    public string Display(string format = "N0") => State switch
    {
        CellState.Small => "< 5",
        CellState.Secondary => "•",
        _ => Value is { } v ? v.ToString(format, System.Globalization.CultureInfo.GetCultureInfo("de-DE")) : "–",
    };

    /// <summary>The value a file may carry: null when hidden.</summary>
    public decimal? Released => Hidden ? null : Value;
}

/// <summary>A table of the report: rows of counts with their total, or measures.</summary>
public sealed record Table(string Key, string Title, IReadOnlyList<Cell> Rows, Cell? Total, string Unit = "Anzahl");

/// <summary>The KIM report for a period and a scope (ADR 012).</summary>
public sealed record KimReportData(DateOnly From, DateOnly To, string Scope, bool Suppressed, IReadOnlyList<Table> Tables)
{
    public Table this[string key] => Tables.Single(t => t.Key == key);
}
