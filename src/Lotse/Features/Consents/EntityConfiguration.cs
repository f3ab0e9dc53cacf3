using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Consents;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.Property(c => c.PurposeText).HasMaxLength(1000);
        builder.Property(c => c.FormVersion).HasMaxLength(20);
        builder.Property(c => c.FormLanguage).HasMaxLength(10);
        builder.Property(c => c.WithdrawalNote).HasMaxLength(1000);
        builder.HasOne(c => c.Client).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.ClientId);
    }
}

internal sealed class ConsentRecipientConfiguration : IEntityTypeConfiguration<ConsentRecipient>
{
    public void Configure(EntityTypeBuilder<ConsentRecipient> builder)
    {
        builder.HasKey(r => new { r.ConsentId, r.OrganizationId });
        builder.HasOne(r => r.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
    }
}
