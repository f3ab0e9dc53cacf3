using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lotse.Features.Account;

/// <summary>The language switch: stores the choice in the culture cookie for a year.</summary>
public sealed class LanguageModel(TimeProvider time) : PageModel
{
    private static readonly string[] Supported = ["de-DE", "en"];

    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? culture, string? returnUrl)
    {
        if (culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase))
        {
            Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture("de-DE", culture)),
                new CookieOptions { Expires = time.GetUtcNow().AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }

        return LocalRedirect(LoginModel.SafeReturnUrl(Url, returnUrl));
    }
}
