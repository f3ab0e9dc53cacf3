using System.ComponentModel.DataAnnotations;
using Lotse.Features.Documents;
using Lotse.Web;
using Microsoft.AspNetCore.Mvc;
using DocumentModel = Lotse.Features.Documents.Document;

namespace Lotse.Features.Clients;

/// <summary>The documents section of the client file and the residence status form.</summary>
public sealed partial class DetailsModel
{
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file)
    {
        if (await LoadAsync(ClientOperation.Edit) is { } refused)
        {
            return refused;
        }

        if (DocumentCaseId is { } caseId && !VisibleCases.Any(c => c.Id == caseId))
        {
            return NotFound();
        }

        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", localizer["Bitte eine Datei wählen – diese ist leer."]);
            return Page();
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var document = await documents.AddAsync(Client, DocumentCaseId, file.FileName, stream, DocumentDescription, HttpContext.RequestAborted);
            TempData["Message"] = localizer["Dokument „{0}“ gespeichert.", document.FileName].Value;
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, this);
            return Page();
        }

        return RedirectToPage(null, null, new { id = Id }, "documents");
    }

    public async Task<IActionResult> OnGetDocumentAsync(Guid documentId)
    {
        if (await FindDocumentAsync(documentId, DocumentOperation.Read) is not { } document)
        {
            return NotFound();
        }

        var bytes = await documents.ReadAsync(document, HttpContext.RequestAborted);
        return File(bytes, document.ContentType, document.FileName);
    }

    public async Task<IActionResult> OnPostDeleteDocumentAsync(Guid documentId)
    {
        if (await FindDocumentAsync(documentId, DocumentOperation.Delete) is not { } document)
        {
            return NotFound();
        }

        await documents.DeleteAsync(document, HttpContext.RequestAborted);
        TempData["Message"] = localizer["Dokument gelöscht."].Value;
        return RedirectToPage(null, null, new { id = Id }, "documents");
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
