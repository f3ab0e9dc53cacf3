using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Users;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.HasOne(u => u.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Team).WithMany().OnDelete(DeleteBehavior.SetNull);
    }
}
