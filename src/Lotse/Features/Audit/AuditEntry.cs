namespace Lotse.Features.Audit;

/// <summary>What was done to a record.</summary>
public enum AuditOperation
{
    Read = 1,
    Create = 2,
    Update = 3,
    Delete = 4,
    Search = 5,
    Denied = 6,

    /// <summary>Data left Lotse as a file (CSV, export).</summary>
    Export = 7,

    /// <summary>A sign-in step that succeeded.</summary>
    SignIn = 8,

    SignInFailed = 9,

    SignOut = 10,
}

/// <summary>
/// An append-only record of an access to personal data: who, when, which record, which operation,
/// which fields. It never holds field values.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public Guid? UserId { get; set; }

    public Guid? OrganizationId { get; set; }

    public AuditOperation Operation { get; set; }

    /// <summary>The entity type, e.g. "Client", "Case", "Encounter".</summary>
    public required string EntityType { get; set; }

    public Guid? EntityId { get; set; }

    /// <summary>The client the record belongs to, so "who accessed this client" is one query.</summary>
    public Guid? ClientId { get; set; }

    /// <summary>Names of the fields read or changed, comma-separated.</summary>
    public string? Fields { get; set; }

    /// <summary>"page" or "api".</summary>
    public string? Channel { get; set; }

    /// <summary>Position in the hash chain, assigned when the entry is sealed; null until then.</summary>
    public long? Sequence { get; set; }

    /// <summary>The hash of the entry sealed before this one (32 zero bytes for the first).</summary>
    public byte[]? PreviousHash { get; set; }

    /// <summary>
    /// SHA-256 over <see cref="PreviousHash"/>, <see cref="EntityId"/> and <see cref="ClientId"/>, set when
    /// sealed. The chain hashes this digest instead of the ids, so erasure can drop the ids (the link to a
    /// person) while the chain still verifies (ADR 011).
    /// </summary>
    public byte[]? LinkDigest { get; set; }

    /// <summary>SHA-256 over <see cref="PreviousHash"/> and this entry's fields (<see cref="AuditChain.Canonical"/>).</summary>
    public byte[]? Hash { get; set; }
}
