using Lotse.Data;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(LotseDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid Id, string Reference, string ClientName, CasePhase Phase, string? Responsible, DateOnly OpenedOn, DateTime? LastContact);

    [BindProperty(SupportsGet = true)]
    public CasePhase? Phase { get; set; }

    /// <summary>Only the cases the user is responsible for (otherwise also deputies' and the team's).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var userId = User.GetUserId();
        var query = db.Cases.Where(CaseAuthorizationHandler.VisibleTo(User, today));
        query = Phase is { } phase ? query.Where(c => c.Phase == phase) : query.Where(c => c.Phase != CasePhase.Closed);
        if (Mine)
        {
            query = query.Where(c => c.ResponsibleUserId == userId);
        }

        Total = await query.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        Rows = await query
            .OrderBy(c => c.Client!.FamilyName).ThenBy(c => c.Client!.GivenName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(c => new Row(c.Id, c.Reference, (c.Client!.GivenName ?? "") + " " + c.Client.FamilyName, c.Phase, c.Responsible!.DisplayName, c.OpenedOn,
                db.Encounters.Where(e => e.CaseId == c.Id).Max(e => (DateTime?)e.At)))
            .ToListAsync();
    }
}
