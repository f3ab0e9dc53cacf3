using Lotse.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lotse.Data;

/// <summary>The database engines Lotse runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Registers the one model on the configured provider.</summary>
public static class DatabaseSetup
{
    /// <summary>Reads <c>Database:Provider</c>; SQLite when absent.</summary>
    public static DatabaseProvider GetDatabaseProvider(this IConfiguration configuration)
    {
        var value = configuration["Database:Provider"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Database:Provider must be 'Sqlite' or 'Postgres', not '{value}'.");
    }

    /// <summary>The data directory (<c>Lotse:DataDirectory</c>, default <c>./data</c>), created when missing.</summary>
    public static string GetDataDirectory(this IConfiguration configuration)
    {
        var directory = Path.GetFullPath(configuration["Lotse:DataDirectory"] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>The connection string: <c>ConnectionStrings:Lotse</c>, or for SQLite the file <c>lotse.db</c> in the data directory.</summary>
    public static string GetLotseConnectionString(this IConfiguration configuration, DatabaseProvider provider)
    {
        var configured = configuration.GetConnectionString("Lotse");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider is DatabaseProvider.Postgres)
        {
            throw new InvalidOperationException(
                "Database:Provider is Postgres but ConnectionStrings:Lotse is empty.");
        }

        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(configuration.GetDataDirectory(), "lotse.db"),
            Pooling = true,
        }.ToString();
    }

    /// <summary>
    /// Registers both provider contexts; <see cref="LotseDbContext"/> resolves to the configured one.
    /// Configuration is read when a context is created, so a test host's settings take effect.
    /// </summary>
    public static IServiceCollection AddLotseDatabase(this IServiceCollection services)
    {
        services.AddScoped<JobLeases>();
        services.AddSingleton<VersioningInterceptor>();
        services.AddSingleton<InputGuardInterceptor>();
        services.AddSingleton<SqliteConnectionSettings>();
        services.AddDbContext<SqliteLotseDbContext>((sp, options) =>
            ConfigureSqlite(options, sp.GetRequiredService<IConfiguration>().GetLotseConnectionString(DatabaseProvider.Sqlite))
                .AddInterceptors(sp.GetRequiredService<SqliteConnectionSettings>(), sp.GetRequiredService<InputGuardInterceptor>(),
                    sp.GetRequiredService<VersioningInterceptor>(), new AuditInterceptor(sp)));
        services.AddDbContext<PostgresLotseDbContext>((sp, options) =>
            ConfigurePostgres(options, sp.GetRequiredService<IConfiguration>().GetLotseConnectionString(DatabaseProvider.Postgres))
                .AddInterceptors(sp.GetRequiredService<InputGuardInterceptor>(), sp.GetRequiredService<VersioningInterceptor>(), new AuditInterceptor(sp)));
        services.AddScoped<LotseDbContext>(sp =>
            sp.GetRequiredService<IConfiguration>().GetDatabaseProvider() is DatabaseProvider.Sqlite
                ? sp.GetRequiredService<SqliteLotseDbContext>()
                : sp.GetRequiredService<PostgresLotseDbContext>());
        return services;
    }

    internal static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite =>
        {
            sqlite.MigrationsHistoryTable("__EFMigrationsHistory");
            sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
        });

    internal static DbContextOptionsBuilder ConfigurePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql =>
        {
            npgsql.MigrationsHistoryTable("__EFMigrationsHistory");
            npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery);
        });

    /// <summary>The pre-release migrations folded into the baseline (ADR 014), of both providers.</summary>
    private static readonly HashSet<string> RetiredMigrations =
    [
        "20261125121818_Initial", "20261125131444_CaseManagementCore", "20261125145922_ServiceNetwork", "20261125155347_AuditChain",
        "20261125161851_EmergencyAccess", "20261125165347_ClientRestriction", "20261201072242_DataSubjectRights", "20261201080503_CorrectionTrail",
        "20261201084243_StatisticsExchange", "20261201085749_SteeringFigures", "20261201091227_StructuralBarriers", "20261201111245_ReportAndInboxIndexes",
        "20261125121822_Initial", "20261125131449_CaseManagementCore", "20261125145928_ServiceNetwork", "20261125155352_AuditChain",
        "20261125161856_EmergencyAccess", "20261125165352_ClientRestriction", "20261201072309_DataSubjectRights", "20261201080530_CorrectionTrail",
        "20261201084308_StatisticsExchange", "20261201085819_SteeringFigures", "20261201091257_StructuralBarriers", "20261201111248_ReportAndInboxIndexes",
    ];

    /// <summary>Applies pending migrations; on SQLite it also switches the file to WAL mode.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        await RefuseRetiredSchemaAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one writer writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Stops with a message that says what to do when the database was made by the retired
    /// pre-release migrations (ADR 014), instead of failing on the baseline's first CREATE TABLE.
    /// </summary>
    internal static async Task RefuseRetiredSchemaAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (await db.Database.CanConnectAsync(cancellationToken))
        {
            // The migrations were folded into one baseline before the first release (ADR 014). A database
            // made by the earlier pre-release set would fail on its first CREATE TABLE; say why instead.
            var retired = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Where(RetiredMigrations.Contains).ToList();
            if (retired.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database was created by the retired pre-release migrations ({retired[0]} and {retired.Count - 1} more), which this version no longer carries. " +
                    "No installation exists from that time: delete that database (for the demo, the data directory) and start again (docs/adr/014-one-baseline-migration.md).");
            }
        }
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLotseDbContext>
{
    public SqliteLotseDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteLotseDbContext>();
        DatabaseSetup.ConfigureSqlite(options, "Data Source=design-time.db");
        return new SqliteLotseDbContext(options.Options);
    }
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model without a server.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLotseDbContext>
{
    public PostgresLotseDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<PostgresLotseDbContext>();
        DatabaseSetup.ConfigurePostgres(options, "Host=localhost;Database=lotse_design");
        return new PostgresLotseDbContext(options.Options);
    }
}
