using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Districts;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Offers;

/// <summary>Creating and editing an offer: coordinators for the whole directory, partner staff for their own organisation.</summary>
public sealed class EditModel(LotseDbContext db, OfferService offers, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The languages most asked for in a KIM installation, offered as checkboxes.</summary>
    public static readonly string[] CommonLanguages = ["de", "en", "ar", "tr", "ro", "bg", "uk", "ru", "fa", "ku", "pl", "sq", "fr", "ti", "so", "ps"];

    public sealed class LocationForm
    {
        public string? Name { get; set; }

        public string? Street { get; set; }

        public string? PostalCode { get; set; }

        public string? City { get; set; }

        public Guid? DistrictId { get; set; }

        public string? Accessibility { get; set; }

        public string? OpeningHours { get; set; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(Street) && DistrictId is null && string.IsNullOrWhiteSpace(OpeningHours);
    }

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    [RuleField("organizationId")]
    public Guid OrganizationId { get; set; }

    [BindProperty]
    public string Name { get; set; } = string.Empty;

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public List<string> NeedAreas { get; set; } = [];

    [BindProperty]
    public List<string> OfferLanguages { get; set; } = [];

    [BindProperty]
    public bool InterpretationAvailable { get; set; }

    [BindProperty]
    public string? Eligibility { get; set; }

    [BindProperty]
    public string? Fees { get; set; }

    [BindProperty]
    public string? RequiredDocuments { get; set; }

    [BindProperty]
    public string? ApplicationProcess { get; set; }

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    [RuleField("url")]
    public string? Website { get; set; }

    [BindProperty]
    public string? Capacity { get; set; }

    [BindProperty]
    public int? WaitingWeeks { get; set; }

    [BindProperty]
    public bool AcceptsReferrals { get; set; } = true;

    [BindProperty]
    public bool Active { get; set; } = true;

    [BindProperty]
    public bool Verified { get; set; } = true;

    [BindProperty]
    public List<LocationForm> Locations { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public IReadOnlyDictionary<string, string> NeedAreaLabels { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Districts { get; private set; } = [];

    public IEnumerable<(string Code, string Name)> LanguageChoices =>
        CommonLanguages.Concat(OfferLanguages.Except(CommonLanguages)).Select(code => (code, Languages.Name(code)));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!OfferAuthorizationHandler.MayMaintainAny(User))
        {
            return Forbid();
        }

        if (Id is { } id)
        {
            var offer = await offers.FindAsync(id, HttpContext.RequestAborted);
            if (offer is null || !OfferAuthorizationHandler.MayMaintain(User, offer.OrganizationId))
            {
                return NotFound();
            }

            Fill(offer);
        }
        else
        {
            OrganizationId = User.GetOrganizationId() ?? Guid.Empty;
        }

        while (Locations.Count < 3)
        {
            Locations.Add(new LocationForm());
        }

        await LoadChoicesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!OfferAuthorizationHandler.MayMaintainAny(User))
        {
            return Forbid();
        }

        Offer offer;
        if (Id is { } id)
        {
            var existing = await db.Offers.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == id, HttpContext.RequestAborted);
            if (existing is null || !OfferAuthorizationHandler.MayMaintain(User, existing.OrganizationId))
            {
                return NotFound();
            }

            offer = existing;

        }
        else
        {
            offer = new Offer { Name = Name };
            db.Offers.Add(offer);
        }

        if (!OfferAuthorizationHandler.MayMaintain(User, OrganizationId))
        {
            ModelState.AddModelError(nameof(OrganizationId), localizer["Sie pflegen nur die Angebote Ihrer eigenen Organisation."]);
            await LoadChoicesAsync();
            return Page();
        }

        offer.OrganizationId = OrganizationId;
        offer.Name = Name ?? string.Empty;
        offer.Description = Trim(Description);
        offer.NeedAreaCodes = NeedAreas;
        offer.Languages = OfferLanguages;
        offer.InterpretationAvailable = InterpretationAvailable;
        offer.Eligibility = Trim(Eligibility);
        offer.Fees = Trim(Fees);
        offer.RequiredDocuments = Trim(RequiredDocuments);
        offer.ApplicationProcess = Trim(ApplicationProcess);
        offer.ContactName = Trim(ContactName);
        offer.Phone = Trim(Phone);
        offer.Email = Trim(Email);
        offer.Url = Trim(Website);
        offer.Capacity = Trim(Capacity);
        offer.WaitingWeeks = WaitingWeeks;
        offer.AcceptsReferrals = AcceptsReferrals;
        offer.IsActive = Active;
        if (Verified)
        {
            offer.LastVerifiedOn = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        }

        db.OfferLocations.RemoveRange(offer.Locations);
        offer.Locations = [.. Locations.Where(l => !l.IsEmpty).Select(l => new OfferLocation
        {
            Name = Trim(l.Name),
            Street = Trim(l.Street),
            PostalCode = Trim(l.PostalCode),
            City = Trim(l.City),
            DistrictId = l.DistrictId,
            Accessibility = Trim(l.Accessibility),
            OpeningHours = Trim(l.OpeningHours),
        })];

        try
        {
            await offers.ValidateAsync(offer, HttpContext.RequestAborted);
            if (!await db.TrySaveEditAsync(offer, Id is null ? offer.Version : Version, HttpContext.RequestAborted))
            {
                ModelState.AddModelError(string.Empty, localizer["Das Angebot wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."]);
                await LoadChoicesAsync();
                return Page();
            }
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, this);
            await LoadChoicesAsync();
            return Page();
        }

        TempData["Message"] = localizer["Angebot „{0}“ gespeichert.", offer.Name].Value;
        return RedirectToPage("./Details", new { id = offer.Id });
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private void Fill(Offer offer)
    {
        OrganizationId = offer.OrganizationId;
        Name = offer.Name;
        Description = offer.Description;
        NeedAreas = offer.NeedAreaCodes;
        OfferLanguages = offer.Languages;
        InterpretationAvailable = offer.InterpretationAvailable;
        Eligibility = offer.Eligibility;
        Fees = offer.Fees;
        RequiredDocuments = offer.RequiredDocuments;
        ApplicationProcess = offer.ApplicationProcess;
        ContactName = offer.ContactName;
        Phone = offer.Phone;
        Email = offer.Email;
        Website = offer.Url;
        Capacity = offer.Capacity;
        WaitingWeeks = offer.WaitingWeeks;
        AcceptsReferrals = offer.AcceptsReferrals;
        Active = offer.IsActive;
        Verified = false;
        Version = offer.Version;
        Locations = [.. offer.Locations.Select(l => new LocationForm
        {
            Name = l.Name,
            Street = l.Street,
            PostalCode = l.PostalCode,
            City = l.City,
            DistrictId = l.DistrictId,
            Accessibility = l.Accessibility,
            OpeningHours = l.OpeningHours,
        })];
    }

    private async Task LoadChoicesAsync()
    {
        while (Locations.Count < 3)
        {
            Locations.Add(new LocationForm());
        }

        NeedAreaLabels = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, activeOnly: true, HttpContext.RequestAborted);
        var ownOrganization = User.GetOrganizationId();
        var coordinator = OfferAuthorizationHandler.MaintainsWholeDirectory(User);
        Organizations = await db.Organizations.Where(o => o.IsActive && (coordinator || o.Id == ownOrganization)).OrderBy(o => o.Name)
            .Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(HttpContext.RequestAborted);
        Districts = await DistrictChoices.TreeAsync(db, HttpContext.RequestAborted);
    }
}
