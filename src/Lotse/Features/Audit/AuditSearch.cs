using System.Globalization;
using System.Text;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Audit;

public sealed record AuditFilter(Guid? UserId = null, Guid? ClientId = null, Guid? OrganizationId = null, AuditOperation? Operation = null,
    DateOnly? From = null, DateOnly? To = null)
{
    public override string ToString() => string.Join(',', new[]
    {
        UserId is { } u ? $"user={u}" : null,
        ClientId is { } c ? $"client={c}" : null,
        OrganizationId is { } o ? $"organization={o}" : null,
        Operation is { } op ? $"operation={op}" : null,
        From is { } f ? $"from={f:O}" : null,
        To is { } t ? $"to={t:O}" : null,
    }.OfType<string>());
}

/// <summary>Why an access deserves a second look.</summary>
[Flags]
public enum AuditConcern
{
    None = 0,

    /// <summary>Outside office hours: before 7:00, after 19:00 or at the weekend.</summary>
    OffHours = 1,

    /// <summary>The user opened many different clients within a short time.</summary>
    ManyClients = 2,

    /// <summary>A refused access.</summary>
    Refused = 4,

    /// <summary>Made under an emergency access (break glass).</summary>
    Emergency = 8,
}

public sealed record AuditRow(long Id, DateTime At, Guid? UserId, string? UserName, Guid? OrganizationId, string? OrganizationName, AuditOperation Operation,
    string EntityType, Guid? EntityId, Guid? ClientId, string? Fields, string? Channel, long? Sequence, AuditConcern Concerns);

/// <summary>Who accessed one person's data: per user, how often, when last, and which operations.</summary>
public sealed record ClientAccess(string User, string? Organization, int Count, DateTime Last, IReadOnlyList<AuditOperation> Operations);

/// <summary>
/// The data protection officer's search over the audit log: filters, flags for unusual access and
/// CSV. The log names records and fields, never values, so the officer sees no client content.
/// </summary>
public sealed class AuditSearch(LotseDbContext db, LocalZone zone)
{
    /// <summary>Distinct clients one user may open within <see cref="BurstWindow"/> before it is flagged.</summary>
    public const int BurstClients = 20;

    public static readonly TimeSpan BurstWindow = TimeSpan.FromMinutes(10);

