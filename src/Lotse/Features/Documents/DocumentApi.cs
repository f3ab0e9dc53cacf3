using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Documents;

public sealed record DocumentDto(Guid Id, Guid ClientId, Guid? CaseId, string FileName, string ContentType, long Size, string? Description, DateTime UploadedAt)
{
    public static DocumentDto From(Document d) => new(d.Id, d.ClientId, d.CaseId, d.FileName, d.ContentType, d.Size, d.Description, d.UploadedAt);
}

/// <summary>Documents over the API: list and upload on the client, download and delete by id.</summary>
public static class DocumentApi
{
    public static RouteGroupBuilder MapDocumentApi(this RouteGroupBuilder api)
    {
        var ofClient = api.MapGroup("/clients/{clientId:guid}/documents").RequireAuthorization(Policies.CaseWork).WithTags("Documents");
        ofClient.MapGet("", ListAsync)
            .WithSummary("The person's documents the caller may see (need-to-know), without their content.");
        ofClient.MapPost("", UploadAsync)
            .DisableAntiforgery()
            .WithSummary("Uploads a document (multipart field \"file\"; optional \"caseId\", \"description\"). PDF, JPEG, PNG or TIFF by content; stored encrypted.");

        var documents = api.MapGroup("/documents").RequireAuthorization(Policies.CaseWork).WithTags("Documents");
        documents.MapGet("/{id:guid}", DownloadAsync)
            .Produces(StatusCodes.Status200OK, null, "application/pdf", "image/jpeg", "image/png", "image/tiff")
            .WithSummary("Downloads the document (as an attachment); every download is audited.");
        documents.MapDelete("/{id:guid}", DeleteAsync)
            .WithSummary("Deletes the document and its content.");
        return api;
    }

    private static async Task<Results<Ok<PagedList<DocumentDto>>, NotFound>> ListAsync(Guid clientId, HttpContext context, DocumentStore store, ClientGate clients, DocumentGate gate)
    {
        if (await clients.OpenAsync(clientId, ClientOperation.Read, "Documents", context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var visible = await gate.VisibleAsync(await store.Of(clientId).ToListAsync(context.RequestAborted));
        return TypedResults.Ok(PagedList.All(visible.Select(DocumentDto.From)));
    }

    private static async Task<Results<Created<DocumentDto>, NotFound>> UploadAsync(Guid clientId, IFormFile? file, [FromForm] Guid? caseId, [FromForm] string? description,
        HttpContext context, DocumentStore store, ClientGate clients, CaseGate cases)
    {
        if (await clients.OpenAsync(clientId, ClientOperation.Edit, cancellationToken: context.RequestAborted) is not { } client)
        {
            return TypedResults.NotFound();
        }

        if (caseId is { } id && (await cases.OpenAsync(id, CaseOperation.Edit, cancellationToken: context.RequestAborted) is not { } @case || @case.ClientId != client.Id && @case.Members.All(m => m.ClientId != client.Id)))
        {
            return TypedResults.NotFound();
        }

        if (file is null)
        {
            throw new RuleViolationException("file", "Bitte eine Datei wählen – diese ist leer.");
        }

        await using var stream = file.OpenReadStream();
        var document = await store.AddAsync(client, caseId, file.FileName, stream, description, context.RequestAborted);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", DocumentDto.From(document));
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> DownloadAsync(Guid id, HttpContext context, DocumentStore store, DocumentGate gate)
    {
        if (await gate.OpenAsync(id, DocumentOperation.Read, cancellationToken: context.RequestAborted) is not { } document)
        {
            return TypedResults.NotFound();
        }

        var bytes = await store.ReadAsync(document, context.RequestAborted);
        return TypedResults.File(bytes, document.ContentType, document.FileName);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(Guid id, HttpContext context, DocumentStore store, DocumentGate gate)
    {
        if (await gate.OpenAsync(id, DocumentOperation.Delete, cancellationToken: context.RequestAborted) is not { } document)
        {
            return TypedResults.NotFound();
        }

        await store.DeleteAsync(document, context.RequestAborted);
        return TypedResults.NoContent();
    }
}
