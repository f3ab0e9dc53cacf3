using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace Lotse.Security;

/// <summary>Decides whether a user must use a second factor: roles from the setting, never in the demo.</summary>
public sealed class TwoFactorPolicy(IOptionsMonitor<LotseOptions> options)
{
    public bool IsRequiredFor(IEnumerable<string> roles)
    {
        var current = options.CurrentValue;
        return !current.Demo.Enabled && roles.Any(r => current.TwoFactor.RequiredForRoles.Contains(r, StringComparer.Ordinal));
    }

    public bool MustEnrol(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && !user.HasClaim(LotseClaimTypes.TwoFactorEnabled, "true")
        && IsRequiredFor(user.GetRoles());
}
