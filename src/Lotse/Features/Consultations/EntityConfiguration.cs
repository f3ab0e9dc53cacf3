using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Consultations;

internal sealed class ShortConsultationConfiguration : IEntityTypeConfiguration<ShortConsultation>
{
    public void Configure(EntityTypeBuilder<ShortConsultation> builder)
    {
        builder.Property(s => s.Language).HasMaxLength(10);
        builder.Property(s => s.ReferredTo).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganizationId, s.Date });
    }
}
