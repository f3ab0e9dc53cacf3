using Lotse.Features.Audit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Lotse.Security;

/// <summary>
/// Writes a refused page or endpoint (a signed-in user without the role it needs) to the audit log,
/// naming the route pattern, never the path with its ids; then answers as ASP.NET Core would.
/// Refusals of single records are audited where the record is looked up.
/// </summary>
public sealed class AuditedAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.GetEndpoint()?.DisplayName;
            await context.RequestServices.GetRequiredService<AuditLog>().RecordAsync(AuditOperation.Denied, "Endpoint", null, null,
                route is null ? null : route[..Math.Min(route.Length, 200)], context.RequestAborted);
        }

        await fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
