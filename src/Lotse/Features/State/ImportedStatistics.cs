namespace Lotse.Features.State;

/// <summary>An exchange file imported at the state level, kept as received (one per Kommune and period).</summary>
public sealed class ImportedStatistics
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Kommune { get; set; }

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ImportedAt { get; set; }

    public required string Json { get; set; }
}

/// <summary>One figure across Kommunen: each Kommune's shown text, the sum of the released values and how many were hidden.</summary>
public sealed record MergedCell(string Key, string Label, IReadOnlyList<string> PerKommune, decimal? Sum, int Hidden);

public sealed record MergedTable(string Key, string Title, string Unit, IReadOnlyList<MergedCell> Rows);

/// <summary>The state-level overview: the tables of several Kommunen side by side, counts added up.</summary>
public static class StateOverview
{
    public static IReadOnlyList<MergedTable> Merge(IReadOnlyList<StatsFile> files)
    {
        var tables = files.SelectMany(f => f.Tables).GroupBy(t => t.Key).ToList();
        return [.. tables.Select(group =>
        {
            var first = group.First();
            var rowKeys = group.SelectMany(t => t.Rows.Append(t.Total).OfType<StatsCell>()).Select(c => (c.Key, c.Label)).DistinctBy(c => c.Key).ToList();
            var additive = first.Unit == "Anzahl";
            return new MergedTable(first.Key, first.Title, first.Unit, [.. rowKeys.Select(row =>
            {
                var cells = files.Select(f => f.Tables.FirstOrDefault(t => t.Key == group.Key) is { } t ? t.Rows.Append(t.Total).OfType<StatsCell>().FirstOrDefault(c => c.Key == row.Key) : null).ToList();
                var released = cells.Where(c => c?.Value is not null).Select(c => c!.Value!.Value).ToList();
                return new MergedCell(row.Key, row.Label, [.. cells.Select(c => c?.Shown ?? "–")],
                    additive && released.Count > 0 ? released.Sum() : null, cells.Count(c => c is not null && c.Value is null && c.Shown != "–"));
            })]);
        })];
    }
}
