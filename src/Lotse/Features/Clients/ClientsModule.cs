using Microsoft.AspNetCore.Authorization;

namespace Lotse.Features.Clients;

/// <summary>Clients: the file, the duplicate check, the correction trail, access rule and gate.</summary>
public static class ClientsModule
{
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, ClientAuthorizationHandler>();
        services.AddScoped<ClientGate>();
        services.AddScoped<ClientService>();
        services.AddScoped<ClientCorrections>();
        services.AddScoped<ClientMatching>();
        return services;
    }
}
