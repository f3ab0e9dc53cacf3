using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

[Authorize(Policy = Policies.CaseWork)]
public sealed class CloseModel(LotseDbContext db, CaseService cases, CaseGate gate, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool CarryOverOpenGoals { get; set; }

    public Case Case { get; private set; } = null!;

    public IReadOnlyList<Goal> OpenGoals { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Reasons { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        try
        {
            await cases.CloseAsync(Case, Reason, Note, CarryOverOpenGoals, User.GetUserId()!.Value, HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, this);
            return Page();
        }

        TempData["Message"] = localizer["Fall {0} wurde abgeschlossen.", Case.Reference].Value;
        return RedirectToPage("./Details", new { id = Id });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenAsync(Id, CaseOperation.Close, "Goals", HttpContext.RequestAborted) is not { } @case)
        {
            return NotFound();
        }

        Case = @case;
        OpenGoals = await cases.OpenGoalsAsync(Id, HttpContext.RequestAborted);
        Reasons = [.. (await CatalogLabels.LoadAsync(db, CatalogKind.ClosureReason, activeOnly: true, HttpContext.RequestAborted)).Select(e => new SelectListItem(e.Value, e.Key))];
        return null;
    }
}
