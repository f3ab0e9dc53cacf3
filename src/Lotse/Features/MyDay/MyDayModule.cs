namespace Lotse.Features.MyDay;

/// <summary>The start page of a case manager.</summary>
public static class MyDayModule
{
    public static IServiceCollection AddMyDay(this IServiceCollection services)
    {
        services.AddScoped<MyDayService>();
        return services;
    }
}
