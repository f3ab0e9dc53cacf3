using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Organizations;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Referrals;

/// <summary>Single-use answer links for organisations without accounts.</summary>
public sealed partial class ReferralService
{
    /// <summary>Creates a single-use answer link for an organisation without accounts; returns the secret once.</summary>
    public async Task<string> CreateLinkAsync(Referral referral, Guid actorId, CancellationToken cancellationToken = default)
    {
        if (referral.Status is not (ReferralStatus.Sent or ReferralStatus.Accepted or ReferralStatus.InProgress))
        {
            throw new RuleViolationException(string.Empty, "Antwortlinks gibt es nur für gesendete, offene Vermittlungen.");
        }

        var token = AddLink(referral.Id, actorId);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Finds the referral of an unused, unexpired answer link.</summary>
    public async Task<(Referral Referral, ReferralLink Link)?> ResolveLinkAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        byte[] secret;
        try
        {
            secret = WebEncoders.Base64UrlDecode(token);
        }
        catch (FormatException)
        {
            return null;
        }

        var hash = SHA256.HashData(secret);
        var now = Now;
        var link = await db.ReferralLinks.SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now)
        {
            return null;
        }

        return await FindAsync(link.ReferralId, cancellationToken) is { } referral ? (referral, link) : null;
    }

    private string AddLink(Guid referralId, Guid? actorId)
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        db.ReferralLinks.Add(new ReferralLink
        {
            ReferralId = referralId,
            TokenHash = SHA256.HashData(secret),
            CreatedAt = Now,
            ExpiresAt = Now.AddDays(options.CurrentValue.Referrals.LinkValidDays),
            CreatedByUserId = actorId,
        });
        return WebEncoders.Base64UrlEncode(secret);
    }
}
