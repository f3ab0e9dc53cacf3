using Lotse.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Admin.Teams;

public sealed class IndexModel(LotseDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Organization, IReadOnlyList<string> Districts, bool IsActive, int Members);

    public IReadOnlyList<Row> Teams { get; private set; } = [];

    public async Task OnGetAsync() =>
        Teams = await db.Teams
            .OrderBy(t => t.Organization!.Name).ThenBy(t => t.Name)
            .Select(t => new Row(t.Id, t.Name, t.Organization!.Name, t.Districts.OrderBy(d => d.SortOrder).Select(d => d.Name).ToList(), t.IsActive, db.Users.Count(u => u.TeamId == t.Id)))
            .ToListAsync();
}
