using System.Security.Claims;
using Lotse.Features.Users;

namespace Lotse.Security;

/// <summary>
/// Who is acting in this request: the signed-in user or the API token's owner; nobody for the
/// command line and background work.
/// </summary>
public sealed class CurrentActor(IHttpContextAccessor accessor)
{
    public ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    public Guid? UserId => Principal?.GetUserId();

    public Guid? OrganizationId => Principal?.GetOrganizationId();

    public Guid? TeamId => Guid.TryParse(Principal?.FindFirstValue(LotseClaimTypes.TeamId), out var id) ? id : null;

    public bool IsTeamLead => Principal?.IsInRole(Roles.TeamLead) == true;

    /// <summary>"api" for token calls, "page" for the UI, null outside a request.</summary>
    public string? Channel => accessor.HttpContext is { } context
        ? context.Request.Path.StartsWithSegments("/api") ? "api" : "page"
        : null;
}
