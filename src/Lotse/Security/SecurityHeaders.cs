namespace Lotse.Security;

/// <summary>Security headers on every response, including a Content-Security-Policy without inline script.</summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseLotseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                // The public directory feed is meant to be read by other sites (HSDS, with CORS); everything else stays here.
                headers["Cross-Origin-Resource-Policy"] = context.Request.Path.StartsWithSegments(Features.Offers.Hsds.HsdsApi.Prefix) ? "cross-origin" : "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
