namespace Lotse.Features.Consents;

/// <summary>Consents to share data with a recipient.</summary>
public static class ConsentsModule
{
    public static IServiceCollection AddConsents(this IServiceCollection services)
    {
        services.AddScoped<ConsentService>();
        return services;
    }
}
