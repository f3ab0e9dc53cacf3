namespace Lotse.Features.Reports;

/// <summary>How a cell of a table that leaves the owning organisation is shown.</summary>
public enum CellState
{
    Shown = 0,

    /// <summary>1 to 4: shown as "&lt; 5".</summary>
    Small = 1,

    /// <summary>Hidden so that the total cannot reveal a small cell: shown as "•".</summary>
    Secondary = 2,

    /// <summary>
    /// A cell of a table too small to show any of its numbers, zeros included: shown as "x". Where a
    /// total below 5 is spread over several groups, the count of non-empty groups alone would pin
    /// them (four groups of a total below 5 hold exactly one each).
    /// </summary>
    Withheld = 3,
}

/// <summary>
/// Small-number protection for figures that leave the owning organisation (ADR 012): a count of 1
/// to 4 shows as "&lt; 5" (primary suppression); where a table shows its total and exactly one cell
/// is hidden, the smallest other non-zero cell is hidden too, so that the total cannot reveal it
/// (secondary suppression). A total below 5 is hidden itself. Zero stays zero: it describes nobody.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    public static bool IsSmall(long value) => value is > 0 and < Threshold;

    /// <summary>How each cell of a table whose total is shown must appear.</summary>
    public static CellState[] States(IReadOnlyList<long> cells)
    {
        var states = cells.Select(c => IsSmall(c) ? CellState.Small : CellState.Shown).ToArray();
        if (states.Count(s => s != CellState.Shown) == 1)
        {
            var next = Enumerable.Range(0, cells.Count)
                .Where(i => states[i] == CellState.Shown && cells[i] > 0)
                .OrderBy(i => cells[i]).ThenBy(i => i)
                .Cast<int?>().FirstOrDefault();
            if (next is { } index)
            {
                states[index] = CellState.Secondary;
            }
        }

        return states;
    }
}
