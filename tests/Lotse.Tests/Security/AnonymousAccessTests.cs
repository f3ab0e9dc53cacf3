using System.Net;
using Lotse.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Lotse.Tests.Security;

public sealed class AnonymousAccessTests(LotseFactory app) : IClassFixture<LotseFactory>
{
    // The only routes a person who has not signed in may reach.
    private static readonly string[] PublicRoutes =
    [
        "/Account/Login",
        "/Account/LoginWith2fa",
        "/Account/LoginWithRecoveryCode",
        "/Account/Language",
        "/Error",
        "/health/live",
        "/health/ready",

        // The calendar subscription carries its own secret in the URL; an unknown one gets 404.
        "/calendar/x.ics",

        // A referral answer link carries its own single-use secret; an unknown one shows "not valid".
        "/r/x",

        // Legal information everyone must reach, partners answering through a link included; no personal data.
        "/Impressum",
        "/Datenschutz",
        "/Barrierefreiheit",
    ];

    // The service directory as Open Referral HSDS: public by design (ADR 009), it holds no personal data.
    private const string PublicDirectory = "/api/hsds";

    public static IEnumerable<object[]> Endpoints()
    {
        using var factory = new LotseFactory();
        var sources = factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(e => Concrete(e.RoutePattern))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .Select(route => new object[] { route });
    }

    [Fact]
    public void The_app_registers_pages_and_api_endpoints()
    {
        var routes = Endpoints().Select(e => (string)e[0]).ToList();
        Assert.Contains("/", routes);
        Assert.Contains("/api/v1/me", routes);
        Assert.Contains(routes, r => r.StartsWith("/Admin/Users", StringComparison.Ordinal));
        Assert.True(routes.Count > 20, $"only {routes.Count} endpoints found");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_refuses_anonymous_callers_except_sign_in_health_and_error(string route)
    {
        using var client = app.CreateBrowserLikeClient();
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, route));
            if (PublicRoutes.Contains(route, StringComparer.OrdinalIgnoreCase) || route.StartsWith(PublicDirectory, StringComparison.Ordinal))
            {
                Assert.True((int)response.StatusCode < 500, $"{method} {route} failed with {(int)response.StatusCode}");
                if (method == HttpMethod.Get)
                {
                    Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
                    Assert.False(RedirectsToSignIn(response), $"GET {route} should be public");
                }
            }
            else if (route.StartsWith("/api/", StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
            else if (response.StatusCode is not (HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
            {
                Assert.True(RedirectsToSignIn(response), $"{method} {route} answered {(int)response.StatusCode} to an anonymous caller");
            }
            else
            {
                // 400/404/405 say nothing: antiforgery refused the POST or no handler matched. Make sure a GET was refused.
                Assert.NotEqual(HttpMethod.Get, method);
            }
        }
    }

    [Fact]
    public async Task Static_files_are_served_without_sign_in()
    {
        using var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync("/lib/kern/kern.min.css");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
    }

    // The authorization challenge carries the ReturnUrl; a page's own redirect to sign-in does not.
    private static bool RedirectsToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.Contains("/Account/Login?ReturnUrl=", StringComparison.Ordinal) == true;

    private static string Concrete(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => parameter.ParameterPolicies.Any(p => p.Content == "guid") || parameter.Name == "id"
                ? Guid.Empty.ToString()
                : parameter.Name == "documentName" ? "v1" : "x",
            _ => string.Empty,
        })));
        return "/" + string.Join('/', segments);
    }
}
