using Microsoft.AspNetCore.Authorization;

namespace Lotse.Features.Documents;

/// <summary>Documents on a client file: store, access rule and gate.</summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddScoped<IAuthorizationHandler, DocumentAuthorizationHandler>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<DocumentGate>();
        return services;
    }
}