    /// <summary>"Who accessed this client", grouped in the database, newest first.</summary>
    public async Task<IReadOnlyList<ClientAccess>> AccessesToClientAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var groups = await db.AuditEntries.Where(a => a.ClientId == clientId && a.UserId != null)
            .GroupBy(a => new { a.UserId, a.OrganizationId, a.Operation })
            .Select(g => new { g.Key.UserId, g.Key.OrganizationId, g.Key.Operation, Count = g.Count(), Last = g.Max(a => a.At) })
            .ToListAsync(cancellationToken);
        var userIds = groups.Select(a => a.UserId!.Value).Distinct().ToList();
        var organizationIds = groups.Where(a => a.OrganizationId != null).Select(a => a.OrganizationId!.Value).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        return [.. groups.GroupBy(a => a.UserId!.Value).Select(g => new ClientAccess(
                users.GetValueOrDefault(g.Key, "?"),
                g.First().OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null,
                g.Sum(a => a.Count),
                DateTime.SpecifyKind(g.Max(a => a.Last), DateTimeKind.Utc),
                [.. g.Select(a => a.Operation)]))
            .OrderByDescending(a => a.Last)];
    }

    public IQueryable<AuditEntry> Query(AuditFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.UserId is { } user)
        {
            query = query.Where(a => a.UserId == user);
        }

        if (filter.ClientId is { } client)
        {
            query = query.Where(a => a.ClientId == client);
        }

        if (filter.OrganizationId is { } organization)
        {
            query = query.Where(a => a.OrganizationId == organization);
        }

        if (filter.Operation is { } operation)
        {
            query = query.Where(a => a.Operation == operation);
        }

        if (filter.From is { } from)
        {
            var start = zone.StartOf(from);
            query = query.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = zone.StartOf(to.AddDays(1));
            query = query.Where(a => a.At < end);
        }

        return query;
    }

    public async Task<(IReadOnlyList<AuditRow> Rows, int Total)> SearchAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var query = Query(filter);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return (await RowsAsync(entries, cancellationToken), total);
    }

    public async Task<IReadOnlyList<AuditRow>> RowsAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var userIds = entries.Where(e => e.UserId != null).Select(e => e.UserId!.Value).Distinct().ToList();
        var organizationIds = entries.Where(e => e.OrganizationId != null).Select(e => e.OrganizationId!.Value).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organizations = await db.Organizations.Where(o => organizationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var bursts = await BurstsAsync(entries, cancellationToken);
        var clientIds = entries.Where(e => e.ClientId != null).Select(e => e.ClientId!.Value).Distinct().ToList();
        var emergencies = userIds.Count == 0 || clientIds.Count == 0 ? [] : await db.EmergencyAccesses
            .Where(e => userIds.Contains(e.UserId) && clientIds.Contains(e.ClientId)).ToListAsync(cancellationToken);
        bool UnderEmergency(AuditEntry entry) => emergencies.Any(e => e.UserId == entry.UserId && e.ClientId == entry.ClientId
            && e.GrantedAt <= entry.At && zone.DateOf(entry.At) <= e.Until);
        return [.. entries.Select(e => new AuditRow(e.Id, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.UserId, e.UserId is { } u ? users.GetValueOrDefault(u) : null,
            e.OrganizationId, e.OrganizationId is { } o ? organizations.GetValueOrDefault(o) : null, e.Operation, e.EntityType, e.EntityId, e.ClientId,
            e.Fields, e.Channel, e.Sequence, Concerns(e, bursts) | (UnderEmergency(e) ? AuditConcern.Emergency : AuditConcern.None)))];
    }

    public bool IsOffHours(DateTime utc)
    {
        var local = zone.ToLocal(utc);
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || local.Hour < 7 || local.Hour >= 19;
    }

    /// <summary>The entries whose user read at least <see cref="BurstClients"/> different clients within the window around them.</summary>
    private async Task<HashSet<long>> BurstsAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var reads = entries.Where(e => e.Operation is AuditOperation.Read or AuditOperation.Search && e.UserId != null && e.ClientId != null).ToList();
        if (reads.Count == 0)
        {
            return [];
        }

        var users = reads.Select(e => e.UserId!.Value).Distinct().ToList();
        var from = reads.Min(e => e.At) - BurstWindow;
        var to = reads.Max(e => e.At) + BurstWindow;
        var around = await db.AuditEntries.AsNoTracking()
            .Where(a => a.UserId != null && users.Contains(a.UserId.Value) && a.ClientId != null && a.At >= from && a.At <= to
                && (a.Operation == AuditOperation.Read || a.Operation == AuditOperation.Search))
            .Select(a => new { a.UserId, a.ClientId, a.At }).ToListAsync(cancellationToken);
        var flagged = new HashSet<long>();
        foreach (var entry in reads)
        {
            var distinct = around.Where(a => a.UserId == entry.UserId && a.At >= entry.At - BurstWindow && a.At <= entry.At + BurstWindow)
                .Select(a => a.ClientId).Distinct().Count();
            if (distinct >= BurstClients)
            {
                flagged.Add(entry.Id);
            }
        }

        return flagged;
    }

    private AuditConcern Concerns(AuditEntry e, HashSet<long> bursts) =>
        (IsOffHours(e.At) ? AuditConcern.OffHours : AuditConcern.None)
        | (bursts.Contains(e.Id) ? AuditConcern.ManyClients : AuditConcern.None)
        | (e.Operation is AuditOperation.Denied or AuditOperation.SignInFailed ? AuditConcern.Refused : AuditConcern.None);

    /// <summary>The search as CSV (RFC 4180, UTF-8 with BOM for spreadsheet programs), newest first, at most 100,000 rows.</summary>
    public async Task<byte[]> CsvAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var entries = await Query(filter).OrderByDescending(a => a.Id).Take(100_000).ToListAsync(cancellationToken);
        var rows = await RowsAsync(entries, cancellationToken);
        var csv = new StringBuilder();
        csv.AppendLine("id;sequence;at_utc;user_id;user;organization_id;organization;operation;entity_type;entity_id;client_id;fields;channel;flags");
        foreach (var r in rows)
        {
            csv.AppendLine(string.Join(';', new[]
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.Sequence?.ToString(CultureInfo.InvariantCulture), r.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                r.UserId?.ToString(), r.UserName, r.OrganizationId?.ToString(), r.OrganizationName, r.Operation.ToString(), r.EntityType, r.EntityId?.ToString(),
                r.ClientId?.ToString(), r.Fields, r.Channel, r.Concerns == AuditConcern.None ? null : r.Concerns.ToString(),
            }.Select(Csv.Cell)));
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }
}
