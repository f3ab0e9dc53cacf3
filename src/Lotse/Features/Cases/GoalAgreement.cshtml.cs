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
public sealed class GoalAgreementModel(LotseDbContext db, CaseService cases, IAuthorizationService authorization, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var @case = await cases.FindAsync(Id, HttpContext.RequestAborted);
        if (@case is null || !(await authorization.AuthorizeAsync(User, @case, CaseOperations.Read)).Succeeded)
        {
            return NotFound();
        }

        Overview = await CaseOverview.LoadAsync(db, @case, localizer, HttpContext.RequestAborted);
        await audit.ReadAsync("Case", Id, @case.ClientId, "Goals", HttpContext.RequestAborted);
        return Page();
    }
}
