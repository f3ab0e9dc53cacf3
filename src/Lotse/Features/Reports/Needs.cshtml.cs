using Lotse.Features.Audit;
using Lotse.Features.Districts;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lotse.Features.Reports;

/// <summary>"Was brauchen die Menschen?": open needs per need area and district, with the counts behind a cell.</summary>
[Authorize(Policy = Policies.Reports)]
public sealed class NeedsModel(NeedsMapService needs, AuditLog audit) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DistrictLevel Level { get; set; } = DistrictLevel.Stadtbezirk;

    /// <summary>The cell to drill into: a need area code and a district (empty: without district).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? District { get; set; }

    public NeedsMapData Map { get; private set; } = null!;

    public IReadOnlyList<Table>? DrillDown { get; private set; }

    public async Task OnGetAsync()
    {
        if (Level is not (DistrictLevel.Stadtbezirk or DistrictLevel.Stadtteil))
        {
            Level = DistrictLevel.Stadtbezirk;
        }

        var scope = ReportPeriod.ScopeFor(User, null, null);
        var suppress = ReportAccess.SeesEveryOrganization(User) || scope.OrganizationId != User.GetOrganizationId();
        Map = await needs.BuildAsync(scope, Level, suppress, HttpContext.RequestAborted);
        if (Area is { Length: > 0 } area && Map.NeedAreas.Any(a => a.Code == area))
        {
            DrillDown = await needs.DrillDownAsync(scope, area, District, suppress, HttpContext.RequestAborted);
        }

        await audit.RecordAsync(AuditOperation.Read, "NeedsMap", null, null, Level.ToString(), HttpContext.RequestAborted);
    }

    public string AreaLabel => Map.NeedAreas.FirstOrDefault(a => a.Code == Area).Label ?? Area ?? string.Empty;

    public string DistrictLabel => Map.Columns.FirstOrDefault(c => c.Id == District)?.Name ?? "ohne Angabe";
}
