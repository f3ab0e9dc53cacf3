using Lotse.Features.Cases;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Calendar;

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(300);
        builder.Property(a => a.Location).HasMaxLength(300);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => new { a.UserId, a.Start });
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.HasKey(f => f.UserId);
        builder.Property(f => f.Hash).HasMaxLength(32);
        builder.HasIndex(f => f.Hash).IsUnique();
        builder.HasOne<User>().WithOne().HasForeignKey<CalendarFeed>(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
