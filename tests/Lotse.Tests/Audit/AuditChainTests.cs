using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Audit;

/// <summary>
/// The audit log is tamper-evident: a changed entry breaks the hash chain and <c>audit verify</c>
/// names it. Runs on an installation of its own, because it breaks the chain on purpose.
/// </summary>
#pragma warning disable CA1001 // The app is disposed in DisposeAsync, which xunit calls through IAsyncLifetime.
public sealed class AuditChainTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly LotseFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Audit_verify_passes_on_an_untouched_log_and_names_the_entry_that_was_changed_directly_in_the_database()
    {
        // Some personal data is read and written, so the log holds fresh entries.
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Oksana", familyName = "Bondar", birthDate = "1984" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using (var read = await api.GetAsync($"/api/v1/clients/{clientId}"))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        var (intact, lines) = await LotseCommand.RunAsync(app, "audit", "verify");
        Assert.True(intact == 0, string.Join('\n', lines));
        Assert.StartsWith("Audit chain intact:", lines[^1], StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var sealedCount = await db.AuditEntries.CountAsync(a => a.Sequence != null);
        Assert.True(sealedCount >= 3, $"only {sealedCount} sealed entries");
        var victim = await db.AuditEntries.Where(a => a.Sequence != null).OrderBy(a => a.Sequence).Skip(sealedCount / 2).FirstAsync();

        if (db.Database.IsNpgsql())
        {
            // On PostgreSQL a trigger refuses to change or delete a sealed entry, even outside the app.
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
                db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Fields\" = 'tampered' WHERE \"Id\" = {victim.Id}"));
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
                db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim.Id}"));

            // A superuser can still switch the triggers off; the chain catches that too.
            await BypassTriggersAsync(db);
        }

        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"Fields\" = 'tampered' WHERE \"Id\" = {victim.Id}");

        var (broken, brokenLines) = await LotseCommand.RunAsync(app, "audit", "verify");
        Assert.Equal(1, broken);
        Assert.Contains($"BROKEN at entry {victim.Id}:", brokenLines[^1], StringComparison.Ordinal);
        Assert.Contains("changed after it was sealed", brokenLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_entry_breaks_the_chain_at_its_successor()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        var clients = await api.GetFromJsonAsync<JsonElement>("/api/v1/clients?q=Popescu");
        Assert.NotEqual(0, clients.GetProperty("total").GetInt32());
        Assert.Equal(0, (await LotseCommand.RunAsync(app, "audit", "verify")).ExitCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var sealedEntries = await db.AuditEntries.Where(a => a.Sequence != null).OrderBy(a => a.Sequence).Select(a => new { a.Id, a.Sequence }).ToListAsync();
        var victim = sealedEntries[sealedEntries.Count / 2];
        var successor = sealedEntries[(sealedEntries.Count / 2) + 1];
        if (db.Database.IsNpgsql())
        {
            await BypassTriggersAsync(db);
        }

        await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEntries\" WHERE \"Id\" = {victim.Id}");

        var (code, lines) = await LotseCommand.RunAsync(app, "audit", "verify");
        Assert.Equal(1, code);
        Assert.Contains($"BROKEN at entry {successor.Id}:", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_may_drop_the_link_to_a_person_but_pointing_an_entry_at_another_person_breaks_the_chain()
    {
        using var api = await ApiClient.ForAsync(app, "fm.mitte@demo.lotse");
        using var created = await api.PostAsJsonAsync("/api/v1/clients", new { givenName = "Marta", familyName = "Kowalczyk", birthDate = "1979" });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(0, (await LotseCommand.RunAsync(app, "audit", "verify")).ExitCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LotseDbContext>();
        var linked = await db.AuditEntries.Where(a => a.ClientId == clientId && a.Sequence != null).OrderBy(a => a.Sequence).Select(a => a.Id).ToListAsync();
        Assert.NotEmpty(linked);

        // What erasure does, and what the trigger allows: both ids become null.
        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ClientId\" = NULL, \"EntityId\" = NULL WHERE \"Id\" = {linked[0]}");
        Assert.Equal(0, (await LotseCommand.RunAsync(app, "audit", "verify")).ExitCode);

        // Pointing an entry at somebody else is refused on PostgreSQL and caught by the chain everywhere.
        var other = Guid.CreateVersion7();
        var victim = linked[^1];
        if (db.Database.IsNpgsql())
        {
            await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
                db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ClientId\" = {other} WHERE \"Id\" = {victim}"));
            await BypassTriggersAsync(db);
        }

        await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEntries\" SET \"ClientId\" = {other} WHERE \"Id\" = {victim}");
        var (code, lines) = await LotseCommand.RunAsync(app, "audit", "verify");
        Assert.Equal(1, code);
        Assert.Contains($"BROKEN at entry {victim}:", lines[^1], StringComparison.Ordinal);
    }

    /// <summary>What only a database superuser can do: switch the append-only triggers off for this connection.</summary>
    private static async Task BypassTriggersAsync(LotseDbContext db)
    {
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("SET session_replication_role = replica");
    }

    [Fact]
    public void The_hash_covers_every_field_and_the_predecessor()
    {
        var entry = new AuditEntry { Id = 7, Sequence = 3, At = new DateTime(2026, 11, 25, 9, 0, 0, DateTimeKind.Utc), Operation = AuditOperation.Read, EntityType = "Client", EntityId = Guid.NewGuid(), Fields = "Phone" };
        var hash = AuditChain.HashOf(entry, AuditChain.Genesis);
        Assert.Equal(32, hash.Length);
        Assert.NotEqual(hash, AuditChain.HashOf(entry, hash));
        entry.Fields = "Email";
        Assert.NotEqual(hash, AuditChain.HashOf(entry, AuditChain.Genesis));
    }
}
