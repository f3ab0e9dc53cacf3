using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Documents;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using DocumentModel = Lotse.Features.Documents.Document;

namespace Lotse.Features.Clients;

[Authorize(Policy = Policies.CaseWork)]
public sealed partial class DetailsModel(
    LotseDbContext db,
    ClientService clients,
    ClientMatching matching,
    Consents.ConsentService consents,
    DocumentStore documents,
    Privacy.Anonymiser anonymiser,
    Privacy.RetentionService retention,
    ClientCorrections corrections,
    Audit.AuditSearch accessSearch,
    ClientGate gate,
    DocumentGate documentGate,
    AuditLog audit,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public StatusForm Status { get; set; } = new();

    /// <summary>A name to search for an already registered person to link into the household.</summary>
    [BindProperty(SupportsGet = true)]
    public string? HouseholdSearch { get; set; }

    public IReadOnlyList<DuplicateCandidate> HouseholdCandidates { get; private set; } = [];

    public Client Client { get; private set; } = null!;

    public IReadOnlyList<Client> Household { get; private set; } = [];

    public IReadOnlyList<Case> VisibleCases { get; private set; } = [];

    public int HiddenCases { get; private set; }

    public IReadOnlyDictionary<string, string> StatusKinds { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<Consents.Consent> Consents { get; private set; } = [];

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>The documents of the person the user may see (need-to-know, <see cref="DocumentAuthorizationHandler"/>).</summary>
    public IReadOnlyList<DocumentModel> ClientDocuments { get; private set; } = [];

    public int MaxDocumentMegabytes => documents.MaxSizeMegabytes;

    /// <summary>The person's correction trail (Art. 16), for the responsible case manager and the team lead.</summary>
    public IReadOnlyList<ClientCorrectionEntry> Corrections { get; private set; } = [];

    /// <summary>When the retention job will anonymise the person (null while a case is open).</summary>
    public DateOnly? RetentionDue { get; private set; }

    [BindProperty]
    public string? LegalHoldReason { get; set; }

    [BindProperty]
    public string? ErasureReference { get; set; }

    [BindProperty]
    public bool ErasureConfirmed { get; set; }

    [BindProperty]
    public Guid? DocumentCaseId { get; set; }

    [BindProperty]
    public string? DocumentDescription { get; set; }

    public IEnumerable<SelectListItem> DocumentCaseItems => VisibleCases.Select(c => new SelectListItem(c.Reference, c.Id.ToString()));

    public async Task<IActionResult> OnPostLegalHoldAsync(bool lift)
    {
        if (await LoadAsync(ClientOperation.ExerciseRights) is { } refused)
        {
            return refused;
        }

        try
        {
            await clients.SetLegalHoldAsync(Client, lift ? null : LegalHoldReason, HttpContext.RequestAborted);
            TempData["Message"] = localizer[lift ? "Aufbewahrungspflicht aufgehoben." : "Aufbewahrungspflicht gesetzt: Die Person wird nicht anonymisiert, solange sie besteht."].Value;
        }
        catch (RuleViolationException violation)
        {
            TempData["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
        }

        return RedirectToPage(null, null, new { id = Id }, "retention");
    }

    public async Task<IActionResult> OnPostEraseAsync()
    {
        if (await LoadAsync(ClientOperation.ExerciseRights) is { } refused)
        {
            return refused;
        }

        if (!ErasureConfirmed)
        {
            ModelState.AddModelError(nameof(ErasureConfirmed), localizer["Bitte bestätigen Sie, dass die Person gelöscht werden soll."]);
            return Page();
        }

        try
        {
            await anonymiser.AnonymiseAsync(Client.Id, Privacy.AnonymisationKind.Erasure, ErasureReference, HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddModelError(nameof(ErasureConfirmed), localizer[violation.Key, [.. violation.Arguments]]);
            return Page();
        }

        TempData["Message"] = localizer["Die Person wurde gelöscht (Art. 17 DSGVO). Für die Statistik bleiben nur anonyme Angaben."].Value;
        return RedirectToPage("./Index");
    }

    private Task<DocumentModel?> FindDocumentAsync(Guid documentId, DocumentOperation operation) =>
        documentGate.OpenAsync(documentId, operation, Id, HttpContext.RequestAborted);

    /// <summary>Who accessed this client, for the responsible case manager and the team lead (null for others).</summary>
    public IReadOnlyList<AccessSummary>? Accesses { get; private set; }

    public sealed record AccessSummary(string User, string? Organization, int Count, DateTime Last, string Operations);

    public IEnumerable<SelectListItem> StatusKindItems => StatusKinds.Select(k => new SelectListItem(k.Value, k.Key));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        if (!string.IsNullOrWhiteSpace(HouseholdSearch) && HouseholdSearch.Trim().Length >= 2)
        {
            var members = Household.Select(m => m.Id).Append(Client.Id).ToHashSet();
            HouseholdCandidates = [.. (await matching.SearchAsync(User, HouseholdSearch.Trim(), 10, HttpContext.RequestAborted)).Where(c => !members.Contains(c.Client.Id))];
            await audit.SearchAsync("Client", HouseholdCandidates.Select(c => c.Client.Id), HttpContext.RequestAborted);
        }

        return Page();
    }

    [BindProperty]
    public string? RestrictionReason { get; set; }

    public async Task<IActionResult> OnPostRestrictAsync(bool lift)
    {
        if (await LoadAsync(ClientOperation.ExerciseRights) is { } refused)
        {
            return refused;
        }

        try
        {
            if (lift)
            {
                await clients.LiftRestrictionAsync(Client, HttpContext.RequestAborted);
                TempData["Message"] = localizer["Einschränkung aufgehoben."].Value;
            }
            else
            {
                await clients.RestrictAsync(Client, User.GetUserId()!.Value, RestrictionReason, HttpContext.RequestAborted);
                TempData["Message"] = localizer["Verarbeitung eingeschränkt (Art. 18 DSGVO). Die Daten sind nur noch lesbar."].Value;
            }
        }
        catch (RuleViolationException violation)
        {
            TempData["Message"] = localizer[violation.Key, [.. violation.Arguments]].Value;
        }

        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid memberId)
    {
        if (await LoadAsync(ClientOperation.Edit) is { } refused)
        {
            return refused;
        }

        var member = await db.Clients.SingleOrDefaultAsync(c => c.Id == memberId, HttpContext.RequestAborted);
        if (member is null || await gate.AdmitAsync(member, ClientOperation.Edit, cancellationToken: HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var tracked = await db.Clients.SingleAsync(c => c.Id == Client.Id, HttpContext.RequestAborted);
        await clients.LinkHouseholdAsync(tracked, member, HttpContext.RequestAborted);
        TempData["Message"] = localizer["{0} gehört jetzt zum Haushalt.", member.FullName].Value;
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (await LoadAsync(ClientOperation.Edit) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await clients.AddResidenceStatusAsync(Client, new ResidenceStatus
            {
                KindCode = Status.Kind ?? string.Empty,
                LegalBasis = Status.LegalBasis,
                ValidFrom = Status.ValidFrom,
                ValidUntil = Status.ValidUntil,
                DocumentNumber = Status.DocumentNumber,
                ResidenceObligation = Status.ResidenceObligation,
            }, HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, Status, "Status.");
            return Page();
        }

        TempData["Message"] = localizer["Der Aufenthaltsstatus wurde eingetragen."].Value;
        return RedirectToPage(new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync(ClientOperation? operation = null)
    {
        var client = await db.Clients.Include(c => c.OtherSpellings).Include(c => c.ResidenceStatuses).Include(c => c.District)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == Id, HttpContext.RequestAborted);
        if (client is null)
        {
            return NotFound();
        }

        if (await gate.AdmitAsync(client, operation ?? ClientOperation.Read, cancellationToken: HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        Client = client;
        Household = client.HouseholdId is { } household
            ? await db.Clients.Where(c => c.HouseholdId == household && c.Id != client.Id).OrderBy(c => c.BirthDate).ToListAsync(HttpContext.RequestAborted)
            : [];
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var cases = await db.Cases.Where(c => c.ClientId == client.Id || c.Members.Any(m => m.ClientId == client.Id))
            .Include(c => c.Responsible).Include(c => c.Deputies).Include(c => c.EmergencyAccesses).OrderByDescending(c => c.OpenedOn).ToListAsync(HttpContext.RequestAborted);
        VisibleCases = [.. cases.Where(c => CaseAuthorizationHandler.IsVisible(User, c, today))];
        HiddenCases = cases.Count - VisibleCases.Count;
        StatusKinds = await CatalogLabels.LoadAsync(db, CatalogKind.ResidenceStatusKind, cancellationToken: HttpContext.RequestAborted);
        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: HttpContext.RequestAborted);
        Consents = await consents.ForClientAsync(client.Id, HttpContext.RequestAborted);
        // The steward of the person's rights (Art. 15–18): the same rule as the export.
        if (await gate.MayAsync(client, ClientOperation.ExerciseRights))
        {
            Accesses = [.. (await accessSearch.AccessesToClientAsync(client.Id, HttpContext.RequestAborted)).Select(a => new AccessSummary(
                a.User, a.Organization, a.Count, a.Last, string.Join(", ", a.Operations.Select(o => localizer[Audit.IndexModel.DisplayName(o)].Value))))];
        }

        ClientDocuments = await documentGate.VisibleAsync(await documents.Of(client.Id).ToListAsync(HttpContext.RequestAborted));
        if (Accesses is not null)
        {
            RetentionDue = await retention.DueOnAsync(client.Id, HttpContext.RequestAborted);
            Corrections = await corrections.ListAsync(client.Id, HttpContext.RequestAborted);
        }

        return null;
    }
}
