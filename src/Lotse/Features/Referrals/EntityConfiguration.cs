using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Referrals;

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
