using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

/// <summary>The goals section: agree a goal, add and tick off its steps, record its result.</summary>
public sealed partial class DetailsModel
{
    [BindProperty]
    public GoalForm NewGoal { get; set; } = new();

    [BindProperty]
    public StepForm NewStep { get; set; } = new();

    public IEnumerable<SelectListItem> NeedAreaItems => Overview.NeedAreas.Select(n => new SelectListItem(n.Value, n.Key));

    public IEnumerable<SelectListItem> StepResponsibleItems =>
        Enum.GetValues<StepResponsible>().Select(w => new SelectListItem(localizer[CasePhases.ResponsibleName(w)], w.ToString()));

    public Task<IActionResult> OnPostGoalAsync() =>
        WorkAsync(c =>
            {
                var noStep = string.IsNullOrWhiteSpace(NewGoal.StepTitle);
                if (noStep && (NewGoal.StepDueOn is not null || !string.IsNullOrWhiteSpace(NewGoal.PartnerName)))
                {
                    // A date or partner without the step itself would be dropped without a word.
                    throw new RuleViolationException("stepTitle", "Bitte beschreiben Sie den ersten Schritt – oder lassen Sie seine Felder leer.");
                }

                return cases.AddGoalAsync(c, NewGoal.NeedArea ?? string.Empty, NewGoal.Title ?? string.Empty, NewGoal.AgreedOn ?? Today, NewGoal.DueOn,
                    noStep ? [] : [new CaseService.StepDraft(NewGoal.StepTitle!, NewGoal.StepResponsible, NewGoal.PartnerName, NewGoal.StepDueOn)],
                    HttpContext.RequestAborted);
            },
            string.IsNullOrWhiteSpace(NewGoal.StepTitle) ? localizer["Das Ziel wurde vereinbart."] : localizer["Das Ziel und sein erster Schritt wurden vereinbart."],
            "NewGoal", nameof(NewGoal.NeedArea), nameof(NewGoal.Title), nameof(NewGoal.DueOn), nameof(NewGoal.PartnerName), nameof(NewGoal.StepTitle));

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
}
