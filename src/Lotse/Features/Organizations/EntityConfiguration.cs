using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.ShortName).HasMaxLength(50);
        builder.Property(o => o.Description).HasMaxLength(2000);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.Property(o => o.Email).HasMaxLength(256);
        builder.HasIndex(o => o.Name).IsUnique();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.OrganizationId, t.Name }).IsUnique();
        builder.HasOne(t => t.Organization).WithMany(o => o.Teams).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Districts).WithMany().UsingEntity("TeamDistricts");
    }
}
