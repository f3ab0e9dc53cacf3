using System.Linq.Expressions;
using System.Security.Claims;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lotse.Features.Referrals;

/// <summary>The receiving side's operation: see the referral in the inbox and answer it.</summary>
public static class ReferralOperations
{
    public static readonly OperationAuthorizationRequirement Answer = new() { Name = nameof(Answer) };
}

/// <summary>
/// Partner and authority staff of the recipient organisation see a referral sent to it, and only
/// that: the packet, never the case. The sending side is decided by the case's own handler.
/// Whether the packet itself is still visible (consent, withdrawal) is <see cref="ReferralService.PacketVisible"/>.
/// </summary>
public sealed class ReferralRecipientHandler : AuthorizationHandler<OperationAuthorizationRequirement, Referral>
{
    public static bool IsInboxUser(ClaimsPrincipal user) => user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.AuthorityStaff);

    public static Expression<Func<Referral, bool>> InInboxOf(ClaimsPrincipal user)
    {
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var inbox = IsInboxUser(user);
        return r => inbox && r.RecipientOrganizationId == organizationId && r.Status != ReferralStatus.Draft;
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Referral resource)
    {
        if (requirement.Name == ReferralOperations.Answer.Name && InInboxOf(context.User).Compile()(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
