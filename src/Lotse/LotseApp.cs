using System.Globalization;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Barriers;
using Lotse.Features.Calendar;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Demo;
using Lotse.Features.Documents;
using Lotse.Features.MyDay;
using Lotse.Features.Offers;
using Lotse.Features.Offers.Hsds;
using Lotse.Features.Privacy;
using Lotse.Features.Referrals;
using Lotse.Features.Reports;
using Lotse.Features.Users;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Lotse;

/// <summary>Wires the features into the host; Program.cs stays a few lines.</summary>
public static class LotseApp
{
    // Formats stay German (dates, numbers) in both languages; only the UI language changes.
    private static readonly CultureInfo[] Cultures = [new("de-DE")];
    private static readonly CultureInfo[] UiCultures = [new("de-DE"), new("en")];

    public static WebApplicationBuilder AddLotse(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<LotseOptions>().Bind(configuration.GetSection(LotseOptions.Section))
            .Validate(o => LocalZone.Find(o.TimeZone) is not null, "Lotse:TimeZone is not a time zone this machine knows (an IANA name such as Europe/Berlin).")
            .ValidateOnStart();
        services.AddSingleton<TimeProvider>(sp => new InstallationClock(
            LocalZone.Find(sp.GetRequiredService<IOptions<LotseOptions>>().Value.TimeZone) ?? TimeZoneInfo.Utc));
        services.AddSingleton<LocalZone>();
        services.AddLotseDatabase();
        services.AddLotseSecurity();

        builder.AddLotseKeyRing();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Cultures[0]);
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = UiCultures;
            // German unless the user chose otherwise: no Accept-Language guessing.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "Lotse.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddRazorPages(options =>
            {
                options.RootDirectory = "/Features";
                options.Conventions.AllowAnonymousToPage("/Account/Login");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWith2fa");
                options.Conventions.AllowAnonymousToPage("/Account/LoginWithRecoveryCode");
                options.Conventions.AllowAnonymousToPage("/Account/Language");
                options.Conventions.AllowAnonymousToPage("/Error");
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<TwoFactorEnrolmentFilter>();
                o.Filters.Add<RuleViolationPageFilter>();
                o.Filters.Add<ConflictPageFilter>();
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)));

        services.AddProblemDetails();
        services.AddExceptionHandler<RuleViolationExceptionHandler>();
        services.AddExceptionHandler<ConflictExceptionHandler>();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Unreadable requests throw in every environment, so the handler above answers them with the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // {"a":1,"a":2} is refused rather than silently keeping one of the two.
            o.SerializerOptions.AllowDuplicateProperties = false;
            o.SerializerOptions.Converters.Add(new TextWithoutNulConverter());
        });
        services.AddOpenApi("v1", o =>
        {
            // Everything, the HSDS feed included; the feed also has its own document (HsdsApi).
            o.ShouldInclude = _ => true;
            o.AddOperationTransformer<ReliabilityOpenApi>();
            o.AddDocumentTransformer<ApiDescription>();
            o.AddOperationTransformer<ApiDescription>();
        });
        services.AddHealthChecks().AddDbContextCheck<LotseDbContext>("database", tags: ["ready"]);
        services.AddLotseHosting(builder.Configuration);

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentActor>();
        services
            .AddAudit()
            .AddUsers()
            .AddCatalogs()
            .AddClients()
            .AddCases()
            .AddCalendar()
            .AddMyDay()
            .AddDocuments()
            .AddOffers()
            .AddConsents()
            .AddReferrals()
            .AddBarriers()
            .AddReports()
            .AddPrivacy()
            .AddDemo();
        return builder;
    }

    public static WebApplication UseLotse(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseWhen(
            c => c.Request.Path.StartsWithSegments("/api"),
            api => api.UseExceptionHandler());
        app.UseWhen(
            c => !c.Request.Path.StartsWithSegments("/api"),
            pages =>
            {
                if (!app.Environment.IsDevelopment())
                {
                    pages.UseExceptionHandler("/Error");
                }

                pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
            });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        // A NUL character in the query is nothing a person types and nothing PostgreSQL can compare: 400, not 500.
        app.Use(async (context, next) =>
        {
            if (context.Request.QueryString.HasValue && context.Request.Query.Any(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true)))
            {
                var problem = TypedResults.Problem(title: "Die Anfrage enthält ein unzulässiges Steuerzeichen.", statusCode: StatusCodes.Status400BadRequest);
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    await problem.ExecuteAsync(context);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                }

                return;
            }

            await next(context);
        });
        app.UseMiddleware<TransientDatabaseFailureMiddleware>();
        app.UseLotseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseCors();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();

        app.MapRazorPages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Lotse API v1");
            o.DocumentTitle = "Lotse API";
        });
        app.MapLotseApi();
        app.MapCalendarFeed();
        app.MapHsdsApi();
        return app;
    }

    /// <summary>
    /// Migrates the embedded default at start-up and seeds the demo into an empty database.
    /// Other installations migrate with the <c>migrate</c> command.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<LotseOptions>>().Value;
        if (options.Demo.Enabled && app.Environment.IsProduction())
        {
            throw new InvalidOperationException(
                "The demo installation is refused in the Production environment. Set Lotse:Demo:Enabled to false.");
        }

        // A human-facing line for the operator who just started the demo: where to sign in.
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
            Console.WriteLine();
            Console.WriteLine($"Lotse läuft: {url}/Account/Login");
            if (options.Demo.Enabled)
            {
                Console.WriteLine($"Demo-Anmeldung: fm.mitte@demo.lotse (und weitere, siehe README) – Passwort: {DemoSeeder.DemoPassword}");
            }

            Console.WriteLine();
        });

        if (app.Configuration.GetDatabaseProvider() is not DatabaseProvider.Sqlite)
        {
            return;
        }

        await DatabaseSetup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<BaseDataSeeder>().SeedAsync();
        if (options.Demo.Enabled)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedIfEmptyAsync(Console.WriteLine);
        }
    }
}
