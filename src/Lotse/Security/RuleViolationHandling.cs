using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Lotse.Security;

/// <summary>
/// The safety net for a rule that a page handler did not catch itself (for example a restricted
/// person's records, refused centrally on saving): the user is sent back to the page with the rule's
/// message instead of an error page. Nothing was saved.
/// </summary>
public sealed class RuleViolationPageFilter(IStringLocalizer<SharedResource> localizer, ITempDataDictionaryFactory tempData) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is RuleViolationException violation && !executed.ExceptionHandled && !HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            tempData.GetTempData(context.HttpContext)["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
            executed.Result = new RedirectResult(context.HttpContext.Request.Path + context.HttpContext.Request.QueryString);
            executed.ExceptionHandled = true;
        }
    }
}

/// <summary>The same safety net for the API: an uncaught rule answers 400 with a validation problem.</summary>
public sealed class RuleViolationExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RuleViolationException violation)
        {
            return false;
        }

        var errors = new Dictionary<string, string[]> { [violation.Field.Length == 0 ? "request" : violation.Field] = [violation.Message] };
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest },
        }))
        {
            // The caller asked for something else (Accept: text/csv): the problem is written anyway, never an empty 400.
            await TypedResults.ValidationProblem(errors).ExecuteAsync(httpContext);
        }

        return true;
    }
}

/// <summary>
/// A request the API cannot even read — malformed JSON, a value of the wrong type, duplicate keys, an
/// unknown enum value, an impossible date, a number in the query that is none — answers 400 with
/// the field in an RFC 9457 problem, in every environment; never 500.
/// </summary>
public sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // Pages keep their error page; only the API answers with a problem document.
        if (exception is not BadHttpRequestException bad || httpContext.Response.HasStarted || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        var (field, message) = Describe(bad);
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "Die Anfrage ist nicht lesbar.",
            },
        });
    }

    private static (string Field, string Message) Describe(BadHttpRequestException bad)
    {
        if (bad.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return ("request", "Bitte senden Sie den dokumentierten Inhaltstyp (JSON, beim Hochladen multipart/form-data).");
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return ("request", "Die Anfrage ist zu groß.");
        }

        for (Exception? inner = bad.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Text.Json.JsonException json)
            {
                var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "request";
                return (path, path == "request"
                    ? "Der Inhalt ist kein gültiges JSON."
                    : "Der Wert hat nicht das erwartete Format (Text, Zahl, Datum JJJJ-MM-TT, Wahrheitswert oder einer der dokumentierten Codes).");
            }
        }

        // Route, query and header values: the message names the parameter, e.g. Failed to bind parameter "int? page" from "abc".
        var name = System.Text.RegularExpressions.Regex.Match(bad.Message, "parameter \"(?:[^\" ]+ )?([^\" ]+)\"") is { Success: true } m ? m.Groups[1].Value : "request";
        // A record bound with [AsParameters] names its property (Page); the query says page.
        return (name.Length > 1 && name != "request" ? char.ToLowerInvariant(name[0]) + name[1..] : name, "Der Wert hat nicht das erwartete Format.");
    }
}
