using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Offers;

public sealed record OfferQuery(string? Text = null, string? NeedArea = null, string? Language = null, Guid? DistrictId = null,
    Guid? OrganizationId = null, bool IncludeInactive = false, bool StaleOnly = false);

/// <summary>A suggested offer for a referral, with the reasons it fits.</summary>
public sealed record OfferSuggestion(Offer Offer, int Score, IReadOnlyList<string> Reasons);

/// <summary>The facts of one referral that its offer's figures need: no person, no case.</summary>
public sealed record ReferralFact(ReferralStatus Status, DateTime? SentAt, DateTime? FirstAnsweredAt, DateTime? ClosedAt, string? DeclineReasonCode);

/// <summary>Per offer, without any personal data: what happened to the referrals sent to it.</summary>
public sealed record OfferStatistics(int Referrals, int Open, int Answered, int Accepted, double? AcceptanceRate,
    IReadOnlyDictionary<string, int> DeclineReasons, TimeSpan? MedianToFirstAnswer, TimeSpan? MedianToCompletion, int Completed)
{
    public static OfferStatistics From(IReadOnlyCollection<ReferralFact> facts)
    {
        var answered = facts.Where(r => r.FirstAnsweredAt != null && r.Status != ReferralStatus.Withdrawn).ToList();
        var accepted = answered.Count(r => r.Status is ReferralStatus.Accepted or ReferralStatus.InProgress or ReferralStatus.Completed or ReferralStatus.NotAttended);
        var completed = facts.Where(r => r.Status == ReferralStatus.Completed && r.SentAt != null && r.ClosedAt != null).ToList();
        return new OfferStatistics(
            facts.Count,
            facts.Count(r => !ReferralRules.Terminal.Contains(r.Status)),
            answered.Count,
            accepted,
            answered.Count == 0 ? null : (double)accepted / answered.Count,
            facts.Where(r => r.Status == ReferralStatus.Declined).GroupBy(r => r.DeclineReasonCode ?? "sonstiges").ToDictionary(g => g.Key, g => g.Count()),
            OfferService.Median(answered.Where(r => r.SentAt != null).Select(r => r.FirstAnsweredAt!.Value - r.SentAt!.Value)),
            OfferService.Median(completed.Select(r => r.ClosedAt!.Value - r.SentAt!.Value)),
            completed.Count);
    }
}

