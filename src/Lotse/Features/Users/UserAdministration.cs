using Lotse.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Users;

/// <summary>The result of an administrative change: success, or messages per field for the form.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static AdminResult Ok { get; } = new(true, []);

    public static AdminResult Fail(string field, string message) => new(false, [(field, message)]);

    public static AdminResult From(IdentityResult result, string field) =>
        result.Succeeded ? Ok : new(false, [.. result.Errors.Select(e => (field, e.Description))]);
}

/// <summary>What an administrator enters for a user.</summary>
public sealed record UserInput(string Email, string DisplayName, Guid OrganizationId, Guid? TeamId, IReadOnlyCollection<string> Roles);

/// <summary>Creates and changes users: organisation, team, roles, deactivation, second-factor reset.</summary>
public sealed class UserAdministration(UserManager<User> users, LotseDbContext db, TimeProvider time)
{
    public async Task<(AdminResult Result, User? User)> CreateAsync(UserInput input, string password, CancellationToken cancellationToken = default)
    {
        var check = await ValidateAsync(input, cancellationToken);
        if (!check.Succeeded)
        {
            return (check, null);
        }

        var user = new User
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            OrganizationId = input.OrganizationId,
            TeamId = input.TeamId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "Email";
            return (AdminResult.From(created, field), null);
        }

        var roles = await users.AddToRolesAsync(user, input.Roles.Distinct());
        if (!roles.Succeeded)
        {
            return (AdminResult.From(roles, "Roles"), null);
        }

        await transaction.CommitAsync(cancellationToken);
        return (AdminResult.Ok, user);
    }

    /// <summary>Changes name, organisation, team and roles. <paramref name="expectedStamp"/> detects a concurrent edit.</summary>
    public async Task<AdminResult> UpdateAsync(Guid userId, UserInput input, string expectedStamp, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AdminResult.Fail(string.Empty, "Der Benutzer wurde nicht gefunden.");
        }

        if (!string.Equals(user.ConcurrencyStamp, expectedStamp, StringComparison.Ordinal))
        {
            return AdminResult.Fail(string.Empty, "Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.");
        }

        var check = await ValidateAsync(input, cancellationToken);
        if (!check.Succeeded)
        {
            return check;
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        user.DisplayName = input.DisplayName.Trim();
        user.OrganizationId = input.OrganizationId;
        user.TeamId = input.TeamId;
        if (!string.Equals(user.Email, input.Email.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            user.Email = input.Email.Trim();
            user.UserName = input.Email.Trim();
        }

        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return AdminResult.From(updated, "Email");
        }

        var current = await users.GetRolesAsync(user);
        var wanted = input.Roles.Distinct().ToList();
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        if (!removed.Succeeded || !added.Succeeded)
        {
            return AdminResult.Fail("Roles", "Die Rollen konnten nicht gespeichert werden.");
        }

        // Role changes take effect at the next request, not after the cookie's validation interval.
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return AdminResult.Ok;
    }

    /// <summary>Deactivated users cannot sign in; their sessions and tokens stop working at once.</summary>
    public async Task<AdminResult> SetActiveAsync(Guid userId, bool active)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AdminResult.Fail(string.Empty, "Der Benutzer wurde nicht gefunden.");
        }

        user.IsActive = active;
        user.LockoutEnd = active ? null : DateTimeOffset.MaxValue;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        return AdminResult.From(result, string.Empty);
    }

    /// <summary>Removes the authenticator and recovery codes; the user enrols again at the next sign-in.</summary>
    public async Task<AdminResult> ResetTwoFactorAsync(Guid userId)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AdminResult.Fail(string.Empty, "Der Benutzer wurde nicht gefunden.");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        await users.UpdateSecurityStampAsync(user);
        return AdminResult.Ok;
    }

    private async Task<AdminResult> ValidateAsync(UserInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.DisplayName))
        {
            return AdminResult.Fail("DisplayName", "Bitte geben Sie einen Namen ein.");
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == input.OrganizationId, cancellationToken))
        {
            return AdminResult.Fail("OrganizationId", "Bitte wählen Sie eine Organisation.");
        }

        if (input.TeamId is { } teamId
            && !await db.Teams.AnyAsync(t => t.Id == teamId && t.OrganizationId == input.OrganizationId, cancellationToken))
        {
            return AdminResult.Fail("TeamId", "Das Team gehört nicht zur gewählten Organisation.");
        }

        if (input.Roles.Count == 0)
        {
            return AdminResult.Fail("Roles", "Bitte wählen Sie mindestens eine Rolle.");
        }

        if (input.Roles.Any(r => !Roles.All.Contains(r)))
        {
            return AdminResult.Fail("Roles", "Unbekannte Rolle.");
        }

        return AdminResult.Ok;
    }
}
