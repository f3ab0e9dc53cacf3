using Lotse.Data;

namespace Lotse.Features.Documents;

/// <summary>
/// An uploaded file attached to a client or one of the client's cases: a scanned letter, a signed
/// consent. The bytes live encrypted in <see cref="DocumentContent"/>, apart from this record, so
/// that lists never load them.
/// </summary>
public sealed class Document : IPersonalData
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ClientId { get; set; }

    public Guid? CaseId { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The file name as uploaded (it may name the person, so it is erased with the person).</summary>
    public required string FileName { get; set; }

    /// <summary>The type found in the content (never the one the browser claimed).</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    public string? Description { get; set; }

    public Guid UploadedByUserId { get; set; }

    public DateTime UploadedAt { get; set; }
}

/// <summary>The encrypted bytes of a document (ASP.NET Core Data Protection, ADR 011).</summary>
public sealed class DocumentContent : IPersonalDataTrail
{
    public Guid DocumentId { get; set; }

    public required byte[] Data { get; set; }
}
