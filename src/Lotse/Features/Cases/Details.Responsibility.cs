using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lotse.Features.Cases;

/// <summary>The responsibility section: deputies and reassignment.</summary>
public sealed partial class DetailsModel
{
    /// <summary>Deputies are set by the responsible case manager or the team lead of the case's team, not by a deputy (<see cref="CaseOperation.AssignDeputies"/>).</summary>
    public bool MayAssign { get; private set; }

    /// <summary>Reassigning is the team lead's (<see cref="CaseOperation.Reassign"/>).</summary>
    public bool MayReassign { get; private set; }

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

    public Task<IActionResult> OnPostDeputyAsync(Guid deputyId, DateOnly? from, DateOnly? until) =>
        WorkAsync(CaseOperation.AssignDeputies, c => cases.SetDeputyAsync(c, deputyId, from, until, HttpContext.RequestAborted),
            localizer["Die Vertretung wurde eingetragen."], null, []);

    public Task<IActionResult> OnPostRemoveDeputyAsync(Guid deputyId) =>
        WorkAsync(CaseOperation.AssignDeputies, c => cases.RemoveDeputyAsync(c, deputyId, HttpContext.RequestAborted),
            localizer["Die Vertretung wurde beendet."], null, []);

    public Task<IActionResult> OnPostReassignAsync(Guid responsibleId) =>
        WorkAsync(CaseOperation.Reassign, c => cases.ReassignAsync(c, responsibleId, HttpContext.RequestAborted),
            localizer["Der Fall wurde neu zugewiesen."], null, []);
}
