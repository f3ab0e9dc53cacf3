using System.Security.Claims;
using Lotse.Data;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Security;

/// <summary>Claim types Lotse adds to a signed-in user.</summary>
public static class LotseClaimTypes
{
    public const string DisplayName = "lotse:name";
    public const string OrganizationId = "lotse:org";
    public const string OrganizationName = "lotse:org_name";
    public const string TeamId = "lotse:team";
    public const string TwoFactorEnabled = "lotse:2fa";
}

/// <summary>Reads Lotse's claims from a principal.</summary>
public static class ClaimsPrincipalExtensions
{
    public static Guid? GetUserId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? GetOrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(LotseClaimTypes.OrganizationId), out var id) ? id : null;

    /// <summary>The user's organisation, or an id no organisation has (so queries find nothing).</summary>
    public static Guid GetOrganizationIdOrEmpty(this ClaimsPrincipal user) => user.GetOrganizationId() ?? Guid.Empty;

    public static string GetDisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(LotseClaimTypes.DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static string GetOrganizationName(this ClaimsPrincipal user) =>
        user.FindFirstValue(LotseClaimTypes.OrganizationName) ?? string.Empty;

    public static IReadOnlyList<string> GetRoles(this ClaimsPrincipal user) =>
        [.. Roles.All.Where(user.IsInRole)];
}

/// <summary>Adds organisation, team, display name and second-factor state to the Identity principal.</summary>
public sealed class LotseClaimsPrincipalFactory(
    UserManager<User> userManager,
    RoleManager<Role> roleManager,
    IOptions<IdentityOptions> options,
    LotseDbContext db)
    : UserClaimsPrincipalFactory<User, Role>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var organizationName = await db.Organizations
            .Where(o => o.Id == user.OrganizationId)
            .Select(o => o.Name)
            .SingleOrDefaultAsync();

        identity.AddClaim(new Claim(LotseClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(LotseClaimTypes.OrganizationId, user.OrganizationId.ToString()));
        identity.AddClaim(new Claim(LotseClaimTypes.OrganizationName, organizationName ?? string.Empty));
        if (user.TeamId is { } teamId)
        {
            identity.AddClaim(new Claim(LotseClaimTypes.TeamId, teamId.ToString()));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(LotseClaimTypes.TwoFactorEnabled, "true"));
        }

        return identity;
    }
}
