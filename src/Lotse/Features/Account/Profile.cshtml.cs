using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Account;

/// <summary>The user's own account: who they are, password, second factor and API tokens.</summary>
public sealed class ProfileModel(
    UserManager<User> users,
    SignInManager<User> signIn,
    TokenService tokens,
    LotseDbContext db,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public TokenInput Token { get; set; } = new();

    public User? Account { get; private set; }

    public string? TeamName { get; private set; }

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];

    public string? NewTokenSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        ModelState.Remove("Token.Name");
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (Password.NewPassword != Password.ConfirmPassword)
        {
            ModelState.AddModelError("Password.ConfirmPassword", localizer["Die Wiederholung stimmt nicht mit dem neuen Passwort überein."]);
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account!, Password.CurrentPassword, Password.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Password.CurrentPassword" : "Password.NewPassword", error.Description);
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(Account!);
        TempData["Message"] = localizer["Das Passwort wurde geändert."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Password.", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (_, secret) = await tokens.CreateAsync(Account!.Id, Token.Name, Token.ExpiresInDays);
        NewTokenSecret = secret;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(Guid id)
    {
        var userId = users.GetUserId(User);
        if (userId is null || !Guid.TryParse(userId, out var ownerId))
        {
            return Challenge();
        }

        TempData["Message"] = await tokens.RevokeAsync(id, ownerId)
            ? localizer["Das Token wurde widerrufen."].Value
            : localizer["Das Token wurde nicht gefunden."].Value;
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        Account = await users.GetUserAsync(User);
        if (Account is null)
        {
            return false;
        }

        TeamName = Account.TeamId is { } teamId
            ? await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync()
            : null;
        Tokens = await tokens.ListAsync(Account.Id);
        return true;
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Bitte geben Sie Ihr bisheriges Passwort ein.")]
        public string CurrentPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Bitte geben Sie ein neues Passwort ein.")]
        public string NewPassword { get; set; } = string.Empty;

        [Required(ErrorMessage = "Bitte wiederholen Sie das neue Passwort.")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Bitte geben Sie dem Token einen Namen.")]
        [StringLength(100, ErrorMessage = "Der Name darf höchstens 100 Zeichen lang sein.")]
        public string Name { get; set; } = string.Empty;

        [Range(1, 730, ErrorMessage = "Die Gültigkeit muss zwischen 1 und 730 Tagen liegen.")]
        public int? ExpiresInDays { get; set; } = 90;
    }
}
