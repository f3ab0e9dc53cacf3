using Lotse.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Admin.Organizations;

public sealed class IndexModel(LotseDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string? ShortName, Lotse.Features.Organizations.OrganizationKind Kind, bool IsActive, int Teams, int Users);

    public IReadOnlyList<Row> Organizations { get; private set; } = [];

    public async Task OnGetAsync() =>
        Organizations = await db.Organizations
            .OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new Row(o.Id, o.Name, o.ShortName, o.Kind, o.IsActive, o.Teams.Count, db.Users.Count(u => u.OrganizationId == o.Id)))
            .ToListAsync();
}
