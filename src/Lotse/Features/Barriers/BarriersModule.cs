namespace Lotse.Features.Barriers;

/// <summary>Structural barriers reported from case work.</summary>
public static class BarriersModule
{
    public static IServiceCollection AddBarriers(this IServiceCollection services)
    {
        services.AddScoped<BarrierService>();
        return services;
    }
}
