using System.Text.Json.Serialization;

namespace Lotse.Features.Reports;

/// <summary>
/// One figure of the report: a count, or a measure (average, median, share) with the number of cases
/// behind it. Only what may leave is serialised (ADR 012): the shown text, and the number only when
/// the cell is not hidden; the basis of a measure never leaves (it is a count that could give away a
/// hidden cell, e.g. the answered referrals behind the acceptance rate). <see cref="RecordKeys"/> is the
/// sum of the record keys of what a count counts (the cell key method); <see cref="Atoms"/> are, for a
/// count of what happens in a period (a flow), its records per calendar month: the noise is drawn per
/// month and added up, so periods of the grid add up as published. Neither leaves.
/// </summary>
public sealed record Cell(
    string Key,
    string Label,
    [property: JsonIgnore] decimal? Value,
    [property: JsonIgnore] CellState State = CellState.Shown,
    [property: JsonIgnore] long? Basis = null,
    [property: JsonIgnore] long? RecordKeys = null,
    [property: JsonIgnore] IReadOnlyList<Atom>? Atoms = null)
{
    [JsonIgnore]
    public bool Hidden => State != CellState.Shown;

    /// <summary>What the screen and the files show: the number, "&lt; 5", "•" or "x" when hidden, "–" when there is nothing.</summary>
    public string Display(string format = "N0") => State switch
    {
        CellState.Small => "< 5",
        CellState.Secondary => "•",
        CellState.Withheld => "x",
        _ => Value is { } v ? v.ToString(format, System.Globalization.CultureInfo.GetCultureInfo("de-DE")) : "–",
    };

    /// <summary>The value a file may carry: null when hidden.</summary>
    [JsonPropertyName("value")]
    public decimal? Released => Hidden ? null : Value;

    /// <summary>The text the screen shows.</summary>
    [JsonPropertyName("shown")]
    public string Shown => Display(ReportFiles.Format(this));

    [JsonPropertyName("hidden")]
    public bool IsHidden => Hidden;
}

/// <summary>The records of a flow count in one calendar month: how many, and the sum of their record keys.</summary>
public readonly record struct Atom(long Count, long Keys);

/// <summary>A table of the report: rows of counts with their total, or measures.</summary>
public sealed record Table(string Key, string Title, IReadOnlyList<Cell> Rows, Cell? Total, string Unit = "Anzahl");

/// <summary>The KIM report for a period and a scope (ADR 012).</summary>
public sealed record KimReportData(DateOnly From, DateOnly To, string Scope, bool Suppressed, IReadOnlyList<Table> Tables)
{
    /// <summary>When a past period of the grid was first printed (<see cref="FirstPrints"/>); null for a period not yet over.</summary>
    public DateTime? FirstPrintedAt { get; init; }

    /// <summary>The figures corrected since the first print: data about the period changed.</summary>
    public IReadOnlyList<Correction> Corrections { get; init; } = [];

    public Table this[string key] => Tables.Single(t => t.Key == key);
}
