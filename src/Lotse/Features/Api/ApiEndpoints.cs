using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Documents;
using Lotse.Features.Privacy;
using Lotse.Features.Referrals;
using Lotse.Features.Reports;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Lotse.Security;

namespace Lotse.Features.Api;

/// <summary>Maps <c>/api/v1</c>: Bearer personal access tokens only, problem details for errors.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapLotseApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .WithTags("v1");

        v1.MapGet("/me", (HttpContext context) =>
        {
            var user = context.User;
            return TypedResults.Ok(new MeResponse(
                user.GetUserId() ?? Guid.Empty,
                user.Identity?.Name ?? string.Empty,
                user.GetDisplayName(),
                new OrganizationRef(user.GetOrganizationId() ?? Guid.Empty, user.GetOrganizationName()),
                user.GetRoles()));
        })
        .WithName("GetMe")
        .WithSummary("The signed-in user: e-mail, name, organisation and roles.");

        v1.MapCatalogApi();
        v1.MapClientApi();
        v1.MapCaseApi();
        v1.MapNetworkApi();
        v1.MapAuditApi();
        v1.MapDocumentApi();
        v1.MapPrivacyApi();
        v1.MapReportApi();
        return app;
    }

    public sealed record OrganizationRef(Guid Id, string Name);

    public sealed record MeResponse(Guid Id, string Email, string Name, OrganizationRef Organization, IReadOnlyList<string> Roles);
}
