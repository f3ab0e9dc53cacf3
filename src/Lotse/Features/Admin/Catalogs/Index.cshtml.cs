using Lotse.Data;
using Lotse.Features.Catalogs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Admin.Catalogs;

public sealed class IndexModel(LotseDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public CatalogKind Catalog { get; set; } = CatalogKind.NeedArea;

    public IReadOnlyList<CatalogEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Enum.IsDefined(Catalog))
        {
            return NotFound();
        }

        Entries = await db.CatalogEntries.AsNoTracking().Where(e => e.Catalog == Catalog)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Label).ToListAsync();
        return Page();
    }
}
