using System.ComponentModel.DataAnnotations;
using System.Text;
using System.Text.Encodings.Web;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using QRCoder;

namespace Lotse.Features.Account;

/// <summary>Enrolment of the TOTP second factor with a QR code, and the recovery codes.</summary>
public sealed class TwoFactorModel(
    UserManager<User> users,
    SignInManager<User> signIn,
    TwoFactorPolicy policy,
    UrlEncoder urlEncoder,
    IOptionsMonitor<LotseOptions> options,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    public bool IsEnabled { get; private set; }

    public bool IsMandatory { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public string SharedKey { get; private set; } = string.Empty;

    public string QrCodeSvg { get; private set; } = string.Empty;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }

        var code = Input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError("Input.Code", localizer["Der Code ist falsch oder abgelaufen. Prüfen Sie die Uhrzeit Ihres Geräts."]);
            await LoadAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        TempData["Message"] = localizer["Der zweite Faktor ist eingerichtet."].Value;
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!user.TwoFactorEnabled)
        {
            return RedirectToPage();
        }

        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (policy.IsRequiredFor(await users.GetRolesAsync(user)))
        {
            TempData["Message"] = localizer["Für Ihre Rolle ist der zweite Faktor vorgeschrieben; er kann nicht abgeschaltet werden."].Value;
            return RedirectToPage();
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = localizer["Der zweite Faktor ist abgeschaltet."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(User user)
    {
        IsEnabled = await users.GetTwoFactorEnabledAsync(user);
        IsMandatory = policy.IsRequiredFor(await users.GetRolesAsync(user));
        RecoveryCodesLeft = IsEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        if (IsEnabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
        }

        SharedKey = FormatKey(key);
        var issuer = urlEncoder.Encode("Lotse " + options.CurrentValue.InstallationName);
        var uri = $"otpauth://totp/{issuer}:{urlEncoder.Encode(user.Email ?? string.Empty)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodeSvg = new SvgQRCode(data).GetGraphic(4);
    }

    private static string FormatKey(string key)
    {
        var result = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            result.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return result.ToString().TrimEnd().ToLowerInvariant();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie den Code aus Ihrer Authenticator-App ein.")]
        [StringLength(8, MinimumLength = 6, ErrorMessage = "Der Code hat 6 Ziffern.")]
        public string Code { get; set; } = string.Empty;
    }
}
