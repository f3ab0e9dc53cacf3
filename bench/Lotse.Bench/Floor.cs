using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Lotse.Data;
using Lotse.Features.Clients.Matching;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lotse.Bench;

/// <summary>
/// The floor: every read scenario served by the shortest path the same machine and database allow —
/// one hand-written SQL statement through the raw ADO.NET provider and a minimal HTML string, no
/// framework, no authentication, no audit. Lotse's figure is divided by this one.
/// </summary>
internal static class Floor
{
    public static async Task RunAsync(BenchDatabase database, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var source = new Source(database);

        app.MapGet("/ready", () => "ok");
        app.MapGet("/my-day", (Guid user) => source.Html("""
            SELECT c."Reference", cl."FamilyName", cl."GivenName", c."Phase",
                   (SELECT MAX(e."At") FROM "Encounters" e WHERE e."CaseId" = c."Id") AS "LastContact"
            FROM "Cases" c JOIN "Clients" cl ON cl."Id" = c."ClientId"
            WHERE c."ResponsibleUserId" = @user AND c."Phase" <> 6
            ORDER BY "LastContact" LIMIT 50
            """, ("user", user)));
        app.MapGet("/cases", (Guid user, int phase, int page) => source.Html("""
            SELECT c."Reference", cl."FamilyName", cl."GivenName", c."Phase", c."OpenedOn", u."DisplayName"
            FROM "Cases" c JOIN "Clients" cl ON cl."Id" = c."ClientId" JOIN "AspNetUsers" u ON u."Id" = c."ResponsibleUserId"
            WHERE c."ResponsibleUserId" = @user AND c."Phase" = @phase
            ORDER BY cl."FamilyName", cl."GivenName" LIMIT 50 OFFSET @offset
            """, ("user", user), ("phase", phase), ("offset", (page - 1) * 50)));
        app.MapGet("/clients", (Guid organization, string q) =>
        {
            // The same normalisation Lotse's name keys use (C#, not database work).
            var tokens = NameKeys.SearchPrefixes(q);
            var token = tokens.Count > 0 ? tokens[0] : q;
            var low = "t:" + token;
            var high = low[..^1] + (char)(low[^1] + 1);
            return source.Html("""
                SELECT c."FamilyName", c."GivenName", c."BirthDate" FROM "Clients" c
                WHERE c."OrganizationId" = @organization
                  AND c."Id" IN (SELECT k."ClientId" FROM "ClientNameKeys" k WHERE k."OrganizationId" = @organization AND k."Key" >= @low AND k."Key" < @high)
                ORDER BY c."FamilyName" LIMIT 25
                """, ("organization", organization), ("low", low), ("high", high));
        });
        app.MapGet("/case", (Guid id) => source.Html("""
            SELECT c."Reference", c."Phase", cl."FamilyName", cl."GivenName", cl."BirthDate", e."At", e."KindCode", e."DurationMinutes"
            FROM "Cases" c JOIN "Clients" cl ON cl."Id" = c."ClientId" LEFT JOIN "Encounters" e ON e."CaseId" = c."Id"
            WHERE c."Id" = @id ORDER BY e."At" DESC
            """, ("id", id)));
        app.MapGet("/inbox", (Guid organization) => source.Html("""
            SELECT r."SentAt", r."Status", r."NeedAreaCode", o."Name", s."Name"
            FROM "Referrals" r LEFT JOIN "Offers" o ON o."Id" = r."OfferId" JOIN "Organizations" s ON s."Id" = r."SenderOrganizationId"
            WHERE r."RecipientOrganizationId" = @organization AND r."Status" IN (2, 3, 5)
            ORDER BY r."SentAt" DESC LIMIT 200
            """, ("organization", organization)));
        app.MapGet("/report", (DateOnly from, DateOnly to) => source.Html("""
            SELECT 'new', COUNT(*) FROM "Cases" WHERE "OpenedOn" >= @from AND "OpenedOn" <= @to
            UNION ALL SELECT 'active', COUNT(*) FROM "Cases" WHERE "OpenedOn" <= @to AND ("ClosedOn" IS NULL OR "ClosedOn" >= @from)
            UNION ALL SELECT 'closed ' || COALESCE("ClosureReasonCode", ''), COUNT(*) FROM "Cases" WHERE "ClosedOn" >= @from AND "ClosedOn" <= @to GROUP BY "ClosureReasonCode"
            UNION ALL SELECT 'route ' || COALESCE("AccessRouteCode", ''), COUNT(*) FROM "Cases" WHERE "OpenedOn" >= @from AND "OpenedOn" <= @to GROUP BY "AccessRouteCode"
            UNION ALL SELECT 'goals ' || CAST("Status" AS TEXT), COUNT(*) FROM "Goals" WHERE "AgreedOn" >= @from AND "AgreedOn" <= @to GROUP BY "Status"
            UNION ALL SELECT 'referrals ' || CAST("Status" AS TEXT), COUNT(*) FROM "Referrals" WHERE "SentAt" >= @fromInstant AND "SentAt" < @toInstant GROUP BY "Status"
            UNION ALL SELECT 'contacts', COUNT(*) FROM "Encounters" WHERE "At" >= @fromInstant AND "At" < @toInstant
            UNION ALL SELECT 'minutes', SUM("DurationMinutes") FROM "Encounters" WHERE "At" >= @fromInstant AND "At" < @toInstant
            """, ("from", from), ("to", to), ("fromInstant", from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), ("toInstant", to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))));
        app.MapGet("/services", () => source.Html("""
            SELECT o."Name", o."Description", g."Name" FROM "Offers" o JOIN "Organizations" g ON g."Id" = o."OrganizationId"
            WHERE o."IsActive" ORDER BY o."Name", o."Id" LIMIT 50
            """));

        await app.RunAsync(cancellationToken);
    }

    private sealed class Source(BenchDatabase database)
    {
        private readonly NpgsqlDataSource? postgres = database.Provider is DatabaseProvider.Postgres ? NpgsqlDataSource.Create(database.ConnectionString) : null;

        public async Task<IResult> Html(string sql, params (string Name, object Value)[] parameters)
        {
            await using var connection = postgres is not null ? (DbConnection)await postgres.OpenConnectionAsync() : new SqliteConnection(database.ConnectionString);
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.OpenAsync();
            }

            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = postgres is not null ? value : BulkWriter.SqliteValue(value);
                command.Parameters.Add(parameter);
            }

            var html = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Floor</title></head><body><table>");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                html.Append("<tr>");
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    html.Append("<td>").Append(HtmlEncoder.Default.Encode(Convert.ToString(reader.IsDBNull(i) ? "" : reader.GetValue(i), CultureInfo.InvariantCulture) ?? "")).Append("</td>");
                }

                html.Append("</tr>");
            }

            return Results.Content(html.Append("</table></body></html>").ToString(), "text/html; charset=utf-8");
        }
    }
}
