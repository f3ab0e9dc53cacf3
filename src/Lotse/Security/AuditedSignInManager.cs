using Lotse.Features.Audit;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lotse.Security;

/// <summary>
/// Identity's sign-in manager, with every sign-in, failed sign-in and sign-out in the audit log:
/// which account (never the address typed for an unknown one), which step, and the outcome.
/// </summary>
public sealed class AuditedSignInManager(
    UserManager<User> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    IServiceProvider services)
    : SignInManager<User>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        await RecordAsync(null, AuditOperation.SignInFailed, "password,unknown-account");
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(User user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        await RecordAsync(user, result, "totp");
        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        await RecordAsync(user, result, "recovery-code");
        return result;
    }

    public override async Task SignOutAsync()
    {
        var user = Context.User is { Identity.IsAuthenticated: true } principal ? await UserManager.GetUserAsync(principal) : null;
        await base.SignOutAsync();
        if (user is not null)
        {
            await RecordAsync(user, AuditOperation.SignOut, null);
        }
    }

    private Task RecordAsync(User? user, SignInResult result, string step) => RecordAsync(user,
        result.Succeeded ? AuditOperation.SignIn : result.RequiresTwoFactor ? AuditOperation.SignIn : AuditOperation.SignInFailed,
        result.Succeeded ? step : result.RequiresTwoFactor ? step + ",second-factor-next" : result.IsLockedOut ? step + ",locked-out" : result.IsNotAllowed ? step + ",not-allowed" : step);

    private async Task RecordAsync(User? user, AuditOperation operation, string? fields) =>
        await services.GetRequiredService<AuditLog>().RecordForAsync(user?.Id, user?.OrganizationId, operation, nameof(User), user?.Id, fields);
}
