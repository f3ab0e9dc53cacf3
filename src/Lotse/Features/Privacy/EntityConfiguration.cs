using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Privacy;

internal sealed class AnonymisationConfiguration : IEntityTypeConfiguration<Anonymisation>
{
    public void Configure(EntityTypeBuilder<Anonymisation> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.HasIndex(a => a.At);
    }
}
