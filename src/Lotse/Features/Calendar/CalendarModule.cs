namespace Lotse.Features.Calendar;

/// <summary>Appointments and the personal calendar feed.</summary>
public static class CalendarModule
{
    public static IServiceCollection AddCalendar(this IServiceCollection services)
    {
        services.AddScoped<CalendarFeedService>();
        return services;
    }
}
