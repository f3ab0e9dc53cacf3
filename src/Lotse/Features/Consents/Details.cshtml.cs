using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Referrals;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Consents;

/// <summary>One consent: what it covers, the referrals resting on it, the printable form and withdrawal.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class DetailsModel(LotseDbContext db, ConsentService consents, ClientGate gate, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record ReferralRow(Guid Id, string Recipient, ReferralStatus Status, DateTime? SentAt);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? WithdrawalNote { get; set; }

    public Consent Consent { get; private set; } = null!;

    public bool IsActive { get; private set; }

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> Statuses { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<ReferralRow> Referrals { get; private set; } = [];

    public string? RecordedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync()
    {
        if (await LoadAsync(ClientOperation.Edit) is { } refused)
        {
            return refused;
        }

        try
        {
            var withdrawn = await consents.WithdrawAsync(Consent, User.GetUserId()!.Value, WithdrawalNote, HttpContext.RequestAborted);
            TempData["Message"] = withdrawn == 0
                ? localizer["Einwilligung widerrufen."].Value
                : localizer["Einwilligung widerrufen. {0} offene Vermittlungen wurden zurückgezogen; die Empfänger sehen die Daten nicht mehr.", withdrawn].Value;
        }
        catch (RuleViolationException violation)
        {
            TempData["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
        }

        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync(ClientOperation? operation = null)
    {
        var consent = await consents.FindAsync(Id, HttpContext.RequestAborted);
        if (consent?.Client is null || await gate.AdmitAsync(consent.Client, operation ?? ClientOperation.Read, "Consent", HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        Consent = consent;
        IsActive = consent.IsActiveOn(DateOnly.FromDateTime(time.GetLocalNow().DateTime));
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: HttpContext.RequestAborted);
        Statuses = await CatalogLabels.LoadAsync(db, CatalogKind.ReferralStatus, cancellationToken: HttpContext.RequestAborted);
        Referrals = await db.Referrals.Where(r => r.ConsentId == consent.Id).OrderByDescending(r => r.SentAt)
            .Select(r => new ReferralRow(r.Id, r.RecipientOrganization!.Name, r.Status, r.SentAt)).ToListAsync(HttpContext.RequestAborted);
        RecordedBy = await db.Users.Where(u => u.Id == consent.RecordedByUserId).Select(u => u.DisplayName).SingleOrDefaultAsync(HttpContext.RequestAborted);
        return null;
    }
}
