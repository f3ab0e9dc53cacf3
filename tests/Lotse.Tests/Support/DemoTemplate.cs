using Lotse.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lotse.Tests.Support;

/// <summary>
/// The demo installation, seeded once per test run and provider and copied for every factory:
/// on SQLite a standalone file written with <c>VACUUM INTO</c>, copied as a file; on PostgreSQL a
/// database that each factory's database is created from (<c>CREATE DATABASE … TEMPLATE</c>).
/// Seeding takes most of a minute; a copy takes well under a second.
/// </summary>
internal static class DemoTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? sqliteFile;
    private static string? postgresDatabase;
    private static DateTimeOffset seededAt;

    /// <summary>Gives the factory its own copy of the seeded demo; seeds the template first if this is the run's first factory.</summary>
    public static async Task CopyToAsync(LotseFactory factory)
    {
        await Gate.WaitAsync();
        try
        {
            if (LotseFactory.Provider is DatabaseProvider.Postgres)
            {
                postgresDatabase ??= await SeedPostgresAsync();
                await using var connection = new NpgsqlConnection(LotseFactory.AdminConnection);
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{factory.PostgresDatabase}\" TEMPLATE \"{postgresDatabase}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
            else
            {
                sqliteFile ??= await SeedSqliteAsync();
                File.Copy(sqliteFile, factory.DatabaseFile);
            }

            // A factory made while the template was seeded would start before the demo's last timestamps.
            if (factory.Clock.GetUtcNow() < seededAt)
            {
                factory.Clock.SetUtcNow(seededAt.AddSeconds(1));
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> SeedSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), "lotse-tests", $"template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        await SeedAsync(async seeded =>
        {
            // VACUUM INTO writes one consistent file, whatever still sits in the write-ahead log.
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(seeded.ConnectionString) { Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", file);
            await vacuum.ExecuteNonQueryAsync();
        });

        // Dropped when the test process ends normally; a killed run leaves it in the temp folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    private static async Task<string> SeedPostgresAsync()
    {
        var seeded = await SeedAsync(_ => Task.CompletedTask);
        // A template may have no session open while it is copied.
        NpgsqlConnection.ClearPool(new NpgsqlConnection(seeded.ConnectionString));
        var name = seeded.PostgresDatabase!;
        // Dropped when the test process ends normally; a killed run leaves it to the throwaway cluster.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var connection = new NpgsqlConnection(LotseFactory.AdminConnection);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        };
        return name;
    }

    /// <summary>Seeds the demo the long way, lets <paramref name="keep"/> take what it needs, and stops the host (also when seeding fails).</summary>
    private static async Task<LotseFactory> SeedAsync(Func<LotseFactory, Task> keep)
    {
        var seeded = new LotseFactory(isTemplate: true);
        try
        {
            await seeded.InitializeAsync();
            seededAt = seeded.Clock.GetUtcNow();
            await keep(seeded);
            return seeded;
        }
        finally
        {
            await ((IAsyncLifetime)seeded).DisposeAsync();
        }
    }
}
