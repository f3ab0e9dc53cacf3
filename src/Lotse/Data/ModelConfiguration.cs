using Lotse.Features.Catalogs;
using Lotse.Features.Districts;
using Lotse.Features.Organizations;
using Lotse.Features.Positions;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Data;

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

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.Property(d => d.Name).HasMaxLength(200);
        builder.HasOne(d => d.Parent).WithMany(d => d.Children).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.ParentId, d.Name }).IsUnique();
    }
}

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

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Team).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Prefix).HasMaxLength(20);
        builder.Property(t => t.Hash).HasMaxLength(32);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne(t => t.User).WithMany().OnDelete(DeleteBehavior.Cascade);
    }
}
