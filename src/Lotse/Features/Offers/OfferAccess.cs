using System.Security.Claims;
using Lotse.Features.Cases;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lotse.Features.Offers;

/// <summary>
/// Who maintains an offer: coordinators maintain the whole directory; partner and authority staff
/// and team leads maintain their own organisation's offers. Every signed-in staff member reads it.
/// </summary>
public sealed class OfferAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Offer>
{
    public static bool MayMaintain(ClaimsPrincipal user, Guid organizationId) =>
        user.IsInRole(Roles.Coordinator)
        || ((user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.AuthorityStaff) || user.IsInRole(Roles.TeamLead))
            && user.GetOrganizationId() == organizationId);

    public static bool MayMaintainAny(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.AuthorityStaff) || user.IsInRole(Roles.TeamLead);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Offer resource)
    {
        var allowed = requirement.Name switch
        {
            nameof(CaseOperations.Read) => context.User.Identity?.IsAuthenticated == true,
            _ => MayMaintain(context.User, resource.OrganizationId),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
