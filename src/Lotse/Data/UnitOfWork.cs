using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lotse.Data;

/// <summary>Begins a transaction, or joins the one the request already runs in.</summary>
public static class UnitOfWorkExtensions
{
    /// <summary>
    /// A transaction of its own when none is open. Inside the caller's (an API POST with an
    /// <c>Idempotency-Key</c>, the demo seeder) a savepoint: what this unit did is undone when it is
    /// not committed, just as with a transaction of its own, and kept when it is; the caller's commit
    /// then decides for all.
    /// </summary>
    public static async Task<UnitOfWork> BeginOrJoinTransactionAsync(this Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database, CancellationToken cancellationToken = default)
    {
        if (database.CurrentTransaction is { } outer)
        {
            var savepoint = "unit_" + Guid.NewGuid().ToString("N");
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            return new UnitOfWork(null, outer, savepoint);
        }

        return new UnitOfWork(await database.BeginTransactionAsync(cancellationToken), null, null);
    }
}

/// <summary>A transaction, or a savepoint in the caller's (see <see cref="UnitOfWorkExtensions"/>).</summary>
public sealed class UnitOfWork(IDbContextTransaction? owned, IDbContextTransaction? outer, string? savepoint) : IAsyncDisposable
{
    private bool committed;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (owned is not null)
        {
            await owned.CommitAsync(cancellationToken);
        }
        else
        {
            await outer!.ReleaseSavepointAsync(savepoint!, cancellationToken);
        }

        committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (owned is not null)
        {
            await owned.DisposeAsync();
        }
        else if (!committed)
        {
            try
            {
                await outer!.RollbackToSavepointAsync(savepoint!);
            }
            catch (Exception exception) when (exception is InvalidOperationException or System.Data.Common.DbException)
            {
                // The connection broke: the caller's transaction is lost as a whole, which undoes this unit too.
            }
        }
    }
}
