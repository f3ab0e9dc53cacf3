using Lotse.Features.Audit;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lotse.Features.Clients;

[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(ClientMatching matching, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public IReadOnlyList<DuplicateCandidate> Results { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await SearchAsync();
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_SearchResults", this) : Page();
    }

    private async Task SearchAsync()
    {
        if (string.IsNullOrWhiteSpace(Q) || Q.Trim().Length < 2)
        {
            return;
        }

        Results = await matching.SearchAsync(User, Q.Trim(), 25, HttpContext.RequestAborted);
        await audit.SearchAsync("Client", Results.Select(r => r.Client.Id), HttpContext.RequestAborted);
    }
}
