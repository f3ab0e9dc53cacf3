using System.Text;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace Lotse.Security;

/// <summary>
/// Refuses passwords that are long but still among the first an attacker tries: a common word or
/// keyboard row with digits, years and symbols around it ("Passwort2026!!", "qwertz123456"), only
/// digits, or the user's own e-mail name. Length stays the main rule (BSI, NIST SP 800-63B).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<User>
{
    /// <summary>Bases of the most common passwords in German and English lists, and of this domain.</summary>
    private static readonly HashSet<string> CommonBases = new(StringComparer.Ordinal)
    {
        "passwort", "password", "passw", "kennwort", "geheim", "secret", "qwertz", "qwerty", "qwertzuiop", "qwertyuiop", "asdfgh", "asdfghjkl", "yxcvbnm",
        "zxcvbnm", "abc", "abcdef", "abcdefgh", "hallo", "hello", "hallohallo", "willkommen", "welcome", "iloveyou", "ichliebedich", "letmein", "admin",
        "administrator", "root", "test", "testtest", "user", "benutzer", "login", "master", "dragon", "monkey", "football", "fussball", "baseball",
        "sunshine", "sommer", "winter", "fruehling", "frühling", "herbst", "januar", "februar", "maerz", "märz", "april", "mai", "juni", "juli", "august",
        "september", "oktober", "november", "dezember", "montag", "schalke", "schalkeo", "borussia", "dortmund", "bayern", "gelsenkirchen", "ruhrgebiet",
        "deutschland", "germany", "lotse", "demo", "fallmanagement", "integration", "stadt", "changeme", "aendern", "ändern", "start", "startstart",
        "schatz", "engel", "blume", "sonne", "princess", "michael", "thomas", "andreas", "stefan", "daniel", "alexander", "christian", "nicole", "sabine",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lower = password.ToLowerInvariant();
        var letters = new StringBuilder();
        foreach (var c in lower)
        {
            if (char.IsLetter(c))
            {
                letters.Append(c);
            }
        }

        var core = letters.ToString();
        var local = user.Email?.Split('@')[0].ToLowerInvariant().Replace(".", string.Empty, StringComparison.Ordinal);
        var weak = core.Length == 0
            || CommonBases.Contains(core)
            || IsRepetition(core, CommonBases)
            || IsSequence(lower)
            || (local is { Length: >= 4 } && core.Contains(local, StringComparison.Ordinal));
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "Dieses Passwort steht auf der Liste häufig verwendeter Passwörter. Bitte wählen Sie einen Satz oder mehrere unabhängige Wörter." })
            : IdentityResult.Success);
    }

    /// <summary>"passwortpasswort", "hallohallo": a common base written twice or more.</summary>
    private static bool IsRepetition(string core, HashSet<string> bases) =>
        bases.Any(b => b.Length >= 3 && core.Length % b.Length == 0 && core.Length > b.Length && string.Concat(Enumerable.Repeat(b, core.Length / b.Length)) == core);

    /// <summary>"123456789012", "aaaaaaaaaaaa", "abcdefghijkl": runs and repetitions of one character.</summary>
    private static bool IsSequence(string password)
    {
        var distinct = password.Distinct().Count();
        if (distinct <= 2)
        {
            return true;
        }

        var steps = 0;
        for (var i = 1; i < password.Length; i++)
        {
            if (Math.Abs(password[i] - password[i - 1]) <= 1)
            {
                steps++;
            }
        }

        return steps >= password.Length - 2;
    }
}
