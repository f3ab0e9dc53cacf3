using System.Globalization;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Catalogs;

/// <summary>Catalogue labels in the UI language: the English label where one is set, else the German.</summary>
public static class CatalogLabels
{
    public static string LocalLabel(this CatalogEntry entry) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrWhiteSpace(entry.LabelEn) ? entry.LabelEn : entry.Label;

    /// <summary>Whether a code is an entry of the catalogue (by default: an active one).</summary>
    public static Task<bool> IsCatalogCodeAsync(this LotseDbContext db, CatalogKind kind, string code, bool activeOnly = true, CancellationToken cancellationToken = default) =>
        db.CatalogEntries.AnyAsync(e => e.Catalog == kind && e.Code == code && (!activeOnly || e.IsActive), cancellationToken);

    /// <summary>Every code of the catalogue, active or not.</summary>
    public static async Task<HashSet<string>> CatalogCodesAsync(this LotseDbContext db, CatalogKind kind, CancellationToken cancellationToken = default) =>
        [.. await db.CatalogEntries.Where(e => e.Catalog == kind).Select(e => e.Code).ToListAsync(cancellationToken)];

    /// <summary>Code → label of one catalogue, in the catalogue's order.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(LotseDbContext db, CatalogKind kind, bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        var entries = await db.CatalogEntries.Where(e => e.Catalog == kind && (!activeOnly || e.IsActive))
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Label).ToListAsync(cancellationToken);
        return entries.ToDictionary(e => e.Code, e => e.LocalLabel());
    }
}
