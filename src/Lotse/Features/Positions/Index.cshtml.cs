using Lotse.Data;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lotse.Features.Positions;

/// <summary>The KIM positions by funding module with cost, state and own share: the figures of the Verwendungsnachweis.</summary>
[Authorize(Policy = Policies.Coordination)]
public sealed class IndexModel(LotseDbContext db) : PageModel
{
    public IReadOnlyList<IGrouping<FundingModule, FundedPosition>> Modules { get; private set; } = [];

    public FundingTotal? Overall { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        await LoadAsync();
        var rows = Modules.SelectMany(m => m).Select(p => new Dictionary<string, object?>
        {
            ["Baustein"] = Funding.ModuleName(p.Module),
            ["Stelle"] = p.Title,
            ["Organisation"] = p.Organization,
            ["VZÄ"] = p.Fte,
            ["Inhaber:in"] = p.Holder,
            ["besetzt seit"] = p.FilledSince?.ToDateTime(TimeOnly.MinValue),
            ["unbesetzt seit"] = p.VacantSince?.ToDateTime(TimeOnly.MinValue),
            ["Jahreskosten (EUR)"] = p.Cost,
            ["Förderquote"] = p.Rate,
            ["Landesanteil (EUR)"] = p.StateShare,
            ["Eigenanteil (EUR)"] = p.OwnShare,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: "Stellen");
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "kim-stellen.xlsx");
    }

    private async Task LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        var positions = await db.Positions.AsNoTracking().Include(p => p.Organization).OrderBy(p => p.Module).ThenBy(p => p.Organization!.Name).ThenBy(p => p.Title).ToListAsync(cancellationToken);
        var holderIds = positions.Where(p => p.HolderId != null).Select(p => p.HolderId!.Value).ToList();
        var holders = await db.Users.AsNoTracking().Where(u => holderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var funded = positions.Select(p => Funding.Of(p, p.Organization?.Name ?? "?", p.HolderId is { } h ? holders.GetValueOrDefault(h) : null)).ToList();
        Modules = [.. funded.GroupBy(p => p.Module).OrderBy(g => g.Key)];
        Overall = Funding.Total("Alle Bausteine", funded);
    }
}
