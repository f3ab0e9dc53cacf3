using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Legal;

/// <summary>
/// Impressum, Datenschutzhinweise and Erklärung zur Barrierefreiheit: open to everyone (partners answering through
/// a link have no account), filled from <c>Lotse:Legal</c>. A line the operator has not entered says so.
/// </summary>
[AllowAnonymous]
public sealed class LegalModel(IOptionsMonitor<LotseOptions> options) : PageModel
{
    public LotseOptions.LegalOptions Legal => options.CurrentValue.Legal;

    public LotseOptions Installation => options.CurrentValue;

    public void OnGet()
    {
    }
}
