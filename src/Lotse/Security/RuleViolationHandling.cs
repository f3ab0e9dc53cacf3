using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
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

        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [violation.Field.Length == 0 ? "request" : violation.Field] = [violation.Message],
            })
            {
                Status = StatusCodes.Status400BadRequest,
            },
        });
    }
}
