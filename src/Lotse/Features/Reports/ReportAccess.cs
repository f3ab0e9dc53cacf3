using System.Security.Claims;
using Lotse.Features.Users;

namespace Lotse.Features.Reports;

/// <summary>
/// Who sees which figures. Coordinators choose any organisation and always see the small-number
/// protected figures (they steer the whole Kommune, not one caseload); team leads see their own
/// organisation, unprotected on screen.
/// </summary>
public static class ReportAccess
{
    public static bool SeesEveryOrganization(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);
}
