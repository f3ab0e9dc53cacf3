namespace Lotse.Features.Audit;

/// <summary>The audit trail: who read or changed what, chained and sealed.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        services.AddScoped<AuditChain>();
        services.AddScoped<AuditSearch>();
        services.AddSingleton<AuditSealSignal>();
        services.AddHostedService<AuditSealer>();
        return services;
    }
}
