using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Documents;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Clients;

/// <summary>
/// The client file: the person, their household, cases, consents, documents, residence status and
/// rights. Each section has its handlers in a file of its own next to its partial view
/// (Details.Documents.cs and _Documents.cshtml, ResidenceStatus, Household, Rights).
/// </summary>
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

    public Client Client { get; private set; } = null!;

    public IReadOnlyList<Case> VisibleCases { get; private set; } = [];

    public int HiddenCases { get; private set; }

    public IReadOnlyList<Consents.Consent> Consents { get; private set; } = [];

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    /// <summary>The person's correction trail (Art. 16), for the responsible case manager and the team lead.</summary>
    public IReadOnlyList<ClientCorrectionEntry> Corrections { get; private set; } = [];

    /// <summary>Who accessed this client, for the responsible case manager and the team lead (null for others).</summary>
    public IReadOnlyList<AccessSummary>? Accesses { get; private set; }

    public sealed record AccessSummary(string User, string? Organization, int Count, DateTime Last, string Operations);

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
                a.User, a.Organization, a.Count, a.Last, string.Join(", ", a.Operations.Select(o => localizer[Audit.AuditNames.DisplayName(o)].Value))))];
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
