using Lotse.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Barriers;

internal sealed class BarrierConfiguration : IEntityTypeConfiguration<Barrier>
{
    public void Configure(EntityTypeBuilder<Barrier> builder)
    {
        builder.Property(b => b.Institution).HasMaxLength(200);
        builder.Property(b => b.Description).HasMaxLength(2000);
        builder.HasMany(b => b.Cases).WithOne().HasForeignKey(l => l.BarrierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.Status, b.MergedIntoId });
    }
}

internal sealed class BarrierCaseConfiguration : IEntityTypeConfiguration<BarrierCase>
{
    public void Configure(EntityTypeBuilder<BarrierCase> builder)
    {
        builder.HasKey(l => new { l.BarrierId, l.CaseId });
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
