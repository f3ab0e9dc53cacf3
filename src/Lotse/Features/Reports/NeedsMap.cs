using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Reports;

/// <summary>One cell of the needs map: open cases with a need in an area and district.</summary>
public sealed record NeedsCell(string NeedArea, Guid? DistrictId, long Count, CellState State, decimal? PerThousand, int Shade);

public sealed record NeedsColumn(Guid? Id, string Name, int? Population);

/// <summary>The needs map: need areas × districts ("Was brauchen die Menschen?").</summary>
public sealed record NeedsMapData(DistrictLevel Level, bool Suppressed, IReadOnlyList<NeedsColumn> Columns, IReadOnlyList<(string Code, string Label)> NeedAreas, IReadOnlyList<NeedsCell> Cells)
{
    public NeedsCell Cell(string area, Guid? district) => Cells.Single(c => c.NeedArea == area && c.DistrictId == district);
}

/// <summary>
/// Open needs per Quartier: open cases whose latest assessment rates a need area 1 or 2, counted per
/// need area and the district of the client, at the level asked for (a Stadtteil's cases count for
/// its Stadtbezirk). Counted in the database; small cells suppressed when the figures leave the
/// organisation, and then no rate either (a rate and the population would give the count away).
/// </summary>
public sealed class NeedsMapService(LotseDbContext db, TimeProvider time)
{
    public async Task<NeedsMapData> BuildAsync(ReportScope scope, DistrictLevel level, bool suppress, CancellationToken cancellationToken)
    {
        var open = OpenCases(scope);
        var rows = await Latest(open).Where(r => r.Rating != null && r.Rating <= 2)
            .GroupBy(r => new { r.NeedAreaCode, r.DistrictId }).Select(g => new { g.Key.NeedAreaCode, g.Key.DistrictId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var districts = await db.Districts.AsNoTracking().Where(d => d.IsActive).OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.Level, d.ParentId, d.Population }).ToListAsync(cancellationToken);
        var byId = districts.ToDictionary(d => d.Id);
        Guid? Column(Guid? id)
        {
            while (id is { } current && byId.TryGetValue(current, out var d) && d.Level > level)
            {
                id = d.ParentId;
            }

            return id is { } found && byId.TryGetValue(found, out var district) && district.Level == level ? found : null;
        }

        var columns = districts.Where(d => d.Level == level).Select(d => new NeedsColumn(d.Id, d.Name, d.Population)).Append(new NeedsColumn(null, "ohne Angabe", null)).ToList();
        var areas = (await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: cancellationToken)).Select(a => (a.Key, a.Value)).ToList();
        var counts = rows.GroupBy(r => (r.NeedAreaCode, Column(r.DistrictId))).ToDictionary(g => g.Key, g => (long)g.Sum(r => r.Count));
        var raw = (from area in areas
                   from column in columns
                   let count = counts.GetValueOrDefault((area.Key, column.Id))
                   let hidden = suppress && Suppression.IsSmall(count)
                   select (area.Key, column, count, hidden, rate: hidden || column.Population is not > 0 ? (decimal?)null : Math.Round(1000m * count / column.Population.Value, 2))).ToList();
        // The shade follows the rate where every district has a population, else the count.
        var byRate = columns.Where(c => c.Id != null).All(c => c.Population is > 0);
        var max = raw.Where(r => !r.hidden).Select(r => byRate && r.column.Id != null ? r.rate ?? 0 : r.count).DefaultIfEmpty(0).Max();
        return new NeedsMapData(level, suppress, columns, areas, [.. raw.Select(r => new NeedsCell(r.Key, r.column.Id, r.count, r.hidden ? CellState.Small : CellState.Shown, r.rate,
            r.hidden || max == 0 ? 0 : (int)Math.Ceiling(4m * (byRate && r.column.Id != null ? r.rate ?? 0 : r.count) / max)))]);
    }

    /// <summary>The anonymous counts behind one cell: by rating, sex and age band.</summary>
    public async Task<IReadOnlyList<Table>> DrillDownAsync(ReportScope scope, string needArea, Guid? districtId, bool suppress, CancellationToken cancellationToken)
    {
        var ids = districtId is { } root ? await DistrictTree.SubtreeAsync(db, root, cancellationToken) : null;
        var cells = Latest(OpenCases(scope)).Where(r => r.NeedAreaCode == needArea && r.Rating != null && r.Rating <= 2)
            .Where(r => ids == null ? r.DistrictId == null : r.DistrictId != null && ids.Contains(r.DistrictId.Value));
        var ratings = await cells.GroupBy(r => r.Rating).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var sexes = await cells.GroupBy(r => r.Sex).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var years = await cells.GroupBy(r => r.BirthDate == null ? null : r.BirthDate.Substring(0, 4)).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        return
        [
            KimReportService.Counts("rating", "nach Einschätzung", [new("1", "1 – akuter Handlungsbedarf", ratings.Where(r => r.Key == 1).Sum(r => r.Count)), new("2", "2 – deutlicher Handlungsbedarf", ratings.Where(r => r.Key == 2).Sum(r => r.Count))], suppress),
            KimReportService.Counts("sex", "nach Geschlecht", [.. Enum.GetValues<Sex>().Select(s => new Cell(s.ToString(), KimReportService.SexLabel(s), sexes.Where(x => x.Key == s).Sum(x => x.Count)))], suppress),
            KimReportService.Counts("age", "nach Alter", [.. KimReportService.AgeBands.Select(b => new Cell(b.Key, b.Label, years.Where(y => KimReportService.Age(y.Key, today) is { } a && a >= b.From && a <= b.To).Sum(y => y.Count))),
                new Cell("unknown", "unbekannt", years.Where(y => KimReportService.Age(y.Key, today) is null).Sum(y => y.Count))], suppress),
        ];
    }

    private IQueryable<Case> OpenCases(ReportScope scope) =>
        db.Cases.AsNoTracking().Where(c => c.ClosedOn == null && (scope.OrganizationId == null || c.OrganizationId == scope.OrganizationId));

    /// <summary>Member-initialised, not positional: EF Core translates grouping by its members only so.</summary>
    private sealed class LatestRating
    {
        public Guid CaseId { get; init; }

        public required string NeedAreaCode { get; init; }

        public int? Rating { get; init; }

        public Guid? DistrictId { get; init; }

        public Sex Sex { get; init; }

        public string? BirthDate { get; init; }
    }

    /// <summary>The ratings of the latest assessment of each of the cases, with the client's district, sex and birth year.</summary>
    private IQueryable<LatestRating> Latest(IQueryable<Case> cases) =>
        from r in db.Set<AssessmentRating>()
        join a in db.Assessments on r.AssessmentId equals a.Id
        join c in cases on a.CaseId equals c.Id
        where !db.Assessments.Any(o => o.CaseId == a.CaseId && (o.Date > a.Date || (o.Date == a.Date && o.Id.CompareTo(a.Id) > 0)))
        select new LatestRating { CaseId = c.Id, NeedAreaCode = r.NeedAreaCode, Rating = r.Rating, DistrictId = c.Client!.DistrictId, Sex = c.Client.Sex, BirthDate = c.Client.BirthDate };
}
