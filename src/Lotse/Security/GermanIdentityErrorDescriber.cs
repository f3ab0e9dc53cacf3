using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lotse.Security;

/// <summary>Identity's error messages in the UI language (German keys, English translations in the resources).</summary>
public sealed class GermanIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = localizer["Diese E-Mail-Adresse ist bereits vergeben."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = localizer["Diese E-Mail-Adresse ist bereits vergeben."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = localizer["Die E-Mail-Adresse ist ungültig."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = localizer["Die E-Mail-Adresse ist ungültig."] };

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = localizer["Das Passwort muss mindestens {0} Zeichen lang sein.", length] };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = localizer["Das Passwort muss mindestens {0} verschiedene Zeichen enthalten.", uniqueChars] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = localizer["Das Passwort ist falsch."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = localizer["Die Änderung konnte nicht gespeichert werden. Bitte versuchen Sie es erneut."] };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = localizer["Der Code ist ungültig oder abgelaufen."] };

    public override IdentityError RecoveryCodeRedemptionFailed() =>
        new() { Code = nameof(RecoveryCodeRedemptionFailed), Description = localizer["Der Wiederherstellungscode ist ungültig."] };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = localizer["Die Sperre ist für diesen Benutzer nicht aktiviert."] };

    public override IdentityError UserAlreadyInRole(string role) =>
        new() { Code = nameof(UserAlreadyInRole), Description = localizer["Der Benutzer hat diese Rolle bereits."] };

    public override IdentityError UserNotInRole(string role) =>
        new() { Code = nameof(UserNotInRole), Description = localizer["Der Benutzer hat diese Rolle nicht."] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = localizer["Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."] };
}
