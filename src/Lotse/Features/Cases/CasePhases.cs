namespace Lotse.Features.Cases;

public static class CasePhases
{
    public static readonly CasePhase[] Journey =
        [CasePhase.Clearing, CasePhase.Assessment, CasePhase.Planning, CasePhase.Implementation, CasePhase.Evaluation, CasePhase.Closed];

    /// <summary>The German UI name of a phase (a localisation key).</summary>
    public static string DisplayName(CasePhase phase) => phase switch
    {
        CasePhase.Clearing => "Clearing",
        CasePhase.Assessment => "Assessment",
        CasePhase.Planning => "Hilfeplanung",
        CasePhase.Implementation => "Umsetzung",
        CasePhase.Evaluation => "Evaluation",
        CasePhase.Closed => "Abgeschlossen",
        _ => phase.ToString(),
    };

    /// <summary>The German UI name of a goal status (a localisation key).</summary>
    public static string GoalStatusName(GoalStatus status) => status switch
    {
        GoalStatus.Open => "offen",
        GoalStatus.Achieved => "erreicht",
        GoalStatus.PartlyAchieved => "teilweise erreicht",
        GoalStatus.NotAchieved => "nicht erreicht",
        GoalStatus.Dropped => "verworfen",
        GoalStatus.CarriedOver => "übergeben",
        _ => status.ToString(),
    };

    /// <summary>The German UI name of who is responsible for a step (a localisation key).</summary>
    public static string ResponsibleName(StepResponsible responsible) => responsible switch
    {
        StepResponsible.Client => "Klient:in",
        StepResponsible.CaseManager => "Fallmanagement",
        StepResponsible.Partner => "Partner",
        _ => responsible.ToString(),
    };
}
