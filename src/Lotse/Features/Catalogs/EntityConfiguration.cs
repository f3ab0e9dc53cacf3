using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Catalogs;

internal sealed class CatalogEntryConfiguration : IEntityTypeConfiguration<CatalogEntry>
{
    public void Configure(EntityTypeBuilder<CatalogEntry> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(80);
        builder.Property(c => c.Label).HasMaxLength(300);
        builder.Property(c => c.LabelEn).HasMaxLength(300);
        builder.Property(c => c.Detail).HasMaxLength(500);
        builder.HasIndex(c => new { c.Catalog, c.Code }).IsUnique();
    }
}
