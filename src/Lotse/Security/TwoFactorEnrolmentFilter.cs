using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lotse.Security;

/// <summary>
/// Sends a user whose role requires a second factor to the enrolment page until they have one.
/// Only the enrolment and sign-out pages stay reachable.
/// </summary>
public sealed class TwoFactorEnrolmentFilter(TwoFactorPolicy policy) : IAsyncPageFilter
{
    private static readonly string[] AllowedPages = ["/Account/TwoFactor", "/Account/Logout", "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/AccessDenied"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (!AllowedPages.Contains(page, StringComparer.OrdinalIgnoreCase) && policy.MustEnrol(context.HttpContext.User))
        {
            context.Result = new RedirectToPageResult("/Account/TwoFactor", new { required = true });
            return;
        }

        await next();
    }
}
