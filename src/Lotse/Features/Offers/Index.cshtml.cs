using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Lotse.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Offers;

/// <summary>The service directory (Angebote): search and filter by need area, language, district and text.</summary>
public sealed class IndexModel(LotseDbContext db, OfferService offers) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? NeedArea { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? District { get; set; }

    /// <summary>Only the offers of the user's organisation that are due for verification.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Stale { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<Offer> Offers { get; private set; } = [];

    public OfferService Service => offers;

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<SelectListItem> DistrictItems { get; private set; } = [];

    public IEnumerable<SelectListItem> LanguageItems => EditModel.CommonLanguages.Select(code => new SelectListItem(Languages.Name(code), code));

    public bool MayMaintain => OfferAuthorizationHandler.MayMaintainAny(User);

    public async Task OnGetAsync()
    {
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: HttpContext.RequestAborted);
        DistrictItems = await DistrictChoices.TreeAsync(db, HttpContext.RequestAborted);
        PageNumber = Math.Max(1, PageNumber);
        var query = new OfferQuery(Q, NeedArea, Language, District,
            OrganizationId: Stale && !OfferAuthorizationHandler.MaintainsWholeDirectory(User) ? User.GetOrganizationId() : null, StaleOnly: Stale);
        (var items, Total) = await offers.SearchAsync(query, PageNumber, PageSize, HttpContext.RequestAborted);
        Offers = items;
    }
}
