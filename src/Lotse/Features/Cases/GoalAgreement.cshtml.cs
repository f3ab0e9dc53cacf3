using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

/// <summary>The printable goal agreement for the client to sign.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class GoalAgreementModel(LotseDbContext db, CaseGate gate, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (await gate.OpenAsync(Id, CaseOperation.Read, "Goals", HttpContext.RequestAborted) is not { } @case)
        {
            return NotFound();
        }

        Overview = await CaseOverview.LoadAsync(db, @case, localizer, HttpContext.RequestAborted);
        return Page();
    }
}
