using Lotse.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Admin.Users;

public sealed class IndexModel(LotseDbContext db) : PageModel
{
    public sealed record Row(Guid Id, string Name, string Email, string Organization, string? Team, IReadOnlyList<string> Roles, bool IsActive, bool TwoFactor);

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // EF translates ToUpper() and Contains() to SQL; culture overloads are not translatable.
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term) || u.Organization!.Name.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var users = await query
            .OrderBy(u => u.Organization!.Name).ThenBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Organization = u.Organization!.Name, Team = u.Team != null ? u.Team.Name : null, u.IsActive, u.TwoFactorEnabled })
            .ToListAsync();
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
                .ToListAsync())
            .ToLookup(x => x.UserId, x => x.Name!);
        Users = [.. users.Select(u => new Row(u.Id, u.DisplayName, u.Email ?? string.Empty, u.Organization, u.Team, [.. roles[u.Id]], u.IsActive, u.TwoFactorEnabled))];
    }
}
