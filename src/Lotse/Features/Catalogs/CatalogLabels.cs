using System.Globalization;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Catalogs;

/// <summary>Catalogue labels in the UI language: the English label where one is set, else the German.</summary>
public static class CatalogLabels
{
    public static string LocalLabel(this CatalogEntry entry) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(entry.LabelEn) ? entry.LabelEn : entry.Label;

    /// <summary>Code → label of one catalogue, in the catalogue's order.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(LotseDbContext db, CatalogKind kind, bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        var entries = await db.CatalogEntries.Where(e => e.Catalog == kind && (!activeOnly || e.IsActive))
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Label).ToListAsync(cancellationToken);
        return entries.ToDictionary(e => e.Code, e => e.LocalLabel());
    }
}
