using Lotse.Data;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.State;

/// <summary>
/// The state-level overview: the imported exchange files of several Kommunen for one period, side by
/// side, with the counts added up where every Kommune released them.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class IndexModel(LotseDbContext db) : PageModel
{
    public sealed record Period(DateOnly From, DateOnly To, int Kommunen);

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public IReadOnlyList<Period> Periods { get; private set; } = [];

    public IReadOnlyList<string> Kommunen { get; private set; } = [];

    public IReadOnlyList<MergedTable> Tables { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        Periods = [.. (await db.ImportedStatistics.AsNoTracking().GroupBy(s => new { s.From, s.To }).Select(g => new { g.Key.From, g.Key.To, Count = g.Count() }).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.To).ThenBy(p => p.From).Select(p => new Period(p.From, p.To, p.Count))];
        if (Periods.Count == 0)
        {
            return;
        }

        var period = Periods.FirstOrDefault(p => p.From == From && p.To == To) ?? Periods[0];

        (From, To) = (period.From, period.To);
        var files = (await db.ImportedStatistics.AsNoTracking().Where(s => s.From == period.From && s.To == period.To).OrderBy(s => s.Kommune).Select(s => s.Json).ToListAsync(cancellationToken))
            .Select(json => StatsFile.Read(json).File).OfType<StatsFile>().ToList();
        Kommunen = [.. files.Select(f => f.Kommune)];
        Tables = StateOverview.Merge(files);
    }
}
