using System.Threading.RateLimiting;
using Lotse.Data;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lotse.Security;

/// <summary>Identity, the cookie and token schemes, policies and the sign-in rate limit.</summary>
public static class SecuritySetup
{
    public const string SignInRateLimit = "sign-in";
    private const string SmartScheme = "Lotse";

    public static IServiceCollection AddLotseSecurity(this IServiceCollection services)
    {
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuditedAuthorizationResultHandler>();
        services
            .AddIdentity<User, Role>(options =>
            {
                // Length over composition rules, as BSI and NIST recommend.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<LotseDbContext>()
            .AddSignInManager<AuditedSignInManager>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<LotseClaimsPrincipalFactory>()
            .AddErrorDescriber<GermanIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "Lotse.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.SlidingExpiration = true;
        });

        // Idle timeout: the sliding cookie lapses after this long without a request.
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<LotseOptions>>((cookie, lotse) => cookie.ExpireTimeSpan = TimeSpan.FromMinutes(Math.Max(1, lotse.Value.SignIn.IdleTimeoutMinutes)));

        services.AddScoped<TokenService>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SmartScheme;
                options.DefaultChallengeScheme = SmartScheme;
                options.DefaultAuthenticateScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie for pages, token for the API", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Path.StartsWithSegments("/api")
                    // The API's description is fetched by the same systems that call the API, with the same token.
                    || (context.Request.Path.StartsWithSegments("/openapi") && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                        ? TokenAuthenticationHandler.SchemeName
                        : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorizationBuilder().AddLotsePolicies();
        services.AddSingleton<TwoFactorPolicy>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignInRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = context.RequestServices.GetRequiredService<IOptionsMonitor<LotseOptions>>().CurrentValue.SignIn.PermitPerMinute,
                            Window = TimeSpan.FromMinutes(1),
                        })
                    : RateLimitPartition.GetNoLimiter("get"));
        });

        return services;
    }
}
