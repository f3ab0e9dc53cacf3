namespace Lotse.Features.Catalogs;

/// <summary>Catalogues and the base data every installation starts with.</summary>
public static class CatalogsModule
{
    public static IServiceCollection AddCatalogs(this IServiceCollection services)
    {
        services.AddScoped<BaseDataSeeder>();
        return services;
    }
}
