namespace Lotse.Features.Reports;

/// <summary>The KIM report, the caseload and the needs map.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<KimReportService>();
        services.AddScoped<NeedsMapService>();
        services.AddScoped<FirstPrints>();
        return services;
    }
}
