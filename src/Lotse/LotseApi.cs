using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Documents;
using Lotse.Features.Offers;
using Lotse.Features.Privacy;
using Lotse.Features.Referrals;
using Lotse.Features.Reports;
using Lotse.Features.Tokens;
using Lotse.Features.Users;

namespace Lotse;

/// <summary>Maps <c>/api/v1</c>: Bearer personal access tokens only, problem details for errors; each feature maps its own part.</summary>
public static class LotseApi
{
    public static IEndpointRouteBuilder MapLotseApi(this IEndpointRouteBuilder app)
    {
        var v1 = app.MapGroup("/api/v1")
            .RequireAuthorization(policy => policy
                .AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser())
            .WithTags("v1")
            // Any endpoint can meet a value it cannot read or a broken rule: 400 with the field (RuleViolationExceptionHandler, BadRequestExceptionHandler).
            .ProducesValidationProblem();

        v1.MapMeApi();
        v1.MapCatalogApi();
        v1.MapClientApi();
        v1.MapCaseApi();
        v1.MapOfferApi();
        v1.MapConsentApi();
        v1.MapReferralApi();
        v1.MapAuditApi();
        v1.MapDocumentApi();
        v1.MapPrivacyApi();
        v1.MapReportApi();
        return app;
    }
}
