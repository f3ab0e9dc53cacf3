using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Tokens;

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
