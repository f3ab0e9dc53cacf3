using Lotse.Features.Offers.Hsds;
using Microsoft.AspNetCore.Authorization;

namespace Lotse.Features.Offers;

/// <summary>The service directory and its HSDS feed and import.</summary>
public static class OffersModule
{
    public static IServiceCollection AddOffers(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, OfferAuthorizationHandler>();
        services.AddScoped<OfferService>();
        services.AddScoped<HsdsPublisher>();
        services.AddScoped<HsdsImport>();
        return services.AddHsdsApi();
    }
}
