using Lotse.Features.Audit;
using Lotse.Features.Calendar;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Consultations;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lotse.Data;

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

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.Property(c => c.Reference).HasMaxLength(20);
        builder.Property(c => c.AccessRouteCode).HasMaxLength(80);
        builder.Property(c => c.ClosureReasonCode).HasMaxLength(80);
        builder.Property(c => c.ClosureNote).HasMaxLength(2000);
        builder.HasIndex(c => new { c.OrganizationId, c.Reference }).IsUnique();
        builder.HasIndex(c => new { c.ResponsibleUserId, c.Phase });
        builder.HasIndex(c => new { c.TeamId, c.Phase });
        builder.HasOne(c => c.Client).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Organization).WithMany().OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Team).WithMany().OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(c => c.Responsible).WithMany().HasForeignKey(c => c.ResponsibleUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Deputies).WithOne().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.EmergencyAccesses).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.PhaseChanges).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseMemberConfiguration : IEntityTypeConfiguration<CaseMember>
{
    public void Configure(EntityTypeBuilder<CaseMember> builder)
    {
        builder.HasKey(m => new { m.CaseId, m.ClientId });
        builder.HasOne(m => m.Client).WithMany().HasForeignKey(m => m.ClientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseDeputyConfiguration : IEntityTypeConfiguration<CaseDeputy>
{
    public void Configure(EntityTypeBuilder<CaseDeputy> builder)
    {
        builder.HasKey(d => new { d.CaseId, d.UserId });
        builder.HasOne(d => d.User).WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => d.UserId);
    }
}

internal sealed class CasePhaseChangeConfiguration : IEntityTypeConfiguration<CasePhaseChange>
{
    public void Configure(EntityTypeBuilder<CasePhaseChange> builder) =>
        builder.Property(p => p.Note).HasMaxLength(2000);
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.Property(a => a.Note).HasMaxLength(4000);
        builder.HasOne<Case>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.CaseId, a.Date });
    }
}

internal sealed class AssessmentRatingConfiguration : IEntityTypeConfiguration<AssessmentRating>
{
    public void Configure(EntityTypeBuilder<AssessmentRating> builder)
    {
        builder.HasKey(r => new { r.AssessmentId, r.NeedAreaCode });
        builder.Property(r => r.NeedAreaCode).HasMaxLength(80);
        builder.Property(r => r.Resources).HasMaxLength(2000);
        builder.Property(r => r.Note).HasMaxLength(2000);
    }
}

internal sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.Property(g => g.NeedAreaCode).HasMaxLength(80);
        builder.Property(g => g.Title).HasMaxLength(500);
        builder.Property(g => g.Result).HasMaxLength(2000);
        builder.HasOne<Case>().WithMany().HasForeignKey(g => g.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Steps).WithOne().HasForeignKey(s => s.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => g.CaseId);
    }
}

internal sealed class GoalStepConfiguration : IEntityTypeConfiguration<GoalStep>
{
    public void Configure(EntityTypeBuilder<GoalStep> builder)
    {
        builder.Property(s => s.Title).HasMaxLength(500);
        builder.Property(s => s.PartnerName).HasMaxLength(200);
        builder.HasIndex(s => new { s.Status, s.DueOn });
    }
}

internal sealed class EncounterConfiguration : IEntityTypeConfiguration<Encounter>
{
    public void Configure(EntityTypeBuilder<Encounter> builder)
    {
        builder.Property(e => e.KindCode).HasMaxLength(80);
        builder.Property(e => e.InterpreterLanguage).HasMaxLength(10);
        builder.Property(e => e.Note).HasMaxLength(4000);
        builder.HasOne<Case>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.CaseId, e.At });
        builder.HasIndex(e => new { e.UserId, e.At });
        // Covers the KIM report's contacts of a period: a year is a third of the rows, which without
        // the two columns costs a table lookup per row (6.4 s instead of 0.2 s at state scale).
        builder.HasIndex(e => new { e.At, e.DurationMinutes, e.InterpreterUsed });
    }
}

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> builder)
    {
        builder.Property(d => d.Title).HasMaxLength(300);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.CaseId, d.DueOn });
        builder.HasIndex(d => d.ResidenceStatusId);
    }
}

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

internal sealed class ShortConsultationConfiguration : IEntityTypeConfiguration<ShortConsultation>
{
    public void Configure(EntityTypeBuilder<ShortConsultation> builder)
    {
        builder.Property(s => s.Language).HasMaxLength(10);
        builder.Property(s => s.ReferredTo).HasMaxLength(200);
        builder.HasIndex(s => new { s.OrganizationId, s.Date });
    }
}

internal sealed class EmergencyAccessConfiguration : IEntityTypeConfiguration<EmergencyAccess>
{
    public void Configure(EntityTypeBuilder<EmergencyAccess> builder)
    {
        builder.Property(e => e.Reason).HasMaxLength(1000);
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.UserId, e.Until });
        builder.HasIndex(e => e.GrantedAt);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(50);
        builder.Property(a => a.Fields).HasMaxLength(2000);
        builder.Property(a => a.Channel).HasMaxLength(10);
        builder.HasIndex(a => new { a.ClientId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.HasIndex(a => a.At);
        builder.Property(a => a.PreviousHash).HasMaxLength(32);
        builder.Property(a => a.Hash).HasMaxLength(32);
        builder.Property(a => a.LinkDigest).HasMaxLength(32);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Lotse.Features.Documents.Document>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.Documents.Document> builder)
    {
        builder.Property(d => d.FileName).HasMaxLength(200);
        builder.Property(d => d.ContentType).HasMaxLength(100);
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.HasIndex(d => new { d.ClientId, d.UploadedAt });
        builder.HasOne<Client>().WithMany().HasForeignKey(d => d.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lotse.Features.Documents.DocumentContent>().WithOne().HasForeignKey<Lotse.Features.Documents.DocumentContent>(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<Lotse.Features.Documents.DocumentContent>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.Documents.DocumentContent> builder) => builder.HasKey(c => c.DocumentId);
}

internal sealed class AnonymisationConfiguration : IEntityTypeConfiguration<Lotse.Features.Privacy.Anonymisation>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.Privacy.Anonymisation> builder)
    {
        builder.Property(a => a.Reason).HasMaxLength(500);
        builder.HasIndex(a => a.At);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<Lotse.Features.Privacy.JobLease>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.Privacy.JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(50);
        builder.Property(l => l.Holder).HasMaxLength(100);
    }
}

internal sealed class ImportedStatisticsConfiguration : IEntityTypeConfiguration<Lotse.Features.State.ImportedStatistics>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.State.ImportedStatistics> builder)
    {
        builder.Property(s => s.Kommune).HasMaxLength(200);
        builder.HasIndex(s => new { s.Kommune, s.From, s.To }).IsUnique();
    }
}

internal sealed class BarrierConfiguration : IEntityTypeConfiguration<Lotse.Features.Barriers.Barrier>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.Barriers.Barrier> builder)
    {
        builder.Property(b => b.Institution).HasMaxLength(200);
        builder.Property(b => b.Description).HasMaxLength(2000);
        builder.HasMany(b => b.Cases).WithOne().HasForeignKey(l => l.BarrierId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => new { b.Status, b.MergedIntoId });
    }
}

internal sealed class BarrierCaseConfiguration : IEntityTypeConfiguration<Lotse.Features.Barriers.BarrierCase>
{
    public void Configure(EntityTypeBuilder<Lotse.Features.Barriers.BarrierCase> builder)
    {
        builder.HasKey(l => new { l.BarrierId, l.CaseId });
        builder.HasOne<Case>().WithMany().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
