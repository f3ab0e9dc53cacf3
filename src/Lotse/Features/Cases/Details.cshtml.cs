using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

/// <summary>The case page: the whole situation at a glance, quick entries and the timeline.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed partial class DetailsModel(
    LotseDbContext db,
    CaseService cases,
    Barriers.BarrierService barriers,
    CaseGate gate,
    TimeProvider time,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public EncounterForm Contact { get; set; } = new();

    [BindProperty]
    public DeadlineForm NewDeadline { get; set; } = new();

    [BindProperty]
    public GoalForm NewGoal { get; set; } = new();

    [BindProperty]
    public StepForm NewStep { get; set; } = new();

    public CaseOverview Overview { get; private set; } = null!;

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

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public IEnumerable<SelectListItem> NeedAreaItems => Overview.NeedAreas.Select(n => new SelectListItem(n.Value, n.Key));

    public IEnumerable<SelectListItem> EncounterKindItems => Overview.EncounterKinds.Select(n => new SelectListItem(n.Value, n.Key));

    public IEnumerable<SelectListItem> LanguageItems => Languages.All().Select(l => new SelectListItem(l.Name, l.Code));

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync(CaseOperation.Read) is { } refused)
        {
            return refused;
        }

        Contact.At = time.GetLocalNow().DateTime.AddSeconds(-time.GetLocalNow().Second);
        NewGoal.AgreedOn = Today;
        return Page();
    }

    public Task<IActionResult> OnPostTransitionAsync(CasePhase to, string? note) =>
        WorkAsync(c => cases.TransitionAsync(c, to, User.GetUserId()!.Value, note, HttpContext.RequestAborted),
            localizer["Der Fall ist jetzt in der Phase „{0}“.", localizer[CasePhases.DisplayName(to)]]);

    public Task<IActionResult> OnPostEncounterAsync() =>
        WorkAsync(c => cases.AddEncounterAsync(c, new Encounter
        {
            UserId = User.GetUserId()!.Value,
            At = DateTime.SpecifyKind(Contact.At ?? default, DateTimeKind.Local).ToUniversalTime(),
            DurationMinutes = Contact.DurationMinutes ?? 0,
            KindCode = Contact.Kind ?? string.Empty,
            InterpreterUsed = Contact.InterpreterUsed,
            InterpreterLanguage = Contact.InterpreterUsed ? Contact.InterpreterLanguage : null,
            NeedAreaCodes = Contact.NeedAreas,
            Note = string.IsNullOrWhiteSpace(Contact.Note) ? null : Contact.Note.Trim(),
        }, HttpContext.RequestAborted), localizer["Der Kontakt wurde erfasst."], "Contact", nameof(Contact.At), nameof(Contact.DurationMinutes), nameof(Contact.Kind));

    public Task<IActionResult> OnPostDeadlineAsync() =>
        WorkAsync(c => cases.AddDeadlineAsync(c, NewDeadline.Title ?? string.Empty, NewDeadline.DueOn ?? default, NewDeadline.LeadDays ?? 14, HttpContext.RequestAborted),
            localizer["Die Frist wurde eingetragen."], "NewDeadline", nameof(NewDeadline.Title), nameof(NewDeadline.DueOn));

    public Task<IActionResult> OnPostDeadlineDoneAsync(Guid deadlineId, bool done) =>
        WorkAsync(async c =>
        {
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId && d.CaseId == c.Id, HttpContext.RequestAborted)
                ?? throw new RuleViolationException(string.Empty, "Die Frist wurde nicht gefunden.");
            await cases.SetDeadlineDoneAsync(deadline, done, HttpContext.RequestAborted);
        }, done ? localizer["Die Frist ist erledigt."] : localizer["Die Frist ist wieder offen."]);

    public Task<IActionResult> OnPostGoalAsync() =>
        WorkAsync(c => cases.AddGoalAsync(c, NewGoal.NeedArea ?? string.Empty, NewGoal.Title ?? string.Empty, NewGoal.AgreedOn ?? Today, NewGoal.DueOn, HttpContext.RequestAborted),
            localizer["Das Ziel wurde vereinbart."], "NewGoal", nameof(NewGoal.NeedArea), nameof(NewGoal.Title));

    public Task<IActionResult> OnPostStepAsync(Guid goalId) =>
        WorkAsync(async c =>
        {
            var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.CaseId == c.Id, HttpContext.RequestAborted)
                ?? throw new RuleViolationException(string.Empty, "Das Ziel wurde nicht gefunden.");
            await cases.AddStepAsync(goal, NewStep.Title ?? string.Empty, NewStep.Responsible, NewStep.PartnerName, NewStep.DueOn, HttpContext.RequestAborted);
        }, localizer["Der Schritt wurde hinzugefügt."], "NewStep");

    public Task<IActionResult> OnPostStepStatusAsync(Guid stepId, StepStatus status) =>
        WorkAsync(async c =>
        {
            var step = await db.GoalSteps.SingleOrDefaultAsync(s => s.Id == stepId && db.Goals.Any(g => g.Id == s.GoalId && g.CaseId == c.Id), HttpContext.RequestAborted)
                ?? throw new RuleViolationException(string.Empty, "Der Schritt wurde nicht gefunden.");
            await cases.SetStepStatusAsync(step, status, HttpContext.RequestAborted);
        }, localizer["Der Schritt wurde aktualisiert."]);

    public Task<IActionResult> OnPostGoalResultAsync(Guid goalId, GoalStatus status, string? result, int version) =>
        WorkAsync(async c =>
        {
            var goal = await db.Goals.SingleOrDefaultAsync(g => g.Id == goalId && g.CaseId == c.Id, HttpContext.RequestAborted)
                ?? throw new RuleViolationException(string.Empty, "Das Ziel wurde nicht gefunden.");
            if (!await cases.SetGoalResultAsync(goal, status, result, version, HttpContext.RequestAborted))
            {
                throw new RuleViolationException(string.Empty, "Das Ziel wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.");
            }
        }, localizer["Das Ergebnis des Ziels wurde gespeichert."]);

    public Task<IActionResult> OnPostDeputyAsync(Guid deputyId, DateOnly? from, DateOnly? until) =>
        WorkAsync(CaseOperation.AssignDeputies, c => cases.SetDeputyAsync(c, deputyId, from, until, HttpContext.RequestAborted),
            localizer["Die Vertretung wurde eingetragen."], null, []);

    public Task<IActionResult> OnPostRemoveDeputyAsync(Guid deputyId) =>
        WorkAsync(CaseOperation.AssignDeputies, c => cases.RemoveDeputyAsync(c, deputyId, HttpContext.RequestAborted),
            localizer["Die Vertretung wurde beendet."], null, []);

    public Task<IActionResult> OnPostReassignAsync(Guid responsibleId) =>
        WorkAsync(CaseOperation.Reassign, c => cases.ReassignAsync(c, responsibleId, HttpContext.RequestAborted),
            localizer["Der Fall wurde neu zugewiesen."], null, []);

    /// <summary>Deputies are set by the responsible case manager or the team lead of the case's team, not by a deputy (<see cref="CaseOperation.AssignDeputies"/>).</summary>
    public bool MayAssign { get; private set; }

    /// <summary>Reassigning is the team lead's (<see cref="CaseOperation.Reassign"/>).</summary>
    public bool MayReassign { get; private set; }

    public IReadOnlyList<SelectListItem> Colleagues { get; private set; } = [];

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
            "Contact" => "encounters",
            "NewDeadline" => "deadlines",
            "NewGoal" or "NewStep" => "goals",
            "NewBarrier" => "barriers",
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
