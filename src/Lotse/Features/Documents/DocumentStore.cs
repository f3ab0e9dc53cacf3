using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients;
using Lotse.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Documents;

/// <summary>
/// Stores, reads and deletes documents. The bytes are encrypted with ASP.NET Core Data Protection
/// (keys in the database, shared by every node) and kept in the database beside the record, so an
/// upload, its audit entry and a later erasure are each one transaction (ADR 011).
/// </summary>
public sealed class DocumentStore(LotseDbContext db, IDataProtectionProvider protection, IOptions<LotseOptions> options, CurrentActor actor, AuditLog audit, TimeProvider time)
{
    private IDataProtector Protector => protection.CreateProtector("Lotse.Documents.v1");

    public int MaxSizeMegabytes => options.Value.Documents.MaxSizeMegabytes;

    private long MaxBytes => MaxSizeMegabytes * 1024L * 1024L;

    /// <summary>The documents of a client, newest first, without their bytes.</summary>
    public IQueryable<Document> Of(Guid clientId) => db.Documents.Where(d => d.ClientId == clientId).OrderByDescending(d => d.UploadedAt);

    /// <summary>Checks size and type (by content), encrypts and saves. Refusals are <see cref="RuleViolationException"/>s for the field <c>file</c>.</summary>
    public async Task<Document> AddAsync(Client client, Guid? caseId, string? fileName, Stream content, string? description, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new RuleViolationException("file", "Die Datei ist größer als {0} MB.", MaxSizeMegabytes);
            }
        }

        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new RuleViolationException("file", "Bitte eine Datei wählen – diese ist leer.");
        }

        var type = DocumentTypes.Detect(bytes)
            ?? throw new RuleViolationException("file", "Erlaubt sind PDF, JPEG, PNG und TIFF. Der Inhalt dieser Datei ist keiner dieser Typen, gleich wie sie heißt.");

        if (caseId is { } id && !await db.Cases.AnyAsync(c => c.Id == id && c.ClientId == client.Id, cancellationToken))
        {
            throw new RuleViolationException("caseId", "Der Fall gehört nicht zu dieser Person.");
        }

        var document = new Document
        {
            ClientId = client.Id,
            CaseId = caseId,
            OrganizationId = client.OrganizationId,
            FileName = CleanName(fileName, type),
            ContentType = type.ContentType,
            Size = bytes.Length,
            Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim()[..Math.Min(description.Trim().Length, 500)],
            UploadedByUserId = actor.UserId ?? Guid.Empty,
            UploadedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Documents.Add(document);
        db.DocumentContents.Add(new DocumentContent { DocumentId = document.Id, Data = Protector.Protect(bytes) });
        await db.SaveChangesAsync(cancellationToken);
        return document;
    }

    /// <summary>Decrypts a document for download; every download is audited as data leaving Lotse.</summary>
    public async Task<byte[]> ReadAsync(Document document, CancellationToken cancellationToken)
    {
        var data = await db.DocumentContents.Where(c => c.DocumentId == document.Id).Select(c => c.Data).SingleAsync(cancellationToken);
        await audit.RecordAsync(AuditOperation.Export, nameof(Document), document.Id, document.ClientId, "content", cancellationToken);
        return Protector.Unprotect(data);
    }

    public async Task DeleteAsync(Document document, CancellationToken cancellationToken)
    {
        db.Documents.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The uploaded name without any path, ending in the extension of the type found in the content.</summary>
    private static string CleanName(string? fileName, DocumentType type)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/')).Trim();
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var matches = extension == type.Extension || (type == DocumentTypes.Jpeg && extension == ".jpeg") || (type == DocumentTypes.Tiff && extension == ".tiff");
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = "Dokument";
        }

        stem = stem.Length > 150 ? stem[..150] : stem;
        return matches ? stem + extension : name.Length > 0 && extension.Length > 0 ? $"{stem}{extension}{type.Extension}" : stem + type.Extension;
    }
}
