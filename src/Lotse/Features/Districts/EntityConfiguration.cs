using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Districts;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasOne(d => d.Parent).WithMany(d => d.Children).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ParentId, d.Name }).IsUnique();
    }
}
