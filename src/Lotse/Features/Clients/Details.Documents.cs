using Lotse.Features.Documents;
using Lotse.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using DocumentModel = Lotse.Features.Documents.Document;

namespace Lotse.Features.Clients;

/// <summary>The documents section of the client file: upload, download, delete, need-to-know.</summary>
public sealed partial class DetailsModel
{
    /// <summary>The documents of the person the user may see (need-to-know, <see cref="DocumentAuthorizationHandler"/>).</summary>
    public IReadOnlyList<DocumentModel> ClientDocuments { get; private set; } = [];

    public int MaxDocumentMegabytes => documents.MaxSizeMegabytes;

    [BindProperty]
    public Guid? DocumentCaseId { get; set; }

    [BindProperty]
    public string? DocumentDescription { get; set; }

    public IEnumerable<SelectListItem> DocumentCaseItems => VisibleCases.Select(c => new SelectListItem(c.Reference, c.Id.ToString()));

    private Task<DocumentModel?> FindDocumentAsync(Guid documentId, DocumentOperation operation) =>
        documentGate.OpenAsync(documentId, operation, Id, HttpContext.RequestAborted);

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
            ModelState.AddRuleViolation(violation, localizer, this, inputs: ["file"]);
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
}
