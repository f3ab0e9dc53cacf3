using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

[Authorize(Policy = Policies.CaseWork)]
public sealed class OpenModel(
    LotseDbContext db,
    CaseService cases,
    ClientGate gate,
    CaseGate caseGate,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty]
    public string? AccessRoute { get; set; }

    [BindProperty]
    [RuleField("responsibleUserId")]
    public Guid? ResponsibleUserId { get; set; }

    [BindProperty]
    public List<Guid> MemberIds { get; set; } = [];

    public Client Client { get; private set; } = null!;

    public IReadOnlyList<Client> Household { get; private set; } = [];

    public IReadOnlyList<SelectListItem> AccessRoutes { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CaseManagers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        ResponsibleUserId = User.GetUserId();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        try
        {
            var opened = await cases.OpenAsync(User.GetUserId()!.Value, User.GetOrganizationIdOrEmpty(), Client, ResponsibleUserId,
                string.IsNullOrEmpty(AccessRoute) ? null : AccessRoute, MemberIds, HttpContext.RequestAborted);
            TempData["Message"] = localizer["Fall {0} wurde eröffnet.", opened.Reference].Value;
            var visible = await cases.FindAsync(opened.Id, HttpContext.RequestAborted);
            return await caseGate.MayAsync(visible!, CaseOperation.Read)
                ? RedirectToPage("./Details", new { id = opened.Id })
                : RedirectToPage("/Clients/Details", new { id = Client.Id });
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, this);
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        if (await gate.OpenAsync(ClientId, ClientOperation.OpenCase, cancellationToken: HttpContext.RequestAborted) is not { } client)
        {
            return false;
        }

        Client = client;
        Household = client.HouseholdId is { } household
            ? await db.Clients.Where(c => c.HouseholdId == household && c.Id != client.Id).OrderBy(c => c.BirthDate).ToListAsync(HttpContext.RequestAborted)
            : [];
        AccessRoutes = [.. (await CatalogLabels.LoadAsync(db, CatalogKind.AccessRoute, activeOnly: true, HttpContext.RequestAborted)).Select(e => new SelectListItem(e.Value, e.Key))];
        CaseManagers = [.. (await cases.CaseWorkersAsync(User.GetOrganizationIdOrEmpty(), HttpContext.RequestAborted)).Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
        return true;
    }
}
