using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Offers;

internal sealed class OfferConfiguration : IEntityTypeConfiguration<Offer>
{
    public void Configure(EntityTypeBuilder<Offer> builder)
    {
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.Description).HasMaxLength(4000);
        builder.Property(o => o.Eligibility).HasMaxLength(2000);
        builder.Property(o => o.Fees).HasMaxLength(1000);
        builder.Property(o => o.RequiredDocuments).HasMaxLength(2000);
        builder.Property(o => o.ApplicationProcess).HasMaxLength(2000);
        builder.Property(o => o.ContactName).HasMaxLength(200);
        builder.Property(o => o.Phone).HasMaxLength(50);
        builder.Property(o => o.Email).HasMaxLength(256);
        builder.Property(o => o.Url).HasMaxLength(500);
        builder.Property(o => o.Capacity).HasMaxLength(500);
        builder.HasOne(o => o.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Locations).WithOne().HasForeignKey(l => l.OfferId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => o.OrganizationId);
    }
}

internal sealed class OfferLocationConfiguration : IEntityTypeConfiguration<OfferLocation>
{
    public void Configure(EntityTypeBuilder<OfferLocation> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Street).HasMaxLength(200);
        builder.Property(l => l.PostalCode).HasMaxLength(10);
        builder.Property(l => l.City).HasMaxLength(100);
        builder.Property(l => l.Accessibility).HasMaxLength(1000);
        builder.Property(l => l.OpeningHours).HasMaxLength(1000);
        builder.HasOne(l => l.District).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
