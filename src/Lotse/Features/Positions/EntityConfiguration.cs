using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Positions;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Fte).HasPrecision(4, 2);
        builder.Property(p => p.AnnualCost).HasPrecision(12, 2);
        builder.Property(p => p.FundingRate).HasPrecision(5, 4);
        builder.HasOne(p => p.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(p => p.HolderId).OnDelete(DeleteBehavior.SetNull);
    }
}
