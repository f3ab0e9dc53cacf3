using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Offers;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Referrals;

/// <summary>
/// The receiving organisation's inbox. The list holds no personal data; the packet is shown, and
/// its reading audited, only on the referral's own page.
/// </summary>
[Authorize(Policy = Policies.Inbox)]
public sealed class InboxModel(LotseDbContext db, ReferralService referrals, OfferService offers) : PageModel
{
    /// <summary>One referral: what, from whom (organisation and case manager: staff, not the client), its number and when.</summary>
    public sealed record Row(Guid Id, string Title, string Sender, string NeedArea, ReferralStatus Status, DateTime? SentAt, bool Overdue, DateTime UpdatedAt, string? SenderPerson = null)
    {
        public string Number => ReferralRules.Number(Id);
    }

    /// <summary>"open" (default) or "all".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Statuses { get; private set; } = new Dictionary<string, string>();

    public int StaleOffers { get; private set; }

    public async Task OnGetAsync()
    {
        var organizationId = User.GetOrganizationId() ?? Guid.Empty;
        var all = Show == "all";
        var query = db.Referrals.Where(ReferralRecipientHandler.InInboxOf(User));
        if (!all)
        {
            query = query.Where(r => !ReferralRules.Terminal.Contains(r.Status));
        }

        var needAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: HttpContext.RequestAborted);
        Statuses = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralStatus, cancellationToken: HttpContext.RequestAborted);
        var items = await query.Include(r => r.Offer).Include(r => r.SenderOrganization)
            .OrderByDescending(r => r.SentAt).Take(200).ToListAsync(HttpContext.RequestAborted);
        var senderIds = items.Select(r => r.SenderUserId).Distinct().ToList();
        var senders = await db.Users.Where(u => senderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, HttpContext.RequestAborted);
        Rows = [.. items.Select(r => new Row(r.Id, r.Offer?.Name ?? needAreas.GetValueOrDefault(r.NeedAreaCode, r.NeedAreaCode), r.SenderOrganization?.Name ?? string.Empty,
            needAreas.GetValueOrDefault(r.NeedAreaCode, r.NeedAreaCode), r.Status, r.SentAt, referrals.IsOverdue(r), r.UpdatedAt, senders.GetValueOrDefault(r.SenderUserId)))
            .OrderByDescending(r => r.Overdue).ThenByDescending(r => r.SentAt)];
        StaleOffers = await offers.Query(new OfferQuery(OrganizationId: organizationId, StaleOnly: true)).CountAsync(HttpContext.RequestAborted);
    }
}
