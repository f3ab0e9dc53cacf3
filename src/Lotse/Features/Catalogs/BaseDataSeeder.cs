using Lotse.Data;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Catalogs;

/// <summary>
/// Seeds what every installation needs: the seven roles and the default catalogues. Idempotent: it adds
/// only what is missing and never touches entries an administrator changed or deactivated.
/// </summary>
public sealed class BaseDataSeeder(LotseDbContext db, RoleManager<Role> roles)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                var result = await roles.CreateAsync(new Role { Name = role });
                if (!result.Succeeded)
                {
                    throw new InvalidOperationException($"Could not create role {role}.");
                }
            }
        }

        var existing = (await db.CatalogEntries.Select(e => new { e.Catalog, e.Code }).ToListAsync(cancellationToken))
            .Select(e => (e.Catalog, e.Code))
            .ToHashSet();
        var order = 0;
        foreach (var entry in CatalogDefaults.All)
        {
            order++;
            if (existing.Contains((entry.Catalog, entry.Code)))
            {
                continue;
            }

            db.CatalogEntries.Add(new CatalogEntry
            {
                Catalog = entry.Catalog,
                Code = entry.Code,
                Label = entry.Label,
                LabelEn = entry.LabelEn,
                Detail = entry.Detail,
                SortOrder = order * 10,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
