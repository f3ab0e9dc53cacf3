namespace Lotse.Features.Privacy;

/// <summary>Data subject rights: anonymisation and the daily retention run.</summary>
public static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddScoped<Anonymiser>();
        services.AddScoped<ClientExport>();
        services.AddScoped<RetentionService>();
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
