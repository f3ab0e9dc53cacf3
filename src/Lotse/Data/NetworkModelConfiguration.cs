using Lotse.Features.Consents;
using Lotse.Features.Offers;
using Lotse.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Data;

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

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.Property(r => r.NeedAreaCode).HasMaxLength(80);
        builder.Property(r => r.Message).HasMaxLength(2000);
        builder.Property(r => r.DeclineReasonCode).HasMaxLength(80);
        builder.Property(r => r.OutcomeCode).HasMaxLength(80);
        builder.Property(r => r.AnswerNote).HasMaxLength(2000);
        builder.HasOne(r => r.Case).WithMany().OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.SenderOrganization).WithMany().HasForeignKey(r => r.SenderOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.RecipientOrganization).WithMany().HasForeignKey(r => r.RecipientOrganizationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Offer).WithMany().HasForeignKey(r => r.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.ProposedOffer).WithMany().HasForeignKey(r => r.ProposedOfferId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(r => r.Consent).WithMany().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.ReferralId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.RecipientOrganizationId, r.Status });
        // The inbox lists the newest first (bench/results: before/after).
        builder.HasIndex(r => new { r.RecipientOrganizationId, r.SentAt });
        builder.HasIndex(r => r.CaseId);
        builder.HasIndex(r => r.OfferId);
    }
}

internal sealed class ReferralEventConfiguration : IEntityTypeConfiguration<ReferralEvent>
{
    public void Configure(EntityTypeBuilder<ReferralEvent> builder)
    {
        builder.Property(e => e.ReasonCode).HasMaxLength(80);
        builder.Property(e => e.Note).HasMaxLength(2000);
    }
}

internal sealed class ReferralLinkConfiguration : IEntityTypeConfiguration<ReferralLink>
{
    public void Configure(EntityTypeBuilder<ReferralLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(32);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasOne<Referral>().WithMany().HasForeignKey(l => l.ReferralId).OnDelete(DeleteBehavior.Cascade);
    }
}
