using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Offers;

/// <summary>One offer with everything a case manager needs to refer, and its referral figures for coordinators and owners.</summary>
public sealed class DetailsModel(LotseDbContext db, OfferService offers, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Offer Offer { get; private set; } = null!;

    public bool MayMaintain { get; private set; }

    public bool IsStale { get; private set; }

    public OfferStatistics? Statistics { get; private set; }

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> DeclineReasons { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (MayMaintain || OfferAuthorizationHandler.MaintainsWholeDirectory(User))
        {
            Statistics = await offers.StatisticsAsync(Id, HttpContext.RequestAborted);
            DeclineReasons = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralDeclineReason, cancellationToken: HttpContext.RequestAborted);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (!MayMaintain)
        {
            return Forbid();
        }

        Offer.LastVerifiedOn = offers.Today;
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = localizer["Angebot als geprüft markiert."].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var offer = await offers.FindAsync(Id, HttpContext.RequestAborted);
        if (offer is null)
        {
            return NotFound();
        }

        Offer = offer;
        MayMaintain = OfferAuthorizationHandler.MayMaintain(User, offer.OrganizationId);
        IsStale = offers.IsStale(offer);
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: HttpContext.RequestAborted);
        return null;
    }
}
