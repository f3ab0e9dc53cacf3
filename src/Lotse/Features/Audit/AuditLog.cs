using Lotse.Data;
using Lotse.Security;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Audit;

/// <summary>
/// Records reads of personal data. Writes are recorded by <see cref="Data.AuditInterceptor"/> in the
/// same transaction as the change.
/// </summary>
public sealed class AuditLog(LotseDbContext db, CurrentActor actor, TimeProvider time)
{
    /// <summary>Records that the current user read a record, and saves at once.</summary>
    public async Task ReadAsync(string entityType, Guid entityId, Guid? clientId, string? fields = null, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(Entry(AuditOperation.Read, entityType, entityId, clientId, fields));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a search over personal data (which records were listed), and saves at once.</summary>
    public async Task SearchAsync(string entityType, IEnumerable<Guid> clientIds, CancellationToken cancellationToken = default)
    {
        foreach (var clientId in clientIds.Distinct())
        {
            db.AuditEntries.Add(Entry(AuditOperation.Search, entityType, clientId, clientId, null));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records any other operation (e.g. a search of the audit log, an export), and saves at once.</summary>
    public async Task RecordAsync(AuditOperation operation, string entityType, Guid? entityId, Guid? clientId, string? fields, CancellationToken cancellationToken = default)
    {
        db.AuditEntries.Add(Entry(operation, entityType, entityId, clientId, fields));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records an operation of a user who is not (yet) the signed-in one, e.g. at sign-in, and saves at once.</summary>
    public async Task RecordForAsync(Guid? userId, Guid? organizationId, AuditOperation operation, string entityType, Guid? entityId, string? fields, CancellationToken cancellationToken = default)
    {
        var entry = Entry(operation, entityType, entityId, null, fields);
        entry.UserId = userId;
        entry.OrganizationId = organizationId;
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a refused access, and saves at once.</summary>
    public Task DeniedAsync(string entityType, Guid entityId, CancellationToken cancellationToken = default) =>
        DeniedAsync(entityType, entityId, null, cancellationToken);

    /// <summary>Records a refused access with the operation that was refused, and saves at once.</summary>
    public async Task DeniedAsync(string entityType, Guid entityId, string? operation, CancellationToken cancellationToken = default)
    {
        // An anonymised person's record stays without a link in the log, even when someone asks for it again.
        var anonymised = await db.Clients.AnyAsync(c => c.Id == entityId && c.AnonymisedAt != null, cancellationToken)
            || await db.Cases.AnyAsync(c => c.Id == entityId && c.AnonymisedAt != null, cancellationToken);
        db.AuditEntries.Add(Entry(AuditOperation.Denied, entityType, anonymised ? null : entityId, null, operation));
        await db.SaveChangesAsync(cancellationToken);
    }

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The acting user, null outside a request.</summary>
    public Guid? ActorId => actor.UserId;

    internal AuditEntry Entry(AuditOperation operation, string entityType, Guid? entityId, Guid? clientId, string? fields) => new()
    {
        At = time.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        OrganizationId = actor.OrganizationId,
        Operation = operation,
        EntityType = entityType,
        EntityId = entityId,
        ClientId = clientId,
        Fields = fields,
        Channel = actor.Channel,
    };
}
