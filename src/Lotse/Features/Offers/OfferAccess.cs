using System.Security.Claims;
using Lotse.Features.Cases;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lotse.Features.Offers;

/// <summary>What a user wants to do with an offer of the directory.</summary>
public sealed class OfferOperation : OperationAuthorizationRequirement
{
    private OfferOperation(string name) => Name = name;

    public static readonly OfferOperation Read = new(nameof(Read));

    public static readonly OfferOperation Maintain = new(nameof(Maintain));
}

/// <summary>
/// Who maintains an offer: coordinators maintain the whole directory; partner and authority staff
/// and team leads maintain their own organisation's offers. Every signed-in staff member reads it.
/// </summary>
public sealed class OfferAuthorizationHandler : AuthorizationHandler<OfferOperation, Offer>
{
    public static bool MayMaintain(ClaimsPrincipal user, Guid organizationId) =>
        user.IsInRole(Roles.Coordinator)
        || ((user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.AuthorityStaff) || user.IsInRole(Roles.TeamLead))
            && user.GetOrganizationId() == organizationId);

    /// <summary>Coordinators see stale offers of the whole directory, everybody else those of the own organisation.</summary>
    public static bool MaintainsWholeDirectory(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);

    public static bool MayMaintainAny(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.PartnerStaff) || user.IsInRole(Roles.AuthorityStaff) || user.IsInRole(Roles.TeamLead);

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OfferOperation requirement, Offer resource)
    {
        var allowed = requirement.Name switch
        {
            nameof(OfferOperation.Read) => context.User.Identity?.IsAuthenticated == true,
            _ => MayMaintain(context.User, resource.OrganizationId),
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
