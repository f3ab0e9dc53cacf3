using Microsoft.AspNetCore.Authorization;

namespace Lotse.Features.Cases;

/// <summary>Cases: their phases, work, access rule and gate.</summary>
public static class CasesModule
{
    public static IServiceCollection AddCases(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, CaseAuthorizationHandler>();
        services.AddScoped<CaseGate>();
        services.AddScoped<CaseService>();
        return services;
    }
}
