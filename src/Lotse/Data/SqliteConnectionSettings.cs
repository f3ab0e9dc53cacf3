using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lotse.Data;

/// <summary>
/// Makes every SQLite connection fit for a server (ADR 016): a writer that finds the file locked
/// waits inside SQLite (<c>busy_timeout</c>, default 5 s, <c>Lotse:Sqlite:BusyTimeoutMs</c>) instead of
/// Microsoft.Data.Sqlite's fixed 150 ms sleeps, and gives up after that one wait (the request then
/// answers 503); <c>synchronous=NORMAL</c>, which with WAL never loses a committed transaction when
/// the process dies (a power cut may lose the last ones, never corrupt the file); a 32 MB page
/// cache and memory-mapped reads. The settings hold per connection, so they are set each time one
/// is opened (a few microseconds on a pooled connection).
/// </summary>
public sealed class SqliteConnectionSettings(IConfiguration configuration) : DbConnectionInterceptor
{
    /// <summary><c>Lotse:Sqlite:BusyTimeoutMs</c>, 5,000 when absent.</summary>
    public int BusyTimeoutMilliseconds =>
        int.TryParse(configuration["Lotse:Sqlite:BusyTimeoutMs"], NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : 5000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = Prepare(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = Prepare(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand Prepare(DbConnection connection)
    {
        var busyTimeout = BusyTimeoutMilliseconds;
        if (connection is SqliteConnection sqlite)
        {
            // Microsoft.Data.Sqlite retries a locked statement (sleeping 150 ms each time) until its command
            // timeout; used for nothing else on SQLite, it is set to end right after SQLite's own wait.
            sqlite.DefaultTimeout = Math.Max(1, (busyTimeout + 999) / 1000);
        }

        var command = connection.CreateCommand();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout={busyTimeout}; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;");
        return command;
    }
}
