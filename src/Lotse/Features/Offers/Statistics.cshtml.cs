using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Referrals;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Offers;

/// <summary>
/// What happened to the referrals, per offer, for the coordination office: counts, acceptance, decline
/// reasons and answer times. Only statuses and timestamps are read — no person, no case.
/// </summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class StatisticsModel(LotseDbContext db) : PageModel
{
    public sealed record Row(Guid OfferId, string Offer, string Organization, OfferStatistics Figures);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> DeclineReasons { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync()
    {
        DeclineReasons = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralDeclineReason, cancellationToken: HttpContext.RequestAborted);
        var facts = await db.Referrals.Where(r => r.OfferId != null && r.Status != ReferralStatus.Draft)
            .Select(r => new { OfferId = r.OfferId!.Value, Fact = new ReferralFact(r.Status, r.SentAt, r.FirstAnsweredAt, r.ClosedAt, r.DeclineReasonCode) })
            .ToListAsync(HttpContext.RequestAborted);
        var offers = await db.Offers.Select(o => new { o.Id, o.Name, Organization = o.Organization!.Name }).ToDictionaryAsync(o => o.Id, HttpContext.RequestAborted);
        Rows = [.. facts.GroupBy(f => f.OfferId).Where(g => offers.ContainsKey(g.Key))
            .Select(g => new Row(g.Key, offers[g.Key].Name, offers[g.Key].Organization, OfferStatistics.From([.. g.Select(f => f.Fact)])))
            .OrderByDescending(r => r.Figures.Referrals).ThenBy(r => r.Offer)];
    }
}
