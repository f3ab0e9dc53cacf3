using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Data;

/// <summary>
/// The stored answer to an API POST sent with an <c>Idempotency-Key</c> (ADR 016), committed in the
/// same transaction as the write it answers: a repeat of the request gets this answer and writes
/// nothing again. Kept for <c>Lotse:Api:IdempotencyKeyHours</c>.
/// </summary>
public sealed class IdempotencyRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Keys are the caller's own: two users may use the same key.</summary>
    public Guid UserId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path, query and body, so that a key reused for another request is refused.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public string? ETag { get; set; }

    /// <summary>The JSON answer as text, so that an erasure can find the answers that name the person.</summary>
    public string Body { get; set; } = string.Empty;

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.Property(r => r.Key).HasMaxLength(IdempotencyKeys.MaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.Property(r => r.ETag).HasMaxLength(100);
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        builder.HasIndex(r => r.ExpiresAt);
    }
}

/// <summary>What a valid key is.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 255;
}
