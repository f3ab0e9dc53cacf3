using Lotse.Features.Audit;
using Lotse.Features.Barriers;
using Lotse.Features.Calendar;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Consultations;
using Lotse.Features.Districts;
using Lotse.Features.Documents;
using Lotse.Features.Offers;
using Lotse.Features.Organizations;
using Lotse.Features.Positions;
using Lotse.Features.Privacy;
using Lotse.Features.Referrals;
using Lotse.Features.State;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Barrier = Lotse.Features.Barriers.Barrier;

namespace Lotse.Data;

/// <summary>
/// The one EF model of Lotse. Each database provider has its own subclass only so that it can carry
/// its own migration set (<see cref="SqliteLotseDbContext"/>, <see cref="PostgresLotseDbContext"/>).
/// </summary>
public abstract class LotseDbContext(DbContextOptions options)
    : IdentityDbContext<User, Role, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<District> Districts => Set<District>();

    public DbSet<CatalogEntry> CatalogEntries => Set<CatalogEntry>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<PersonalAccessToken> PersonalAccessTokens => Set<PersonalAccessToken>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Client> Clients => Set<Client>();

    public DbSet<ClientNameKey> ClientNameKeys => Set<ClientNameKey>();

    public DbSet<ClientCorrection> ClientCorrections => Set<ClientCorrection>();

    public DbSet<ResidenceStatus> ResidenceStatuses => Set<ResidenceStatus>();

    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CasePhaseChange> CasePhaseChanges => Set<CasePhaseChange>();

    public DbSet<EmergencyAccess> EmergencyAccesses => Set<EmergencyAccess>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<Goal> Goals => Set<Goal>();

    public DbSet<GoalStep> GoalSteps => Set<GoalStep>();

    public DbSet<Encounter> Encounters => Set<Encounter>();

    public DbSet<Deadline> Deadlines => Set<Deadline>();

    public DbSet<Appointment> Appointments => Set<Appointment>();

    public DbSet<CalendarFeed> CalendarFeeds => Set<CalendarFeed>();

    public DbSet<ShortConsultation> ShortConsultations => Set<ShortConsultation>();

    public DbSet<Offer> Offers => Set<Offer>();

    public DbSet<OfferLocation> OfferLocations => Set<OfferLocation>();

    public DbSet<Consent> Consents => Set<Consent>();

    public DbSet<Referral> Referrals => Set<Referral>();

    public DbSet<ReferralEvent> ReferralEvents => Set<ReferralEvent>();

    public DbSet<ReferralLink> ReferralLinks => Set<ReferralLink>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Document> Documents => Set<Document>();

    public DbSet<DocumentContent> DocumentContents => Set<DocumentContent>();

    public DbSet<Anonymisation> Anonymisations => Set<Anonymisation>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Barrier> Barriers => Set<Barrier>();

    public DbSet<BarrierCase> BarrierCases => Set<BarrierCase>();

    public DbSet<ImportedStatistics> ImportedStatistics => Set<ImportedStatistics>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LotseDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            // Ids are UUID v7 made by the app (Guid.CreateVersion7), never by the database. Saying so
            // lets EF insert an entity that was added through a navigation with its id already set.
            if (entity.FindPrimaryKey() is { Properties: [{ ClrType: var keyType } key] } && keyType == typeof(Guid))
            {
                key.ValueGenerated = Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never;
            }

            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
            }
        }
    }
}

/// <summary>The model on SQLite, the embedded default.</summary>
public sealed class SqliteLotseDbContext(DbContextOptions<SqliteLotseDbContext> options) : LotseDbContext(options);

/// <summary>The model on PostgreSQL, the production and scale-out engine.</summary>
public sealed class PostgresLotseDbContext(DbContextOptions<PostgresLotseDbContext> options) : LotseDbContext(options);
