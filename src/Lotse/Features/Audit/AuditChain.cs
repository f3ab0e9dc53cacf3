using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Audit;

/// <summary>The result of <see cref="AuditChain.VerifyAsync"/>.</summary>
public sealed record AuditVerification(bool Intact, long Checked, long Unsealed, long? FirstBrokenId, string? Problem, string? HeadHash);

/// <summary>
/// The tamper-evident audit log (ADR 010). Entries are written append-only in the transaction of
/// the change they record; the sealer then chains them in the order it meets them: each gets the
/// next sequence number, the hash of its predecessor and a SHA-256 over both and its own fields.
/// A changed, inserted or deleted entry breaks the chain, and <see cref="VerifyAsync"/> names the
/// first broken one.
/// </summary>
public sealed class AuditChain(LotseDbContext db)
{
    private const long PostgresLockKey = 0x4C6F7473_65417564; // "LotseAud"

    /// <summary>One sealer at a time per process; PostgreSQL adds an advisory lock across nodes.</summary>
    private static readonly SemaphoreSlim ProcessLock = new(1, 1);

    public static readonly byte[] Genesis = new byte[32];

    /// <summary>
    /// The bytes a hash covers: the predecessor's hash and every field of the entry, with the record
    /// and client ids only through <see cref="AuditEntry.LinkDigest"/> (ADR 011).
    /// </summary>
    public static byte[] Canonical(AuditEntry e, byte[] previous)
    {
        var text = string.Join('|',
            e.Id.ToString(CultureInfo.InvariantCulture),
            e.Sequence?.ToString(CultureInfo.InvariantCulture),
            DateTime.SpecifyKind(e.At, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            e.UserId?.ToString("D"),
            e.OrganizationId?.ToString("D"),
            ((int)e.Operation).ToString(CultureInfo.InvariantCulture),
            e.EntityType,
            e.LinkDigest is null ? null : Convert.ToHexStringLower(e.LinkDigest),
            e.Fields,
            e.Channel);
        return [.. previous, .. Encoding.UTF8.GetBytes(text)];
    }

    public static byte[] HashOf(AuditEntry e, byte[] previous) => SHA256.HashData(Canonical(e, previous));

    /// <summary>
    /// A commitment to the entry's record and client ids. The predecessor's hash salts it, so the
    /// digests of one person's entries cannot be matched with each other once the ids are gone.
    /// </summary>
    public static byte[] LinkDigestOf(Guid? entityId, Guid? clientId, byte[] previous) =>
        SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes($"{entityId:D}|{clientId:D}")]);

    /// <summary>Chains every unsealed entry; returns how many were sealed.</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        await ProcessLock.WaitAsync(cancellationToken);
        try
        {
            var sealedCount = 0;
            while (true)
            {
                await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
                if (db.Database.IsNpgsql())
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
                }

                var head = await db.AuditEntries.Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
                    .Select(a => new { a.Sequence, a.Hash }).FirstOrDefaultAsync(cancellationToken);
                var batch = await db.AuditEntries.Where(a => a.Sequence == null).OrderBy(a => a.Id).Take(1000).ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    return sealedCount;
                }

                var sequence = head?.Sequence ?? 0;
                var previous = head?.Hash ?? Genesis;
                foreach (var entry in batch)
                {
                    entry.Sequence = ++sequence;
                    entry.PreviousHash = previous;
                    entry.LinkDigest = LinkDigestOf(entry.EntityId, entry.ClientId, previous);
                    entry.Hash = HashOf(entry, previous);
                    previous = entry.Hash;
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                sealedCount += batch.Count;
            }
        }
        finally
        {
            ProcessLock.Release();
        }
    }

    /// <summary>Walks the whole chain in sequence order and recomputes every hash.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var unsealed = await db.AuditEntries.LongCountAsync(a => a.Sequence == null, cancellationToken);
        long expected = 1;
        var previous = Genesis;
        long checkedCount = 0;
        long lastSequence = 0;
        while (true)
        {
            var from = lastSequence;
            var batch = await db.AuditEntries.AsNoTracking().Where(a => a.Sequence > from).OrderBy(a => a.Sequence).Take(5000).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                if (entry.Sequence != expected)
                {
                    return new AuditVerification(false, checkedCount, unsealed, entry.Id,
                        string.Create(CultureInfo.InvariantCulture, $"sequence {expected} is missing before entry {entry.Id} (sequence {entry.Sequence}): an entry was deleted or renumbered"), null);
                }

                if (entry.PreviousHash is null || !entry.PreviousHash.AsSpan().SequenceEqual(previous))
                {
                    return new AuditVerification(false, checkedCount, unsealed, entry.Id,
                        string.Create(CultureInfo.InvariantCulture, $"entry {entry.Id} (sequence {entry.Sequence}) does not point to its predecessor"), null);
                }

                // Erasure may drop both ids (the link to a person); ids still present must match the digest.
                var unlinked = entry.EntityId is null && entry.ClientId is null;
                if (entry.LinkDigest is null || (!unlinked && !entry.LinkDigest.AsSpan().SequenceEqual(LinkDigestOf(entry.EntityId, entry.ClientId, previous))))
                {
                    return new AuditVerification(false, checkedCount, unsealed, entry.Id,
                        string.Create(CultureInfo.InvariantCulture, $"entry {entry.Id} (sequence {entry.Sequence}) was changed after it was sealed"), null);
                }

                var hash = HashOf(entry, previous);
                if (entry.Hash is null || !entry.Hash.AsSpan().SequenceEqual(hash))
                {
                    return new AuditVerification(false, checkedCount, unsealed, entry.Id,
                        string.Create(CultureInfo.InvariantCulture, $"entry {entry.Id} (sequence {entry.Sequence}) was changed after it was sealed"), null);
                }

                previous = hash;
                expected++;
                checkedCount++;
                lastSequence = entry.Sequence!.Value;
            }
        }

        return new AuditVerification(true, checkedCount, unsealed, null, null, checkedCount == 0 ? null : Convert.ToHexStringLower(previous));
    }
}
