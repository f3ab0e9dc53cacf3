using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lotse.Data;

/// <summary>Bumps concurrency versions and sets created/updated stamps on every save.</summary>
public sealed class VersioningInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added)
            {
                if (entry.Entity is IStamped stamped)
                {
                    stamped.CreatedAt = now;
                    stamped.UpdatedAt = now;
                }

                if (entry.Entity is IVersioned added)
                {
                    added.Version = 1;
                }
            }
            else if (entry.State is EntityState.Modified)
            {
                if (entry.Entity is IStamped stamped)
                {
                    stamped.UpdatedAt = now;
                }

                if (entry.Entity is IVersioned versioned)
                {
                    // The original value stays what the caller read, so the UPDATE's WHERE clause
                    // detects a concurrent change.
                    versioned.Version++;
                }
            }
        }
    }
}
