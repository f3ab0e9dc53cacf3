using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Districts;

/// <summary>The district tree as reports need it.</summary>
public static class DistrictTree
{
    /// <summary>A district and everything below it (Stadtbezirk → Stadtteile → Quartiere).</summary>
    public static async Task<List<Guid>> SubtreeAsync(LotseDbContext db, Guid root, CancellationToken cancellationToken)
    {
        var tree = await db.Districts.AsNoTracking().Select(d => new { d.Id, d.ParentId }).ToListAsync(cancellationToken);
        var ids = new HashSet<Guid> { root };
        for (var added = true; added;)
        {
            added = false;
            foreach (var d in tree.Where(d => d.ParentId is { } p && ids.Contains(p) && !ids.Contains(d.Id)))
            {
                added = ids.Add(d.Id) || added;
            }
        }

        return [.. ids];
    }
}
