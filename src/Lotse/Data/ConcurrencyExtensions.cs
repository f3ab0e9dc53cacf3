using Microsoft.EntityFrameworkCore;

namespace Lotse.Data;

public static class ConcurrencyExtensions
{
    /// <summary>
    /// Saves an edit of <paramref name="entity"/> made on the version the user read. Returns false,
    /// and saves nothing, when someone else saved a newer version in between.
    /// </summary>
    public static async Task<bool> TrySaveEditAsync<T>(this DbContext db, T entity, int versionRead, CancellationToken cancellationToken = default)
        where T : class, IVersioned
    {
        db.Entry(entity).Property(e => e.Version).OriginalValue = versionRead;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
