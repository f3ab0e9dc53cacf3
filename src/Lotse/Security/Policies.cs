using Lotse.Features.Users;
using Microsoft.AspNetCore.Authorization;

namespace Lotse.Security;

/// <summary>
/// The named policies for the areas of Lotse. Navigation asks the same policies, so each role sees
/// only what it may use. Access to single resources goes through resource-based handlers.
/// </summary>
public static class Policies
{
    public const string CaseWork = nameof(CaseWork);
    public const string Coordination = nameof(Coordination);
    public const string AuthorityInbox = nameof(AuthorityInbox);
    public const string PartnerInbox = nameof(PartnerInbox);

    /// <summary>The inbox of referrals and requests: partner and authority staff.</summary>
    public const string Inbox = nameof(Inbox);
    public const string DataProtection = nameof(DataProtection);
    public const string Administration = nameof(Administration);

    /// <summary>The KIM report: coordinators for the installation, team leads for their organisation.</summary>
    public const string Reports = nameof(Reports);

    public static AuthorizationBuilder AddLotsePolicies(this AuthorizationBuilder builder) => builder
        .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
        .AddPolicy(CaseWork, p => p.RequireRole(Roles.CaseManager, Roles.TeamLead))
        .AddPolicy(Coordination, p => p.RequireRole(Roles.Coordinator))
        .AddPolicy(AuthorityInbox, p => p.RequireRole(Roles.AuthorityStaff))
        .AddPolicy(PartnerInbox, p => p.RequireRole(Roles.PartnerStaff))
        .AddPolicy(Inbox, p => p.RequireRole(Roles.PartnerStaff, Roles.AuthorityStaff))
        .AddPolicy(DataProtection, p => p.RequireRole(Roles.DataProtectionOfficer))
        .AddPolicy(Administration, p => p.RequireRole(Roles.Admin))
        .AddPolicy(Reports, p => p.RequireRole(Roles.Coordinator, Roles.TeamLead));
}
