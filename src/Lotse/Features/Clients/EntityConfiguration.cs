using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Features.Clients;

internal sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.Property(c => c.GivenName).HasMaxLength(200);
        builder.Property(c => c.FamilyName).HasMaxLength(200);
        builder.Property(c => c.BirthName).HasMaxLength(200);
        builder.Property(c => c.BirthDate).HasMaxLength(10);
        builder.Property(c => c.InterpreterLanguage).HasMaxLength(10);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Street).HasMaxLength(200);
        builder.Property(c => c.PostalCode).HasMaxLength(10);
        builder.Property(c => c.City).HasMaxLength(100);
        builder.Property(c => c.RestrictionReason).HasMaxLength(1000);
        builder.Property(c => c.LegalHoldReason).HasMaxLength(1000);
        builder.Ignore(c => c.FullName);
        builder.HasOne(c => c.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.District).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(c => c.OtherSpellings).WithOne().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.ResidenceStatuses).WithOne().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.NameKeys).WithOne().HasForeignKey(k => k.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.OrganizationId, c.FamilyName });
        builder.HasIndex(c => c.HouseholdId);
    }
}

internal sealed class ClientCorrectionConfiguration : IEntityTypeConfiguration<ClientCorrection>
{
    public void Configure(EntityTypeBuilder<ClientCorrection> builder)
    {
        builder.Property(c => c.Field).HasMaxLength(50);
        builder.Property(c => c.OldValue).HasMaxLength(1000);
        builder.Property(c => c.NewValue).HasMaxLength(1000);
        builder.HasIndex(c => new { c.ClientId, c.At });
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClientAliasConfiguration : IEntityTypeConfiguration<ClientAlias>
{
    public void Configure(EntityTypeBuilder<ClientAlias> builder)
    {
        builder.Property(a => a.GivenName).HasMaxLength(200);
        builder.Property(a => a.FamilyName).HasMaxLength(200);
    }
}

internal sealed class ClientNameKeyConfiguration : IEntityTypeConfiguration<ClientNameKey>
{
    public void Configure(EntityTypeBuilder<ClientNameKey> builder)
    {
        builder.Property(k => k.Key).HasMaxLength(64);
        builder.HasIndex(k => new { k.OrganizationId, k.Key });
    }
}

internal sealed class ResidenceStatusConfiguration : IEntityTypeConfiguration<ResidenceStatus>
{
    public void Configure(EntityTypeBuilder<ResidenceStatus> builder)
    {
        builder.Property(r => r.KindCode).HasMaxLength(80);
        builder.Property(r => r.LegalBasis).HasMaxLength(200);
        builder.Property(r => r.DocumentNumber).HasMaxLength(50);
    }
}
