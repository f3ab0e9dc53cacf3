using Microsoft.AspNetCore.Authorization;

namespace Lotse.Features.Referrals;

/// <summary>Referrals: the sending side, the recipient rule and gate.</summary>
public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, ReferralRecipientHandler>();
        services.AddScoped<ReferralService>();
        services.AddScoped<ReferralGate>();
        return services;
    }
}
