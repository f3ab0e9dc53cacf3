using System.Security.Claims;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Clients.Matching;
using Lotse.Security;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Clients;

/// <summary>A ranked duplicate candidate.</summary>
public sealed record DuplicateCandidate(Client Client, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// Search before create and the search box: candidates come from the stored, indexed name keys of
/// the caller's organisation, are scored in memory, and are ranked best first.
/// </summary>
public sealed class ClientMatching(LotseDbContext db, TimeProvider time)
{
    private const int CandidateLimit = 200;

    /// <summary>Marks a stored key that holds a whole ascii name token, for prefix search as the user types.</summary>
    private const string TokenPrefix = "t:";

    /// <summary>Rebuilds the stored lookup keys of a client from its name and other spellings.</summary>
    public static void RefreshKeys(Client client)
    {
        var keys = new[] { new DuplicateScorer.NameSpelling(client.GivenName, client.FamilyName) }
            .Concat(client.OtherSpellings.Select(a => new DuplicateScorer.NameSpelling(a.GivenName, a.FamilyName)))
            .Concat(client.BirthName is { Length: > 0 } birthName ? [new DuplicateScorer.NameSpelling(client.GivenName, birthName)] : [])
            .SelectMany(s => NameKeys.LookupKeys(s.GivenName, s.FamilyName)
                .Concat(NameKeys.SearchPrefixes($"{s.GivenName} {s.FamilyName}").Where(t => t.Length >= 2).Select(t => TokenPrefix + t[..Math.Min(t.Length, 60)])))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        client.NameKeys.RemoveAll(k => !keys.Contains(k.Key));
        foreach (var key in keys.Where(k => client.NameKeys.All(existing => existing.Key != k)))
        {
            client.NameKeys.Add(new ClientNameKey { ClientId = client.Id, OrganizationId = client.OrganizationId, Key = key });
        }
    }

    /// <summary>The ranked candidates the user may see that look like the given person.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> FindDuplicatesAsync(
        ClaimsPrincipal user, string? givenName, string familyName, PartialDate? birthDate, Guid? excludeClientId = null, CancellationToken cancellationToken = default)
    {
        var keys = NameKeys.LookupKeys(givenName, familyName);
        if (keys.Count == 0)
        {
            return [];
        }

        var candidates = await LoadCandidatesAsync(user, keys, cancellationToken);
        var query = new DuplicateScorer.NameSpelling(givenName, familyName);
        return [.. candidates
            .Where(c => c.Id != excludeClientId)
            .Select(c => (Client: c, Result: DuplicateScorer.Score(query, birthDate, Spellings(c), Parse(c.BirthDate))))
            .Where(x => x.Result.Score >= DuplicateScorer.Threshold)
            .OrderByDescending(x => x.Result.Score).ThenBy(x => x.Client.FamilyName)
            .Select(x => new DuplicateCandidate(x.Client, x.Result.Score, x.Result.Reasons))];
    }

    /// <summary>The search box: one text with names in any order and script, optionally a birth year.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> SearchAsync(ClaimsPrincipal user, string text, int limit, CancellationToken cancellationToken = default)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        PartialDate? birthDate = null;
        var names = new List<string>();
        foreach (var token in tokens)
        {
            if (PartialDate.TryParse(token, out var date, DateOnly.FromDateTime(time.GetLocalNow().DateTime)))
            {
                birthDate = date;
            }
            else
            {
                names.Add(token);
            }
        }

        if (names.Count == 0)
        {
            return [];
        }

        // The names as typed, and as they would be written in the spellings NameKeys.SearchVariants knows.
        List<List<string>> readings = [names, .. NameKeys.SearchVariants(string.Join(' ', names)).Select(v => v.Split(' ').ToList()).Where(v => v.Count == names.Count)];
        var keys = readings.SelectMany(r => NameKeys.LookupKeys(Given(r), r[^1]).Concat(r.SelectMany(n => NameKeys.LookupKeys(null, n)))).Distinct().ToList();
        var prefixes = NameKeys.SearchPrefixes(text);
        var organizationId = user.GetOrganizationIdOrEmpty();
        var byKey = db.ClientNameKeys.Where(k => k.OrganizationId == organizationId && keys.Contains(k.Key)).Select(k => k.ClientId);
        if (prefixes.Count > 0 && prefixes[^1].Length >= 2)
        {
            // Typing "Pope" finds Popescu before the key is complete: a range over the indexed token keys.
            var from = TokenPrefix + prefixes[^1];
            var to = from[..^1] + (char)(from[^1] + 1);
#pragma warning disable CA1309 // Translated to SQL >= and <; the keys are ASCII, so the database's order is ordinal.
            byKey = byKey.Union(db.ClientNameKeys
                .Where(k => k.OrganizationId == organizationId && string.Compare(k.Key, from) >= 0 && string.Compare(k.Key, to) < 0)
                .Select(k => k.ClientId));
#pragma warning restore CA1309
        }

        var query = db.Clients.Where(ClientAuthorizationHandler.VisibleTo(user)).Where(c => byKey.Contains(c.Id));
        var candidates = await query.Include(c => c.OtherSpellings).Include(c => c.District).OrderBy(c => c.FamilyName).Take(CandidateLimit).ToListAsync(cancellationToken);
        var swappedFree = names.Count == 1;
        return [.. candidates
            .Select(c =>
            {
                var result = readings.Select(r => DuplicateScorer.Score(new DuplicateScorer.NameSpelling(Given(r), r[^1]), birthDate, Spellings(c), Parse(c.BirthDate)))
                    .MaxBy(r => r.Score)!;
                var prefixHit = prefixes.Count > 0 && (NameKeys.Ascii(c.FamilyName).StartsWith(prefixes[^1], StringComparison.Ordinal)
                    || NameKeys.Ascii(c.GivenName).StartsWith(prefixes[^1], StringComparison.Ordinal));
                var score = swappedFree ? Math.Max(result.Score, readings.Max(r => SingleNameScore(r[0], c))) : result.Score;
                return new DuplicateCandidate(c, prefixHit ? Math.Max(score, DuplicateScorer.Threshold) : score, result.Reasons);
            })
            .Where(x => x.Score >= DuplicateScorer.Threshold)
            .OrderByDescending(x => x.Score).ThenBy(x => x.Client.FamilyName)
            .Take(limit)];
    }

    private static string? Given(List<string> names) => names.Count > 1 ? string.Join(' ', names[..^1]) : null;

    private static int SingleNameScore(string name, Client client) =>
        Spellings(client).Max(s => Math.Max(
            DuplicateScorer.Score(new DuplicateScorer.NameSpelling(null, name), null, [new DuplicateScorer.NameSpelling(null, s.FamilyName)], null).Score,
            s.GivenName is null ? 0 : DuplicateScorer.Score(new DuplicateScorer.NameSpelling(null, name), null, [new DuplicateScorer.NameSpelling(null, s.GivenName)], null).Score));

    private async Task<List<Client>> LoadCandidatesAsync(ClaimsPrincipal user, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var organizationId = user.GetOrganizationIdOrEmpty();
        var ids = await db.ClientNameKeys
            .Where(k => k.OrganizationId == organizationId && keys.Contains(k.Key))
            .GroupBy(k => k.ClientId)
            .OrderByDescending(g => g.Count())
            .Select(g => g.Key)
            .Take(CandidateLimit)
            .ToListAsync(cancellationToken);
        return await db.Clients.Where(ClientAuthorizationHandler.VisibleTo(user))
            .Where(c => ids.Contains(c.Id))
            .Include(c => c.OtherSpellings).Include(c => c.District)
            .ToListAsync(cancellationToken);
    }

    private static List<DuplicateScorer.NameSpelling> Spellings(Client client) =>
    [
        new(client.GivenName, client.FamilyName),
        .. client.OtherSpellings.Select(a => new DuplicateScorer.NameSpelling(a.GivenName, a.FamilyName)),
        .. client.BirthName is { Length: > 0 } birthName ? [new DuplicateScorer.NameSpelling(client.GivenName, birthName)] : Array.Empty<DuplicateScorer.NameSpelling>(),
    ];

    /// <summary>A birth date as typed (German or ISO, a two-digit year in the past), or null when it is not one.</summary>
    public PartialDate? ReadBirthDate(string? text) =>
        PartialDate.TryParse(text, out var date, DateOnly.FromDateTime(time.GetLocalNow().DateTime)) ? date : null;

    private static PartialDate? Parse(string? text) => PartialDate.TryParse(text, out var date) ? date : null;
}
