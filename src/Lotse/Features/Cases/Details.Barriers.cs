using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lotse.Features.Cases;

/// <summary>The barriers section: a structural barrier recorded from the case, or the case attached to an open one.</summary>
public sealed partial class DetailsModel
{
    [BindProperty]
    public BarrierForm NewBarrier { get; set; } = new();

    /// <summary>The structural barriers this case met, and the open ones it could be attached to.</summary>
    public IReadOnlyList<Barriers.Barrier> CaseBarriers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> OpenBarriers { get; private set; } = [];

    public IReadOnlyList<SelectListItem> BarrierCategories { get; } =
        [.. Enum.GetValues<Barriers.BarrierCategory>().Select(c => new SelectListItem(Barriers.BarrierNames.CategoryName(c), c.ToString()))];

    public Task<IActionResult> OnPostBarrierAsync() =>
        WorkAsync(c => barriers.RecordAsync(c, NewBarrier.Category, NewBarrier.Institution, NewBarrier.Description, HttpContext.RequestAborted),
            localizer["Der Systemhinweis wurde erfasst. Die Koordination sieht ihn ohne Angaben zur Person."], "NewBarrier", nameof(BarrierForm.Institution), nameof(BarrierForm.Description));

    public Task<IActionResult> OnPostAttachBarrierAsync(Guid barrierId) =>
        WorkAsync(c => barriers.AttachAsync(c, barrierId, HttpContext.RequestAborted), localizer["Der Fall zählt jetzt bei diesem Systemhinweis mit."]);
}
