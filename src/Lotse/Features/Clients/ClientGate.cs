using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Clients;

/// <summary>
/// The only way into a client record: finds it, asks <see cref="ClientAuthorizationHandler"/>, and
/// on refusal writes a <c>Denied</c> entry with the refused operation and answers nothing (the
/// caller answers 404). A granted read — the Read operation, or any operation of a GET request,
/// which shows the record — writes one <c>Read</c> entry naming what was shown.
/// </summary>
public sealed class ClientGate(LotseDbContext db, IAuthorizationService authorization, AuditLog audit, CurrentActor actor, IHttpContextAccessor accessor)
{
    /// <summary>The client if the current user may do <paramref name="operation"/> with them, otherwise null (audited).</summary>
    public async Task<Client?> OpenAsync(Guid id, ClientOperation operation, string? shown = null, CancellationToken cancellationToken = default)
    {
        var client = await db.Clients.Include(c => c.OtherSpellings).Include(c => c.NameKeys).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return client is null ? null : await AdmitAsync(client, operation, shown, cancellationToken);
    }

    /// <summary>The same decision for a client already loaded (e.g. through a consent or a household member).</summary>
    public async Task<Client?> AdmitAsync(Client client, ClientOperation operation, string? shown = null, CancellationToken cancellationToken = default)
    {
        if (!await MayAsync(client, operation))
        {
            await audit.DeniedAsync(nameof(Client), client.Id, operation.Name, cancellationToken);
            return null;
        }

        if (operation == ClientOperation.Read || HttpMethods.IsGet(accessor.HttpContext?.Request.Method ?? string.Empty))
        {
            await audit.ReadAsync(nameof(Client), client.Id, client.Id, shown, cancellationToken);
        }

        return client;
    }

    /// <summary>Whether the current user may do <paramref name="operation"/> (to show or hide an action; decides nothing by itself).</summary>
    public async Task<bool> MayAsync(Client client, ClientOperation operation) =>
        actor.Principal is { } user && (await authorization.AuthorizeAsync(user, client, operation)).Succeeded;
}
