using System.ComponentModel.DataAnnotations;
using Lotse.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Lotse.Features.Clients;

/// <summary>The residence status section: the history and a new entry.</summary>
public sealed partial class DetailsModel
{
    [BindProperty]
    public StatusForm Status { get; set; } = new();

    public IReadOnlyDictionary<string, string> StatusKinds { get; private set; } = new Dictionary<string, string>();

    public IEnumerable<SelectListItem> StatusKindItems => StatusKinds.Select(k => new SelectListItem(k.Value, k.Key));

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (await LoadAsync(ClientOperation.Edit) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            await clients.AddResidenceStatusAsync(Client, new ResidenceStatus
            {
                KindCode = Status.Kind ?? string.Empty,
                LegalBasis = Status.LegalBasis,
                ValidFrom = Status.ValidFrom,
                ValidUntil = Status.ValidUntil,
                DocumentNumber = Status.DocumentNumber,
                ResidenceObligation = Status.ResidenceObligation,
            }, HttpContext.RequestAborted);
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, Status, "Status.");
            return Page();
        }

        TempData["Message"] = localizer["Der Aufenthaltsstatus wurde eingetragen."].Value;
        return RedirectToPage(new { id = Id });
    }

    public sealed class StatusForm
    {
        [Required(ErrorMessage = "Bitte wählen Sie eine Art des Aufenthaltsstatus.")]
        public string? Kind { get; set; }

        [StringLength(200, ErrorMessage = "Höchstens 200 Zeichen.")]
        public string? LegalBasis { get; set; }

        public DateOnly? ValidFrom { get; set; }

        public DateOnly? ValidUntil { get; set; }

        [StringLength(50, ErrorMessage = "Höchstens 50 Zeichen.")]
        public string? DocumentNumber { get; set; }

        public bool ResidenceObligation { get; set; }
    }
}
