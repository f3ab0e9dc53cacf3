namespace Lotse.Features.Demo;

/// <summary>The demo installation "Stadt Gelsenkirchen".</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        return services;
    }
}