/// <summary>The service directory: search, suggestions, maintenance and verification.</summary>
public sealed class OfferService(LotseDbContext db, TimeProvider time, IOptionsMonitor<LotseOptions> options)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>Offers not verified since this day are flagged and their owners reminded.</summary>
    public DateOnly StaleBefore => Today.AddMonths(-options.CurrentValue.Directory.VerifyAfterMonths);

    public bool IsStale(Offer offer) => offer.LastVerifiedOn is null || offer.LastVerifiedOn < StaleBefore;

    public Task<Offer?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Offers.Include(o => o.Organization).Include(o => o.Locations).ThenInclude(l => l.District)
            .AsSplitQuery().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    public IQueryable<Offer> Query(OfferQuery query)
    {
        var offers = db.Offers.AsQueryable();
        if (!query.IncludeInactive)
        {
            offers = offers.Where(o => o.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL lower(): the database compares, not .NET.
            offers = offers.Where(o => o.Name.ToLower().Contains(text) || (o.Description != null && o.Description.ToLower().Contains(text))
                || o.Organization!.Name.ToLower().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (!string.IsNullOrWhiteSpace(query.NeedArea))
        {
            offers = offers.Where(o => o.NeedAreaCodes.Contains(query.NeedArea));
        }

        if (!string.IsNullOrWhiteSpace(query.Language))
        {
            offers = offers.Where(o => o.Languages.Contains(query.Language));
        }

        if (query.DistrictId is { } district)
        {
            offers = offers.Where(o => o.Locations.Any(l => l.DistrictId == district || l.District!.ParentId == district));
        }

        if (query.OrganizationId is { } organization)
        {
            offers = offers.Where(o => o.OrganizationId == organization);
        }

        if (query.StaleOnly)
        {
            var before = StaleBefore;
            offers = offers.Where(o => o.LastVerifiedOn == null || o.LastVerifiedOn < before);
        }

        return offers;
    }

    public async Task<(List<Offer> Items, int Total)> SearchAsync(OfferQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var offers = Query(query);
        var total = await offers.CountAsync(cancellationToken);
        var items = await offers.Include(o => o.Organization).Include(o => o.Locations).ThenInclude(l => l.District)
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).AsSplitQuery().ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Offers for a referral in a need area, best first: the client's languages, the client's district
    /// (or its Stadtbezirk), interpretation where the client needs it, no waiting, recently verified.
    /// </summary>
    public async Task<List<OfferSuggestion>> SuggestAsync(string needAreaCode, Client client, int limit = 5, CancellationToken cancellationToken = default)
    {
        var candidates = await db.Offers.Include(o => o.Organization).Include(o => o.Locations).ThenInclude(l => l.District)
            .Where(o => o.IsActive && o.AcceptsReferrals && o.NeedAreaCodes.Contains(needAreaCode))
            .AsSplitQuery().ToListAsync(cancellationToken);
        var clientBezirk = client.DistrictId is { } districtId
            ? await db.Districts.Where(d => d.Id == districtId).Select(d => d.ParentId ?? d.Id).SingleOrDefaultAsync(cancellationToken)
            : (Guid?)null;
        var suggestions = new List<OfferSuggestion>();
        foreach (var offer in candidates)
        {
            var score = 10;
            var reasons = new List<string> { "Handlungsfeld passt" };
            var shared = client.Languages.Where(offer.Languages.Contains).ToList();
            if (shared.Count > 0)
            {
                score += 6;
                reasons.Add("Sprache der Person");
            }
            else if (client.InterpreterNeeded && offer.InterpretationAvailable)
            {
                score += 4;
                reasons.Add("Dolmetschung möglich");
            }

            if (client.DistrictId is { } district && offer.Locations.Any(l => l.DistrictId == district))
            {
                score += 5;
                reasons.Add("im Stadtteil der Person");
            }
            else if (clientBezirk is { } bezirk && offer.Locations.Any(l => l.DistrictId == bezirk || l.District?.ParentId == bezirk))
            {
                score += 3;
                reasons.Add("im Stadtbezirk der Person");
            }

            if (offer.WaitingWeeks == 0)
            {
                score += 2;
                reasons.Add("keine Wartezeit");
            }

            if (!IsStale(offer))
            {
                score += 1;
            }

            suggestions.Add(new OfferSuggestion(offer, score, reasons));
        }

        return [.. suggestions.OrderByDescending(s => s.Score).ThenBy(s => s.Offer.WaitingWeeks ?? 99).ThenBy(s => s.Offer.Name).Take(limit)];
    }

    /// <summary>Checks and normalises an offer before it is saved; throws <see cref="RuleViolationException"/>.</summary>
    public async Task ValidateAsync(Offer offer, CancellationToken cancellationToken = default)
    {
        offer.Name = offer.Name.Trim();
        if (offer.Name.Length == 0)
        {
            throw new RuleViolationException("name", "Bitte geben Sie den Namen des Angebots an.");
        }

        if (!await db.Organizations.AnyAsync(o => o.Id == offer.OrganizationId && o.IsActive, cancellationToken))
        {
            throw new RuleViolationException("organizationId", "Bitte wählen Sie eine aktive Organisation.");
        }

        offer.NeedAreaCodes = [.. offer.NeedAreaCodes.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal)];
        if (offer.NeedAreaCodes.Count == 0)
        {
            throw new RuleViolationException("needAreas", "Bitte wählen Sie mindestens ein Handlungsfeld.");
        }

        var known = await db.CatalogCodesAsync(CatalogKind.NeedArea, cancellationToken);
        if (offer.NeedAreaCodes.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            throw new RuleViolationException("needAreas", "Unbekanntes Handlungsfeld: {0}", unknown);
        }

        offer.Languages = [.. offer.Languages.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
        if (offer.Languages.FirstOrDefault(l => !Languages.IsKnown(l)) is { } language)
        {
            throw new RuleViolationException("languages", "Unbekannte Sprache: {0}", language);
        }

        if (offer.Url is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new RuleViolationException("url", "Bitte geben Sie die Webseite vollständig an, z. B. https://www.beispiel.de.");
        }

        if (offer.Email is { } email && !System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            throw new RuleViolationException("email", "Bitte geben Sie eine gültige E-Mail-Adresse an.");
        }

        if (offer.WaitingWeeks is < 0 or > 520)
        {
            throw new RuleViolationException("waitingWeeks", "Die Wartezeit muss zwischen 0 und 520 Wochen liegen.");
        }
    }

    /// <summary>What happened to the referrals sent to an offer, from their statuses and times only.</summary>
    public async Task<OfferStatistics> StatisticsAsync(Guid offerId, CancellationToken cancellationToken = default) =>
        OfferStatistics.From(await db.Referrals.Where(r => r.OfferId == offerId && r.Status != ReferralStatus.Draft)
            .Select(r => new ReferralFact(r.Status, r.SentAt, r.FirstAnsweredAt, r.ClosedAt, r.DeclineReasonCode))
            .ToListAsync(cancellationToken));

    internal static TimeSpan? Median(IEnumerable<TimeSpan> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
