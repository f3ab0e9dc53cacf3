using Lotse.Features.Audit;
using Lotse.Features.Barriers;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Districts;
using Lotse.Features.Documents;
using Lotse.Features.Offers;
using Lotse.Features.Organizations;
using Lotse.Features.Positions;
using Lotse.Features.Referrals;
using Lotse.Features.Tokens;
using Lotse.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lotse.Data;

/// <summary>
/// Adds an audit entry for every created, changed or deleted record of personal data, and every
/// administrative change, to the same save, naming the changed fields but never their values. A
/// corrected person's old and new values go to the person's own correction trail (Art. 16).
/// </summary>
public sealed class AuditInterceptor(IServiceProvider services) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LotseDbContext db)
        {
            await AddEntriesAsync(db, cancellationToken);
        }

        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LotseDbContext db && db.Database.CurrentTransaction is null)
        {
            services.GetService<AuditSealSignal>()?.Notify();
        }

        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LotseDbContext db)
        {
            AddEntriesAsync(db, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return base.SavingChanges(eventData, result);
    }

    private async ValueTask AddEntriesAsync(LotseDbContext db, CancellationToken cancellationToken)
    {
        var all = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        var changed = all.Where(e => IsPersonal(e.Entity)).ToList();
        var administrative = all.Where(e => IsAdministrative(e.Entity)).ToList();
        if (changed.Count == 0 && administrative.Count == 0)
        {
            return;
        }

        var log = services.GetRequiredService<AuditLog>();
        foreach (var entry in administrative)
        {
            var operation = OperationOf(entry);
            var fields = operation == AuditOperation.Update ? ChangedFields(entry) : null;
            if (operation != AuditOperation.Update || !string.IsNullOrEmpty(fields))
            {
                db.AuditEntries.Add(log.Entry(operation, entry.Metadata.ClrType.Name, AdministrativeKeyOf(entry), null, fields));
            }
        }
        var caseClients = new Dictionary<Guid, Guid?>();
        // Whether each person was restricted before this save; tracked persons are read from the tracker once.
        var restriction = db.ChangeTracker.Entries<Client>()
            .ToDictionary(c => c.Entity.Id, c => c.State != EntityState.Added && c.Property(x => x.RestrictedAt).OriginalValue is not null);
        foreach (var entry in changed)
        {
            var operation = OperationOf(entry);
            var fields = operation == AuditOperation.Update ? ChangedFields(entry) : null;
            if (operation == AuditOperation.Update && string.IsNullOrEmpty(fields))
            {
                continue;
            }

            var clientId = await ClientOfAsync(db, entry, caseClients, cancellationToken);
            if (clientId is { } restrictedClient && !IsRestrictionChange(entry) && await IsRestrictedAsync(db, restrictedClient, restriction, cancellationToken))
            {
                throw new RuleViolationException("restricted", "Die Verarbeitung der Daten dieser Person ist eingeschränkt (Art. 18 DSGVO). Änderungen sind erst nach Aufhebung der Einschränkung möglich.");
            }

            db.AuditEntries.Add(log.Entry(operation, entry.Metadata.ClrType.Name, KeyOf(entry), clientId, fields));
            if (entry is { Entity: Client, State: EntityState.Modified })
            {
                db.Set<ClientCorrection>().AddRange(ClientCorrection.Of(entry.Context.Entry((Client)entry.Entity), log.Now, log.ActorId));
            }
        }
    }

    private static AuditOperation OperationOf(EntityEntry entry) => entry.State switch
    {
        EntityState.Added => AuditOperation.Create,
        EntityState.Deleted => AuditOperation.Delete,
        _ => AuditOperation.Update,
    };

    /// <summary>Bookkeeping that changes with every sign-in or save, not what anyone changed.</summary>
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(IVersioned.Version), nameof(IStamped.UpdatedAt), nameof(User.ConcurrencyStamp), nameof(User.SecurityStamp),
        nameof(User.AccessFailedCount), nameof(User.LockoutEnd),
    ];

    private static string ChangedFields(EntityEntry entry) =>
        string.Join(',', entry.Properties.Where(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name)).Select(p => p.Metadata.Name));

    /// <summary>Users, roles, organisations, teams, districts, catalogues, positions, offers and tokens: what administrators change.</summary>
    private static bool IsAdministrative(object entity) => entity is User or IdentityUserRole<Guid> or Organization or Team or District
        or CatalogEntry or Position or Offer or PersonalAccessToken;

    private static Guid? AdministrativeKeyOf(EntityEntry entry) => entry.Entity switch
    {
        User u => u.Id,
        IdentityUserRole<Guid> r => r.UserId,
        Organization o => o.Id,
        Team t => t.Id,
        District d => d.Id,
        CatalogEntry c => c.Id,
        Position p => p.Id,
        Offer o => o.Id,
        PersonalAccessToken t => t.Id,
        _ => null,
    };

    /// <summary>Setting or lifting the restriction (and a legal hold, which keeps data longer) are the changes allowed while it holds.</summary>
    private static bool IsRestrictionChange(EntityEntry entry) =>
        entry.Entity is Client && entry.State == EntityState.Modified
        && entry.Properties.Where(p => p.IsModified).All(p => p.Metadata.Name is nameof(Client.RestrictedAt) or nameof(Client.RestrictedByUserId)
            or nameof(Client.RestrictionReason) or nameof(Client.LegalHoldSince) or nameof(Client.LegalHoldReason) or nameof(IVersioned.Version) or nameof(IStamped.UpdatedAt));

    /// <summary>Whether the person is restricted, as stored before this save; asked of the database once per untracked person and save.</summary>
    private static async Task<bool> IsRestrictedAsync(LotseDbContext db, Guid clientId, Dictionary<Guid, bool> known, CancellationToken cancellationToken)
    {
        if (known.TryGetValue(clientId, out var restricted))
        {
            return restricted;
        }

        restricted = await db.Clients.AnyAsync(c => c.Id == clientId && c.RestrictedAt != null, cancellationToken);
        known[clientId] = restricted;
        return restricted;
    }

    /// <summary>Declared on the entity (<see cref="IPersonalData"/>), not listed here.</summary>
    private static bool IsPersonal(object entity) => entity is IPersonalData;

    private static Guid? KeyOf(EntityEntry entry) => KeyOf(entry.Entity);

    /// <summary>The id an entry of this record names; every <see cref="IPersonalData"/> type has one (a test checks).</summary>
    internal static Guid? KeyOf(object entity) => entity switch
    {
        Client c => c.Id,
        ClientAlias a => a.Id,
        ResidenceStatus r => r.Id,
        Case c => c.Id,
        CaseMember m => m.ClientId,
        CaseDeputy d => d.UserId,
        Assessment a => a.Id,
        AssessmentRating r => r.AssessmentId,
        Goal g => g.Id,
        GoalStep s => s.Id,
        Encounter e => e.Id,
        Deadline d => d.Id,
        Consent c => c.Id,
        EmergencyAccess e => e.Id,
        ConsentRecipient r => r.ConsentId,
        Referral r => r.Id,
        ReferralEvent e => e.ReferralId,
        Document d => d.Id,
        BarrierCase b => b.BarrierId,
        _ => null,
    };

    private static async ValueTask<Guid?> ClientOfAsync(LotseDbContext db, EntityEntry entry, Dictionary<Guid, Guid?> caseClients, CancellationToken cancellationToken)
    {
        Guid? caseId = entry.Entity switch
        {
            Client c => null,
            Case c => null,
            CaseMember m => m.CaseId,
            CaseDeputy d => d.CaseId,
            Assessment a => a.CaseId,
            Goal g => g.CaseId,
            Encounter e => e.CaseId,
            Deadline d => d.CaseId,
            BarrierCase b => b.CaseId,
            _ => null,
        };
        switch (entry.Entity)
        {
            case Client client:
                return client.Id;
            case ClientAlias alias:
                return alias.ClientId;
            case ResidenceStatus status:
                return status.ClientId;
            case Case @case:
                return @case.ClientId;
            case Consent consent:
                return consent.ClientId;
            case EmergencyAccess emergency:
                return emergency.ClientId;
            case Referral referral:
                return referral.ClientId;
            case Document document:
                return document.ClientId;
            case ConsentRecipient recipient:
                return db.ChangeTracker.Entries<Consent>().FirstOrDefault(c => c.Entity.Id == recipient.ConsentId)?.Entity.ClientId
                    ?? await db.Consents.Where(c => c.Id == recipient.ConsentId).Select(c => (Guid?)c.ClientId).SingleOrDefaultAsync(cancellationToken);
            case ReferralEvent referralEvent:
                return db.ChangeTracker.Entries<Referral>().FirstOrDefault(r => r.Entity.Id == referralEvent.ReferralId)?.Entity.ClientId
                    ?? await db.Referrals.Where(r => r.Id == referralEvent.ReferralId).Select(r => (Guid?)r.ClientId).SingleOrDefaultAsync(cancellationToken);
            case GoalStep step:
                caseId = db.ChangeTracker.Entries<Goal>().FirstOrDefault(g => g.Entity.Id == step.GoalId)?.Entity.CaseId
                    ?? await db.Goals.Where(g => g.Id == step.GoalId).Select(g => (Guid?)g.CaseId).SingleOrDefaultAsync(cancellationToken);
                break;
            case AssessmentRating rating:
                caseId = db.ChangeTracker.Entries<Assessment>().FirstOrDefault(a => a.Entity.Id == rating.AssessmentId)?.Entity.CaseId
                    ?? await db.Assessments.Where(a => a.Id == rating.AssessmentId).Select(a => (Guid?)a.CaseId).SingleOrDefaultAsync(cancellationToken);
                break;
        }

        if (caseId is not { } id)
        {
            return null;
        }

        if (!caseClients.TryGetValue(id, out var clientId))
        {
            clientId = db.ChangeTracker.Entries<Case>().FirstOrDefault(c => c.Entity.Id == id)?.Entity.ClientId
                ?? await db.Cases.Where(c => c.Id == id).Select(c => (Guid?)c.ClientId).SingleOrDefaultAsync(cancellationToken);
            caseClients[id] = clientId;
        }

        return clientId;
    }
}
