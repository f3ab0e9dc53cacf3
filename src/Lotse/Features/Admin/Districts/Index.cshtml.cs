using Lotse.Data;
using Lotse.Features.Districts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Admin.Districts;

public sealed class IndexModel(LotseDbContext db) : PageModel
{
    public IReadOnlyList<District> Roots { get; private set; } = [];

    public ILookup<Guid?, District> ByParent { get; private set; } = Array.Empty<District>().ToLookup(d => d.ParentId);

    public async Task OnGetAsync()
    {
        var all = await db.Districts.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name).ToListAsync();
        ByParent = all.ToLookup(d => d.ParentId);
        Roots = [.. ByParent[null]];
    }
}
