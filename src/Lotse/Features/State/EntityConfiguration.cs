using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.State;

internal sealed class ImportedStatisticsConfiguration : IEntityTypeConfiguration<ImportedStatistics>
{
    public void Configure(EntityTypeBuilder<ImportedStatistics> builder)
    {
        builder.Property(s => s.Kommune).HasMaxLength(200);
        builder.HasIndex(s => new { s.Kommune, s.From, s.To }).IsUnique();
    }
}
