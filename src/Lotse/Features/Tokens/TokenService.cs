using System.Security.Cryptography;
using System.Text;
using Lotse.Data;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Tokens;

/// <summary>Mints, lists, revokes and checks personal access tokens.</summary>
public sealed class TokenService(LotseDbContext db, TimeProvider time)
{
    private const string TokenPrefix = "lotse_";

    /// <summary>Creates a token; the returned secret is shown once and never stored.</summary>
    public async Task<(PersonalAccessToken Token, string Secret)> CreateAsync(
        Guid userId, string name, int? expiresInDays, CancellationToken cancellationToken = default)
    {
        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow().UtcDateTime;
        var token = new PersonalAccessToken
        {
            UserId = userId,
            Name = string.IsNullOrWhiteSpace(name) ? "API" : name.Trim(),
            Prefix = secret[..12],
            Hash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresInDays is > 0 ? now.AddDays(expiresInDays.Value) : null,
        };
        db.PersonalAccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return (token, secret);
    }

    public Task<List<PersonalAccessToken>> ListAsync(Guid? userId, CancellationToken cancellationToken = default) =>
        db.PersonalAccessTokens
            .Include(t => t.User)
            .Where(t => userId == null || t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes a token; with <paramref name="userId"/> only a token of that user.</summary>
    public async Task<bool> RevokeAsync(Guid tokenId, Guid? userId, CancellationToken cancellationToken = default)
    {
        var token = await db.PersonalAccessTokens
            .SingleOrDefaultAsync(t => t.Id == tokenId && (userId == null || t.UserId == userId), cancellationToken);
        if (token is null)
        {
            return false;
        }

        token.RevokedAt ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Finds the usable token for a presented secret, or null.</summary>
    public async Task<PersonalAccessToken?> FindUsableAsync(string secret, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(TokenPrefix, StringComparison.Ordinal) || secret.Length > 100)
        {
            return null;
        }

        var hash = Hash(secret);
        var token = await db.PersonalAccessTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        if (token is null || !token.IsUsableAt(now) || token.User is not { IsActive: true })
        {
            return null;
        }

        // Recorded at most once a minute, so that API calls do not each cost a write.
        if (token.LastUsedAt is null || now - token.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return token;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
