using System.Linq.Expressions;
using System.Security.Claims;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Clients;

/// <summary>What a user wants to do with a client record; <see cref="ClientAuthorizationHandler"/> decides each one.</summary>
public sealed class ClientOperation : OperationAuthorizationRequirement
{
    private ClientOperation(string name) => Name = name;

    /// <summary>See the client file: names, birth date, contact, residence status, household.</summary>
    public static readonly ClientOperation Read = new(nameof(Read));

    /// <summary>Correct the client's data, record consents and residence statuses, add household members.</summary>
    public static readonly ClientOperation Edit = new(nameof(Edit));

    /// <summary>Open a case for the client.</summary>
    public static readonly ClientOperation OpenCase = new(nameof(OpenCase));

    /// <summary>
    /// Answer the person's rights for the organisation: the Art. 15 export, restriction (Art. 18),
    /// legal hold, erasure (Art. 17) and the correction trail (Art. 16).
    /// </summary>
    public static readonly ClientOperation ExerciseRights = new(nameof(ExerciseRights));
}

/// <summary>
/// The one place that decides what a user may do with a client record (ADR 008). Reading, editing
/// and opening a case: the case managers and team leads of the client's organisation (search
/// before create needs the whole organisation's clients). Exercising the person's rights: the
/// responsible case manager of one of the person's cases, or the team lead of one of those cases'
/// teams; while the person has no case at all, any case worker of the organisation. An anonymised
/// person is nobody's.
/// </summary>
public sealed class ClientAuthorizationHandler(LotseDbContext db) : AuthorizationHandler<ClientOperation, Client>
{
    public static Expression<Func<Client, bool>> VisibleTo(ClaimsPrincipal user)
    {
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var caseWorker = CaseAuthorizationHandler.IsCaseWorker(user);
        return c => caseWorker && c.OrganizationId == organizationId && c.AnonymisedAt == null;
    }

    /// <summary>
    /// Whom a data protection officer may look up by name in the audit log (to see who accessed them, never their file):
    /// the officer of the city's coordination office, the controller's officer, everyone not anonymised; an officer of
    /// another organisation only that organisation's clients.
    /// </summary>
    public static Expression<Func<Client, bool>> AuditableBy(ClaimsPrincipal user, bool officerOfTheCity)
    {
        var organizationId = user.GetOrganizationId() ?? Guid.Empty;
        var officer = user.IsInRole(Roles.DataProtectionOfficer);
        return c => officer && c.AnonymisedAt == null && (officerOfTheCity || c.OrganizationId == organizationId);
    }

    /// <summary><see cref="VisibleTo"/> as plain code for one loaded client (<c>AccessRuleEquivalenceTests</c> holds both to the same answer).</summary>
    public static bool IsVisible(ClaimsPrincipal user, Client client) =>
        CaseAuthorizationHandler.IsCaseWorker(user) && client.OrganizationId == (user.GetOrganizationId() ?? Guid.Empty) && client.AnonymisedAt == null;

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ClientOperation requirement, Client resource)
    {
        if (!IsVisible(context.User, resource))
        {
            return;
        }

        if (requirement.Name != nameof(ClientOperation.ExerciseRights) || await MayExerciseRightsAsync(context.User, resource))
        {
            context.Succeed(requirement);
        }
    }

    private async Task<bool> MayExerciseRightsAsync(ClaimsPrincipal user, Client client)
    {
        var userId = user.GetUserId() ?? Guid.Empty;
        var team = CaseAuthorizationHandler.LedTeam(user);
        var cases = db.Cases.AsNoTracking().Where(c => c.ClientId == client.Id || c.Members.Any(m => m.ClientId == client.Id));
        return await cases.AnyAsync(c => c.OrganizationId == client.OrganizationId && (c.ResponsibleUserId == userId || (team != null && c.TeamId == team)))
            || !await cases.AnyAsync();
    }
}
