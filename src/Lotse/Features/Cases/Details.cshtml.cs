using Lotse.Data;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

/// <summary>
/// The case page: the whole situation at a glance, quick entries and the timeline. Each section has
/// its handlers and forms in a file of its own next to its partial view (Details.Contacts.cs and
/// _Contacts.cshtml, Goals, Barriers, Responsibility); they all run through <see cref="WorkAsync(CaseOperation, Func{Case, Task}, string, string?, string[])"/>.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed partial class DetailsModel(
    LotseDbContext db,
    CaseService cases,
    Barriers.BarrierService barriers,
    CaseGate gate,
    TimeProvider time,
    LocalZone zone,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public CaseOverview Overview { get; private set; } = null!;

    /// <summary>From "Mein Tag": when the appointment whose contact is to be logged began (local time), a prefill.</summary>
    [BindProperty(SupportsGet = true, Name = "at")]
    public DateTime? At { get; set; }

    /// <summary>From "Mein Tag": how long that appointment was, a prefill.</summary>
    [BindProperty(SupportsGet = true, Name = "minutes")]
    public int? Minutes { get; set; }

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync(CaseOperation.Read) is { } refused)
        {
            return refused;
        }

        Contact.At = time.GetLocalNow().DateTime.AddSeconds(-time.GetLocalNow().Second);
        if (At is { } at && Minutes is > 0 and <= 24 * 60)
        {
            // The contact of an appointment (from "Mein Tag"): its time and length are already known; only a prefill.
            Contact.At = at;
            Contact.DurationMinutes = Minutes;
        }

        NewGoal.AgreedOn = Today;
        NewGoal.NeedArea = Overview.SuggestedNeedArea;
        return Page();
    }

    public Task<IActionResult> OnPostTransitionAsync(CasePhase to, string? note) =>
        WorkAsync(c => cases.TransitionAsync(c, to, User.GetUserId()!.Value, note, HttpContext.RequestAborted),
            localizer["Der Fall ist jetzt in der Phase „{0}“.", localizer[CasePhases.DisplayName(to)]]);

    /// <summary>
    /// Runs one piece of case work: authorization first, then the service; a broken rule comes back
    /// to the form next to its field, and nothing is saved.
    /// </summary>
    private Task<IActionResult> WorkAsync(Func<Case, Task> work, string success, string? form = null, params string[] fields) =>
        WorkAsync(CaseOperation.Edit, work, success, form, fields);

    private async Task<IActionResult> WorkAsync(CaseOperation operation, Func<Case, Task> work, string success, string? form, string[] fields)
    {
        foreach (var key in ModelState.Keys.Where(k => form is null || !k.StartsWith(form + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }

        if (await LoadAsync(operation) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            if (form == "NewStep")
            {
                // Step forms repeat per goal, so their messages show above the page, not beside a field.
                foreach (var error in ModelState.Where(e => e.Key.StartsWith("NewStep.", StringComparison.Ordinal)).SelectMany(e => e.Value!.Errors).ToList())
                {
                    ModelState.AddModelError(string.Empty, error.ErrorMessage);
                }
            }

            return Page();
        }

        try
        {
            await work(Overview.Case);
        }
        catch (RuleViolationException violation)
        {
            var field = fields.FirstOrDefault(f => f.Equals(violation.Field, StringComparison.OrdinalIgnoreCase));
            ModelState.AddModelError(form is not null && field is not null ? $"{form}.{field}" : string.Empty, localizer[violation.Key, [.. violation.Arguments]]);
            await LoadAsync(operation);
            return Page();
        }

        TempData["Message"] = success;
        return RedirectToPage(null, null, new { id = Id }, form switch
        {
            // The section's heading, focusable (tabindex=-1): the browser then puts the focus there itself.
            "Contact" => "encounters-heading",
            "NewDeadline" => "deadlines-heading",
            "NewGoal" or "NewStep" => "goals-heading",
            "NewBarrier" => "barriers-heading",
            _ => null,
        });
    }

    private async Task<IActionResult?> LoadAsync(CaseOperation operation)
    {
        db.ChangeTracker.Clear();
        if (await gate.OpenAsync(Id, operation, cancellationToken: HttpContext.RequestAborted) is not { } @case)
        {
            return NotFound();
        }

        MayAssign = await gate.MayAsync(@case, CaseOperation.AssignDeputies);
        MayReassign = await gate.MayAsync(@case, CaseOperation.Reassign);

        Overview = await CaseOverview.LoadAsync(db, @case, localizer, HttpContext.RequestAborted);
        Colleagues = [.. (await cases.CaseWorkersAsync(@case.OrganizationId, HttpContext.RequestAborted)).Select(u => new SelectListItem(u.Name, u.Id.ToString()))];
        CaseBarriers = await db.Barriers.AsNoTracking().Where(b => b.Cases.Any(l => l.CaseId == @case.Id)).OrderBy(b => b.Institution).ToListAsync(HttpContext.RequestAborted);
        var attached = CaseBarriers.Select(b => b.Id).ToHashSet();
        OpenBarriers = [.. (await barriers.OpenAsync(HttpContext.RequestAborted)).Where(b => !attached.Contains(b.Id))
            .Select(b => new SelectListItem($"{b.Institution}: {Barriers.BarrierNames.CategoryName(b.Category)}", b.Id.ToString()))];
        return null;
    }
}
