namespace Lotse.Features.Users;

/// <summary>Staff accounts and their administration.</summary>
public static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services)
    {
        services.AddScoped<UserAdministration>();
        return services;
    }
}
