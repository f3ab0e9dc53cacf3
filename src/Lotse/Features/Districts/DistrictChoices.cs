using Lotse.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Districts;

public static class DistrictChoices
{
    /// <summary>The active district tree as one select list: each Stadtbezirk followed by its Stadtteile, indented.</summary>
    public static Task<List<SelectListItem>> TreeAsync(LotseDbContext db, CancellationToken cancellationToken) =>
        db.Districts.Where(d => d.IsActive).OrderBy(d => d.Parent == null ? d.SortOrder : d.Parent.SortOrder).ThenBy(d => d.ParentId != null).ThenBy(d => d.SortOrder)
            .Select(d => new SelectListItem(d.Level == DistrictLevel.Stadtbezirk ? d.Name : "– " + d.Name, d.Id.ToString())).ToListAsync(cancellationToken);
}
