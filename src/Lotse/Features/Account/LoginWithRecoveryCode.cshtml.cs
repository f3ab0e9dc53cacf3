using System.ComponentModel.DataAnnotations;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Account;

[EnableRateLimiting(SecuritySetup.SignInRateLimit)]
public sealed class LoginWithRecoveryCodeModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("./Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
        {
            TempData["Message"] = localizer["Angemeldet mit einem Wiederherstellungscode. Dieser Code ist nun verbraucht."].Value;
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.AddModelError("Input.RecoveryCode", result.IsLockedOut
            ? localizer["Das Konto ist gesperrt. Versuchen Sie es in 15 Minuten erneut oder wenden Sie sich an die Administration."]
            : localizer["Der Wiederherstellungscode ist ungültig."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Wiederherstellungscode ein.")]
        public string RecoveryCode { get; set; } = string.Empty;
    }
}
