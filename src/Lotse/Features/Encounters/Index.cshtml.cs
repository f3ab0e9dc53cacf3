using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Encounters;

/// <summary>The user's own contacts across all cases, newest first.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(LotseDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Guid CaseId, string ClientName, DateTime At, int DurationMinutes, string Kind, bool InterpreterUsed);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public int Total { get; private set; }

    public int MinutesThisMonth { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var userId = User.GetUserId();
        var visible = db.Cases.Where(CaseAuthorizationHandler.VisibleTo(User, DateOnly.FromDateTime(time.GetLocalNow().DateTime))).Select(c => c.Id);
        var query = db.Encounters.Where(e => e.UserId == userId && visible.Contains(e.CaseId));
        Total = await query.CountAsync();
        var now = time.GetUtcNow().UtcDateTime;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        MinutesThisMonth = await query.Where(e => e.At >= monthStart).SumAsync(e => e.DurationMinutes);
        PageNumber = Math.Max(1, PageNumber);
        var kinds = await CatalogLabels.LoadAsync(db, CatalogKind.EncounterKind);
        var rows = await query.OrderByDescending(e => e.At).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new { e.CaseId, c.Client!.GivenName, c.Client.FamilyName, e.At, e.DurationMinutes, e.KindCode, e.InterpreterUsed })
            .ToListAsync();
        Rows = [.. rows.Select(r => new Row(r.CaseId, $"{r.GivenName} {r.FamilyName}".Trim(), r.At, r.DurationMinutes, kinds.GetValueOrDefault(r.KindCode, r.KindCode), r.InterpreterUsed))];
    }
}
