using System.ComponentModel.DataAnnotations;

namespace Lotse.Features.Cases;

/// <summary>The quick-entry forms of the case page, each bound by its own handler.</summary>
public sealed partial class DetailsModel
{
    public sealed class EncounterForm
    {
        [Required(ErrorMessage = "Bitte geben Sie Datum und Uhrzeit an.")]
        public DateTime? At { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie die Dauer in Minuten an.")]
        [Range(1, 1440, ErrorMessage = "Die Dauer liegt zwischen 1 und 1440 Minuten.")]
        public int? DurationMinutes { get; set; } = 30;

        [Required(ErrorMessage = "Bitte wählen Sie die Art des Kontakts.")]
        public string? Kind { get; set; }

        public bool InterpreterUsed { get; set; }

        public string? InterpreterLanguage { get; set; }

        public List<string> NeedAreas { get; set; } = [];

        [StringLength(4000, ErrorMessage = "Die Notiz darf höchstens 4000 Zeichen lang sein.")]
        public string? Note { get; set; }
    }

    public sealed class BarrierForm
    {
        public Barriers.BarrierCategory Category { get; set; } = Barriers.BarrierCategory.WaitingTime;

        [StringLength(200, ErrorMessage = "Höchstens 200 Zeichen.")]
        public string? Institution { get; set; }

        [StringLength(2000, ErrorMessage = "Höchstens 2000 Zeichen.")]
        public string? Description { get; set; }
    }

    public sealed class DeadlineForm
    {
        [Required(ErrorMessage = "Bitte beschreiben Sie die Frist.")]
        [StringLength(300, ErrorMessage = "Höchstens 300 Zeichen.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie das Datum der Frist an.")]
        public DateOnly? DueOn { get; set; }

        [Range(0, 365, ErrorMessage = "Die Vorlaufzeit liegt zwischen 0 und 365 Tagen.")]
        public int? LeadDays { get; set; } = 14;
    }

    public sealed class GoalForm
    {
        [Required(ErrorMessage = "Bitte wählen Sie ein Handlungsfeld.")]
        public string? NeedArea { get; set; }

        [Required(ErrorMessage = "Bitte beschreiben Sie das Ziel.")]
        [StringLength(500, ErrorMessage = "Höchstens 500 Zeichen.")]
        public string? Title { get; set; }

        public DateOnly? AgreedOn { get; set; }

        public DateOnly? DueOn { get; set; }

        /// <summary>The first step, agreed in the same conversation; saved with the goal when given.</summary>
        [StringLength(500, ErrorMessage = "Höchstens 500 Zeichen.")]
        public string? StepTitle { get; set; }

        public StepResponsible StepResponsible { get; set; } = StepResponsible.Client;

        public DateOnly? StepDueOn { get; set; }

        public string? PartnerName { get; set; }
    }

    public sealed class StepForm
    {
        [Required(ErrorMessage = "Bitte beschreiben Sie den Schritt.")]
        [StringLength(500, ErrorMessage = "Höchstens 500 Zeichen.")]
        public string? Title { get; set; }

        public StepResponsible Responsible { get; set; } = StepResponsible.Client;

        public string? PartnerName { get; set; }

        public DateOnly? DueOn { get; set; }
    }
}
