using System.Data.Common;
using Lotse.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Lotse.Bench;

/// <summary>
/// Writes entities straight into their tables along each database's bulk path: binary COPY on
/// PostgreSQL, one prepared INSERT in large transactions on SQLite. Table and column names and value
/// conversions come from Lotse's EF model, so the rows are exactly what the app would have written.
/// Interceptors do not run: the generator sets versions and time stamps itself.
/// </summary>
internal sealed class BulkWriter(LotseDbContext db)
{
    private const int SqliteBatch = 50_000;

    public long Rows { get; private set; }

    public async Task WriteAsync<T>(IEnumerable<T> rows, CancellationToken cancellationToken = default)
        where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // Database-generated numeric keys are left to the database unless the generator set them.
        var columns = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType == typeof(long) && typeof(T) != typeof(Features.Audit.AuditEntry)))
            .Where(p => p.GetColumnName(table) is not null)
            .Select(p => new Column(p.GetColumnName(table)!, p, p.GetGetter(), Converter(p)))
            .ToList();

        if (db.Database.IsNpgsql())
        {
            await CopyAsync(table.Name, columns, rows, cancellationToken);
        }
        else
        {
            await InsertAsync(table.Name, columns, rows, cancellationToken);
        }
    }

    private static Func<object?, object?> Converter(IProperty property)
    {
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var converter = mapping.Converter;
        return converter is null ? value => value : value => value is null ? null : converter.ConvertToProvider(value);
    }

    private async Task CopyAsync<T>(string table, List<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        await using var importer = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var types = columns.Select(c => c.Property.GetColumnType()).ToArray();
        foreach (var row in rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns[i].Convert(columns[i].Getter.GetClrValueUsingContainingEntity(row!));
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, types[i], cancellationToken);
                }
            }

            Rows++;
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task InsertAsync<T>(string table, List<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((c, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        DbTransaction? transaction = null;
        var inBatch = 0;
        try
        {
            foreach (var row in rows)
            {
                if (transaction is null)
                {
                    transaction = await connection.BeginTransactionAsync(cancellationToken);
                    command.Transaction = (SqliteTransaction)transaction;
                    command.Prepare();
                }

                for (var i = 0; i < columns.Count; i++)
                {
                    parameters[i].Value = SqliteValue(columns[i].Convert(columns[i].Getter.GetClrValueUsingContainingEntity(row!)));
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                Rows++;
                if (++inBatch == SqliteBatch)
                {
                    await transaction.CommitAsync(cancellationToken);
                    await transaction.DisposeAsync();
                    transaction = null;
                    inBatch = 0;
                }
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>A value as EF Core's SQLite provider stores it: GUIDs as upper-case text, dates and times as ISO text.</summary>
    internal static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    private sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, Func<object?, object?> Convert);
}
