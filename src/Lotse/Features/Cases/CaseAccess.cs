using System.Linq.Expressions;
using System.Security.Claims;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace Lotse.Features.Cases;

/// <summary>What a user wants to do with a case; <see cref="CaseAuthorizationHandler"/> decides each one.</summary>
public sealed class CaseOperation : OperationAuthorizationRequirement
{
    private CaseOperation(string name) => Name = name;

    /// <summary>See the case file: assessments, goals, contacts, deadlines, referrals, the timeline.</summary>
    public static readonly CaseOperation Read = new(nameof(Read));

    /// <summary>Work the case: contacts, deadlines, goals, assessments, phases, referrals, documents.</summary>
    public static readonly CaseOperation Edit = new(nameof(Edit));

    /// <summary>Name or end the deputies of the case.</summary>
    public static readonly CaseOperation AssignDeputies = new(nameof(AssignDeputies));

    /// <summary>Hand the case to another case manager.</summary>
    public static readonly CaseOperation Reassign = new(nameof(Reassign));

    /// <summary>Close the case (and reopen it).</summary>
    public static readonly CaseOperation Close = new(nameof(Close));

    /// <summary>Open the case in an emergency although it is not the user's (Notfallzugriff).</summary>
    public static readonly CaseOperation BreakGlass = new(nameof(BreakGlass));
}

/// <summary>
/// The one place that decides what a user may do with a case (ADR 008). Seeing and working it: the
/// responsible case manager, active deputies, the team lead of the case's team and case workers
/// with an active emergency access, all of the case's organisation; another organisation never.
/// Deputies are named by the responsible case manager or that team lead; reassigning is the team
/// lead's; closing is not for an emergency access; break glass is for a case worker of the
/// organisation who cannot see the case otherwise. Lists use <see cref="VisibleTo"/>, the same rule
/// as a query.
/// </summary>
public sealed class CaseAuthorizationHandler(TimeProvider time) : AuthorizationHandler<CaseOperation, Case>
{
    public static bool IsCaseWorker(ClaimsPrincipal user) => user.IsInRole(Roles.CaseManager) || user.IsInRole(Roles.TeamLead);

    /// <summary>The team a team lead leads, null for everybody else.</summary>
    public static Guid? LedTeam(ClaimsPrincipal user) =>
        user.IsInRole(Roles.TeamLead) && Guid.TryParse(user.FindFirstValue(LotseClaimTypes.TeamId), out var team) ? team : null;

    public static Expression<Func<Case, bool>> VisibleTo(ClaimsPrincipal user, DateOnly today)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var teamId = LedTeam(user);
        var caseWorker = IsCaseWorker(user);
        return c => caseWorker && c.OrganizationId == organizationId && c.AnonymisedAt == null
            && (c.ResponsibleUserId == userId
                || (teamId != null && c.TeamId == teamId)
                || c.Deputies.Any(d => d.UserId == userId && (d.From == null || d.From <= today) && (d.Until == null || d.Until >= today))
                || c.EmergencyAccesses.Any(e => e.UserId == userId && e.Until >= today));
    }

    /// <summary>
    /// <see cref="VisibleTo"/> as plain code for one loaded case (with its deputies and emergency
    /// accesses): no expression is compiled per check. <c>AccessRuleEquivalenceTests</c> holds both to the same answer.
    /// </summary>
    public static bool IsVisible(ClaimsPrincipal user, Case c, DateOnly today) =>
        RegularlyVisible(user, c, today) || (IsCaseWorker(user) && c.OrganizationId == user.GetOrganizationId() && c.AnonymisedAt == null
            && c.EmergencyAccesses.Any(e => e.UserId == user.GetUserId() && e.Until >= today));

    /// <summary>Seeing the case without an emergency access: the own caseload, a deputised case, the led team's cases.</summary>
    private static bool RegularlyVisible(ClaimsPrincipal user, Case c, DateOnly today)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var teamId = LedTeam(user);
        return IsCaseWorker(user) && c.OrganizationId == user.GetOrganizationId() && c.AnonymisedAt == null
            && (c.ResponsibleUserId == userId
                || (teamId != null && c.TeamId == teamId)
                || c.Deputies.Any(d => d.UserId == userId && (d.From == null || d.From <= today) && (d.Until == null || d.Until >= today)));
    }

    public bool Decide(ClaimsPrincipal user, Case c, CaseOperation operation)
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var userId = user.GetUserId();
        var sameOrganization = IsCaseWorker(user) && c.OrganizationId == user.GetOrganizationId() && c.AnonymisedAt == null;
        // A case without a team (its team was dissolved) is led by every team lead of the organisation, so it can still be handed on.
        var leadsTeam = sameOrganization && LedTeam(user) is { } team && (c.TeamId == team || c.TeamId is null);
        return operation.Name switch
        {
            nameof(CaseOperation.Read) or nameof(CaseOperation.Edit) => IsVisible(user, c, today),
            nameof(CaseOperation.Close) => RegularlyVisible(user, c, today),
            nameof(CaseOperation.AssignDeputies) => sameOrganization && (c.ResponsibleUserId == userId || leadsTeam),
            nameof(CaseOperation.Reassign) => leadsTeam,
            nameof(CaseOperation.BreakGlass) => sameOrganization && !IsVisible(user, c, today),
            _ => false,
        };
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CaseOperation requirement, Case resource)
    {
        if (Decide(context.User, resource, requirement))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
