using Lotse.Features.Audit;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;

namespace Lotse.Features.Cases;

/// <summary>
/// The only way into a case: finds it, asks <see cref="CaseAuthorizationHandler"/>, and on refusal
/// writes a <c>Denied</c> entry and answers nothing (the caller answers 404, so existence does not
/// leak). A granted read — the Read operation, or any operation of a GET request, which shows the
/// case — writes one <c>Read</c> entry naming what was shown; writes are audited by the interceptor.
/// </summary>
public sealed class CaseGate(CaseService cases, IAuthorizationService authorization, AuditLog audit, CurrentActor actor, IHttpContextAccessor accessor)
{
    /// <summary>The case if the current user may do <paramref name="operation"/> with it, otherwise null (audited).</summary>
    public async Task<Case?> OpenAsync(Guid id, CaseOperation operation, string? shown = null, CancellationToken cancellationToken = default)
    {
        var @case = await cases.FindAsync(id, cancellationToken);
        if (@case is null)
        {
            return null;
        }

        if (!await MayAsync(@case, operation))
        {
            await audit.DeniedAsync(nameof(Case), id, operation.Name, cancellationToken);
            return null;
        }

        if (operation == CaseOperation.Read || HttpMethods.IsGet(accessor.HttpContext?.Request.Method ?? string.Empty))
        {
            await audit.ReadAsync(nameof(Case), @case.Id, @case.ClientId, shown, cancellationToken);
        }

        return @case;
    }

    /// <summary>Whether the current user may do <paramref name="operation"/> with a case already opened through the gate (to show or hide an action).</summary>
    public async Task<bool> MayAsync(Case @case, CaseOperation operation) =>
        actor.Principal is { } user && (await authorization.AuthorizeAsync(user, @case, operation)).Succeeded;
}
