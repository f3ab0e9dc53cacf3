using System.Net;
using Lotse.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.Extensions.Localization;

namespace Lotse.Web;

/// <summary>
/// A save that lost a race answers the API with 409 and the record's current version and state
/// (ADR 016); nothing of the request was saved, and the caller decides again on what is there now.
/// </summary>
public sealed class ConflictExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.Response.HasStarted || !DatabaseFailures.IsConflict(exception))
        {
            return false;
        }

        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Gleichzeitig geändert",
            Detail = "Jemand anderes hat diesen Datensatz gerade geändert; Ihre Änderung wurde nicht gespeichert. Lesen Sie den aktuellen Stand und entscheiden Sie neu.",
        };
        if (exception is DbUpdateConcurrencyException { Entries: [var entry, ..] })
        {
            problem.Extensions["resource"] = entry.Metadata.ClrType.Name;
            await DescribeCurrentAsync(entry, problem, cancellationToken);
        }

        httpContext.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
    }

    /// <summary>Adds the saved version and state, read back from the database, to the problem.</summary>
    private static async Task DescribeCurrentAsync(EntityEntry entry, ProblemDetails problem, CancellationToken cancellationToken)
    {
        PropertyValues? current;
        try
        {
            current = await entry.GetDatabaseValuesAsync(cancellationToken);
        }
        catch (Exception reading) when (DatabaseFailures.IsTransient(reading))
        {
            // The database went away after the conflict: still 409, without the current values.
            return;
        }

        if (current is null)
        {
            problem.Detail = "Der Datensatz wurde inzwischen gelöscht; Ihre Änderung wurde nicht gespeichert.";
            return;
        }

        if (current.Properties.FirstOrDefault(p => p.Name == nameof(IVersioned.Version)) is { } version && current[version] is int number)
        {
            // As a field: the exception handler middleware drops an ETag header from error answers.
            problem.Extensions["currentVersion"] = number;
        }

        if (current.Properties.FirstOrDefault(p => p.Name is "Phase" or "Status") is { } state)
        {
            problem.Extensions["currentState"] = current[state]?.ToString();
        }
    }
}

/// <summary>
/// The same for pages: the user is sent back to the page, which shows what is saved now, with a
/// message that their change was not saved (instead of an error page).
/// </summary>
public sealed class ConflictPageFilter(IStringLocalizer<SharedResource> localizer, ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled && DatabaseFailures.IsConflict(exception))
        {
            tempData.GetTempData(context.HttpContext)["Message"] =
                localizer["Jemand anderes hat das gerade geändert. Sie sehen jetzt den aktuellen Stand; Ihre Änderung wurde nicht gespeichert – prüfen Sie, ob sie noch nötig ist."].Value;
            executed.Result = new RedirectResult(context.HttpContext.Request.Path + context.HttpContext.Request.QueryString);
            executed.ExceptionHandled = true;
        }
    }
}

/// <summary>
/// A database that is restarting, unreachable or locked beyond the busy timeout answers 503 with
/// <c>Retry-After</c> (ADR 016): a problem document on the API, a page that says Lotse is back in a
/// moment and nothing was saved. The unit of work was rolled back whole; nothing is retried inside.
/// </summary>
public sealed partial class TransientDatabaseFailureMiddleware(RequestDelegate next, ILogger<TransientDatabaseFailureMiddleware> logger)
{
    /// <summary>Seconds a client is asked to wait; a PostgreSQL restart takes about one.</summary>
    public const int RetryAfterSeconds = 3;

    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> localizer, IProblemDetailsService problems)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && DatabaseFailures.IsTransient(exception) && !context.RequestAborted.IsCancellationRequested)
        {
            // The exception type only: a message may quote a statement's values.
            LogUnavailable(logger, exception.GetType().Name, context.Request.Method, context.GetEndpoint()?.DisplayName ?? "(no endpoint)");
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            var title = localizer["Lotse ist gleich wieder da"].Value;
            var text = localizer["Die Datenbank ist für einen Moment nicht erreichbar. Nichts von dieser Anfrage wurde gespeichert. Bitte versuchen Sie es in einigen Sekunden erneut – mit „Zurück“ finden Sie Ihre Eingaben wieder."].Value;
            if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health"))
            {
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = title, Detail = text },
                });
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($$"""
                <!DOCTYPE html>
                <html lang="de">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{WebUtility.HtmlEncode(title)}} – Lotse</title>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/lib/kern/fonts/fira-sans.css"><link rel="stylesheet" href="/lib/kern/kern.min.css"><link rel="stylesheet" href="/css/site.css"></head>
                <body><main id="main" class="kern-container app-main">
                <h1 class="kern-heading-large">{{WebUtility.HtmlEncode(title)}}</h1>
                <p class="kern-body">{{WebUtility.HtmlEncode(text)}}</p>
                <p class="kern-body"><a class="kern-link" href="{{WebUtility.HtmlEncode(context.Request.Method == "GET" ? context.Request.Path + context.Request.QueryString : "/")}}">{{WebUtility.HtmlEncode(localizer["Erneut versuchen"].Value)}}</a></p>
                </main></body>
                </html>
                """, context.RequestAborted);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning, Message = "The database is unavailable ({Failure}); answered 503 to {Method} {Endpoint}.")]
    private static partial void LogUnavailable(ILogger logger, string failure, string method, string endpoint);
}
