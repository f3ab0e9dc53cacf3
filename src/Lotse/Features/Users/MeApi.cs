using Lotse.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lotse.Features.Users;

/// <summary><c>GET /api/v1/me</c>: who the token belongs to.</summary>
public static class MeApi
{
    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", GetMe)
            .WithName("GetMe")
            .WithSummary("The signed-in user: e-mail, name, organisation and roles.");
        return api;
    }

    internal static Ok<MeResponse> GetMe(HttpContext context)
    {
        var user = context.User;
        return TypedResults.Ok(new MeResponse(
            user.GetUserId() ?? Guid.Empty,
            user.Identity?.Name ?? string.Empty,
            user.GetDisplayName(),
            new OrganizationRef(user.GetOrganizationId() ?? Guid.Empty, user.GetOrganizationName()),
            user.GetRoles()));
    }

    public sealed record OrganizationRef(Guid Id, string Name);

    public sealed record MeResponse(Guid Id, string Email, string Name, OrganizationRef Organization, IReadOnlyList<string> Roles);
}
