using System.Linq.Expressions;
using System.Security.Claims;
using Lotse.Features.Clients;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lotse.Features.Cases;

/// <summary>The operations on a case or client that authorization decides.</summary>
public static class CaseOperations
{
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    public static readonly OperationAuthorizationRequirement Create = new() { Name = nameof(Create) };
}

/// <summary>
/// The one place that decides who may see and work a case: the responsible case manager, active
/// deputies, the team lead of the case's team and case workers with an active emergency access,
/// all of the case's organisation. Another organisation never. Lists use <see cref="VisibleTo"/>, the same rule as a query.
/// </summary>
public sealed class CaseAuthorizationHandler(TimeProvider time) : AuthorizationHandler<OperationAuthorizationRequirement, Case>
{
    public static Expression<Func<Case, bool>> VisibleTo(ClaimsPrincipal user, DateOnly today)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var teamId = user.IsInRole(Roles.TeamLead) && Guid.TryParse(user.FindFirstValue(LotseClaimTypes.TeamId), out var team) ? team : (Guid?)null;
        var caseWorker = user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.TeamLead);
        return c => caseWorker && c.OrganizationId == organizationId && c.AnonymisedAt == null
            && (c.ResponsibleUserId == userId
                || (teamId != null && c.TeamId == teamId)
                || c.Deputies.Any(d => d.UserId == userId && (d.From == null || d.From <= today) && (d.Until == null || d.Until >= today))
                || c.EmergencyAccesses.Any(e => e.UserId == userId && e.Until >= today));
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Case resource)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        if (VisibleTo(context.User, today).Compile()(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>
/// Clients are visible to the case workers of their organisation: search before create needs the
/// whole organisation's clients, and a client without a case yet must be findable. An anonymised
/// person is visible to nobody.
/// </summary>
public sealed class ClientAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Client>
{
    public static Expression<Func<Client, bool>> VisibleTo(ClaimsPrincipal user)
    {
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var caseWorker = user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.TeamLead);
        return c => caseWorker && c.OrganizationId == organizationId && c.AnonymisedAt == null;
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Client resource)
    {
        if (VisibleTo(context.User).Compile()(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
