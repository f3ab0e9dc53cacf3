using Lotse.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Lotse.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public void The_sqlite_migrations_match_the_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Lotse --context SqliteLotseDbContext --output-dir Data/Migrations/Sqlite");
    }

    [Fact]
    public void The_postgres_migrations_match_the_model()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet ef migrations add <Name> --project src/Lotse --context PostgresLotseDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(postgres));
    }

    /// <summary>
    /// Designer files are folded away (scripts/add-migration.sh, ADR 014), but SQLite rebuilds a table
    /// for these operations from the migration's target model, so a migration with one keeps its designer.
    /// </summary>
    [Fact]
    public void A_sqlite_migration_that_rebuilds_a_table_keeps_the_model_it_needs()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var assembly = db.GetService<IMigrationsAssembly>();
        Assert.NotEmpty(assembly.Migrations);
        foreach (var (id, type) in assembly.Migrations)
        {
            var migration = assembly.CreateMigration(type, db.Database.ProviderName!);
            var rebuilding = migration.UpOperations.Where(o => o is AlterColumnOperation or DropColumnOperation or RenameIndexOperation or AddForeignKeyOperation
                or DropForeignKeyOperation or AddPrimaryKeyOperation or DropPrimaryKeyOperation or AddUniqueConstraintOperation
                or DropUniqueConstraintOperation or AddCheckConstraintOperation or DropCheckConstraintOperation).ToList();
            if (rebuilding.Count > 0)
            {
                Assert.True(migration.TargetModel.GetEntityTypes().Any(),
                    $"{id} rebuilds a table on SQLite ({rebuilding[0].GetType().Name}) but its designer file was folded away: restore it from git.");
            }
        }
    }

    [Fact]
    public async Task A_database_of_the_retired_pre_release_migrations_is_refused_with_what_to_do()
    {
        var directory = Directory.CreateTempSubdirectory("lotse-retired-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "old.db")};Pooling=false";
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('20261125121818_Initial', '10.0.0'), ('20261125131444_CaseManagementCore', '10.0.0');
                """;
            await create.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<SqliteLotseDbContext>();
        DatabaseSetup.ConfigureSqlite(options, connectionString);
        await using var db = new SqliteLotseDbContext(options.Options);
        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseSetup.RefuseRetiredSchemaAsync(db, CancellationToken.None));
        Assert.Contains("20261125121818_Initial and 1 more", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("delete that database", refusal.Message, StringComparison.Ordinal);

        // A database made by this version passes.
        await using var fresh = new SqliteLotseDbContext(new DbContextOptionsBuilder<SqliteLotseDbContext>()
            .UseSqlite($"Data Source={Path.Combine(directory.FullName, "new.db")};Pooling=false").Options);
        await fresh.Database.MigrateAsync();
        await DatabaseSetup.RefuseRetiredSchemaAsync(fresh, CancellationToken.None);
        directory.Delete(recursive: true);
    }
}
