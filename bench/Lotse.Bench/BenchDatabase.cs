using Lotse.Cli;
using Lotse.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lotse.Bench;

/// <summary>Where a bench database lives: a SQLite file in a data directory, or a PostgreSQL database.</summary>
internal sealed record BenchDatabase(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    /// <summary>The default places: <c>bench/data/{scale}</c>, or the database <c>lotse_bench_{scale}</c> on the given server.</summary>
    public static BenchDatabase For(string db, string scale, string? server, string root)
    {
        var dataDirectory = Path.Combine(root, "bench", "data", scale + "-" + db);
        if (db.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new BenchDatabase(DatabaseProvider.Sqlite,
                new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "lotse.db"), Pooling = true }.ToString(), dataDirectory);
        }

        if (!db.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--db must be sqlite or postgres, not '{db}'.");
        }

        var builder = new NpgsqlConnectionStringBuilder(server ?? Environment.GetEnvironmentVariable("LOTSE_BENCH_POSTGRES") ?? "Host=127.0.0.1;Port=55432;Username=postgres")
        {
            Database = "lotse_bench_" + scale,
        };
        return new BenchDatabase(DatabaseProvider.Postgres, builder.ToString(), dataDirectory);
    }

    /// <summary>The settings Lotse (in-process or as a child process) runs with on this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Database:Provider", Provider.ToString()),
        new("ConnectionStrings:Lotse", ConnectionString),
        new("Lotse:DataDirectory", DataDirectory),
    ];

    /// <summary>Removes the SQLite file or drops and re-creates the PostgreSQL database.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        Directory.CreateDirectory(DataDirectory);
        if (Provider is DatabaseProvider.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
            var name = builder.Database!;
            builder.Database = "postgres";
            await using var connection = new NpgsqlConnection(builder.ToString());
            await connection.OpenAsync(cancellationToken);
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", $"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0" })
            {
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>A Lotse host on this database, used for its migrations, demo seeder, audit sealer and model.</summary>
    public WebApplication BuildLotseHost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = "Lotse", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning")]);
        builder.AddLotse();
        var app = builder.Build();
        app.UseLotse();
        return app;
    }

    public static Task<int> RunLotseCommandAsync(WebApplication app, params string[] args) => LotseCli.RunAsync(app.Services, args, Console.Out);
}
