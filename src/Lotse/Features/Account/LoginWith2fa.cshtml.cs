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
public sealed class LoginWith2faModel(SignInManager<User> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
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

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return LocalRedirect(LoginModel.SafeReturnUrl(Url, ReturnUrl));
        }

        ModelState.AddModelError("Input.Code", result.IsLockedOut
            ? localizer["Das Konto ist gesperrt. Versuchen Sie es in 15 Minuten erneut oder wenden Sie sich an die Administration."]
            : localizer["Der Code ist falsch oder abgelaufen."]);
        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.")]
        [StringLength(8, MinimumLength = 6, ErrorMessage = "Der Code hat 6 Ziffern.")]
        public string Code { get; set; } = string.Empty;
    }
}
