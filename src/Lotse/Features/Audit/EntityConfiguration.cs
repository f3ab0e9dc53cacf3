using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(50);
        builder.Property(a => a.Fields).HasMaxLength(2000);
        builder.Property(a => a.Channel).HasMaxLength(10);
        builder.HasIndex(a => new { a.ClientId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.HasIndex(a => a.At);
        builder.Property(a => a.PreviousHash).HasMaxLength(32);
        builder.Property(a => a.Hash).HasMaxLength(32);
        builder.Property(a => a.LinkDigest).HasMaxLength(32);
    }
}
