using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Clients;

/// <summary>One correction of the client file (Art. 16 GDPR), with who made it.</summary>
public sealed record ClientCorrectionEntry(DateTime At, string? By, string Field, string? OldValue, string? NewValue);

/// <summary>Reads the correction trail of a client file; the file and the Art. 15 export show it.</summary>
public sealed class ClientCorrections(LotseDbContext db)
{
    /// <summary>The person's correction trail (Art. 16), newest first, with who corrected.</summary>
    public async Task<IReadOnlyList<ClientCorrectionEntry>> ListAsync(Guid clientId, CancellationToken cancellationToken)
    {
        var rows = await db.ClientCorrections.AsNoTracking().Where(c => c.ClientId == clientId).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).ToListAsync(cancellationToken);
        var userIds = rows.Where(r => r.UserId != null).Select(r => r.UserId!.Value).Distinct().ToList();
        var names = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return [.. rows.Select(r => new ClientCorrectionEntry(r.At, r.UserId is { } u ? names.GetValueOrDefault(u) : null, r.Field, r.OldValue, r.NewValue))];
    }
}
