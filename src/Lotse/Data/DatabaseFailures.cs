using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lotse.Data;

/// <summary>
/// Tells the two database failures a user can do something about from the rest (ADR 016):
/// a <b>conflict</b> (someone saved the same record first, or the same unique row, so nothing of
/// this request was saved: 409) and a <b>transient</b> failure (the database is restarting,
/// unreachable, or the SQLite file stayed locked beyond the busy timeout: 503, try again).
/// </summary>
public static class DatabaseFailures
{
    /// <summary>Someone else's save won: a stale version, a row already deleted, or a unique row already there.</summary>
    public static bool IsConflict(Exception exception) =>
        exception is DbUpdateConcurrencyException
        || (exception is DbUpdateException && Chain(exception).Any(e => e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }
            || e is SqliteException { SqliteExtendedErrorCode: 2067 or 1555 }));

    /// <summary>
    /// A failure that goes away by itself: connection refused or broken, PostgreSQL shutting down or
    /// starting (57P01, 57P03), too many connections, a deadlock or serialization failure, or SQLite
    /// busy or locked beyond <c>busy_timeout</c>.
    /// </summary>
    public static bool IsTransient(Exception exception) =>
        Chain(exception).Any(e => e switch
        {
            DatabaseUnavailableException or SqliteException { SqliteErrorCode: 5 or 6 } => true,
            // Only the states listed: a full disk or an I/O error is not "back in a moment".
            PostgresException postgres => postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || TransientStates.Contains(postgres.SqlState),
            // Without a server state: the connection could not be made or broke (socket, stream, timeout).
            NpgsqlException { IsTransient: true } => true,
            _ => false,
        });

    private static readonly HashSet<string> TransientStates =
    [
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections, PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected,
    ];

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}

/// <summary>
/// The connection broke inside a unit of work, so whether it was saved is not known: the caller is
/// told to try again (a POST with an <c>Idempotency-Key</c> then gets the stored answer or is carried out).
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);
