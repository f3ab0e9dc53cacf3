using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Privacy;

/// <summary>
/// Turns a person into an anonymous record, for erasure (Art. 17 GDPR) and for the retention job.
/// Names, contact data, address, other spellings, documents, every free text of the person's cases,
/// consents and referrals, and every audit link to the person go; what the anonymous statistics
/// count stays: dates, district, sex, birth year, nationalities, languages, residence status kinds,
/// phases, access routes, closure reasons, need areas, ratings, goal results, contact kinds and
/// durations, referral status and outcomes. One transaction: all of it or nothing.
/// </summary>
public sealed class Anonymiser(LotseDbContext db, AuditLog audit, TimeProvider time)
{
    /// <summary>
    /// What erasure and retention do with each kind of personal record (<see cref="IPersonalData"/>,
    /// <see cref="IPersonalDataTrail"/>); the statements are the ones <c>ErasureTests</c> proves.
    /// A new personal entity fails <c>PersonalDataRegistryTests</c> until it is named here and handled below.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string> Handles = new Dictionary<Type, string>
    {
        [typeof(Client)] = "names, contact data and free texts blanked; birth year, sex and district kept for the statistics",
        [typeof(ClientAlias)] = "deleted",
        [typeof(ClientNameKey)] = "deleted",
        [typeof(ClientCorrection)] = "deleted",
        [typeof(ResidenceStatus)] = "document number blanked; kind and dates kept for the statistics",
        [typeof(Cases.Case)] = "free texts blanked",
        [typeof(Cases.CaseMember)] = "kept: points to the anonymised person",
        [typeof(Cases.CaseDeputy)] = "kept: names staff, not the person",
        [typeof(Cases.CasePhaseChange)] = "notes blanked",
        [typeof(Cases.EmergencyAccess)] = "reason replaced",
        [typeof(Cases.Assessment)] = "note blanked",
        [typeof(Cases.AssessmentRating)] = "texts blanked",
        [typeof(Cases.Goal)] = "title and result blanked",
        [typeof(Cases.GoalStep)] = "texts blanked",
        [typeof(Cases.Encounter)] = "note blanked",
        [typeof(Cases.Deadline)] = "title blanked",
        [typeof(Calendar.Appointment)] = "deleted",
        [typeof(Consents.Consent)] = "free texts blanked",
        [typeof(Consents.ConsentRecipient)] = "kept: names organisations only",
        [typeof(Referrals.Referral)] = "shared packet and texts blanked",
        [typeof(Referrals.ReferralEvent)] = "notes blanked",
        [typeof(Referrals.ReferralLink)] = "deleted",
        [typeof(Documents.Document)] = "deleted",
        [typeof(Documents.DocumentContent)] = "deleted",
        [typeof(Barriers.BarrierCase)] = "kept: counts the anonymous case for the barrier",
    };

    public const string Removed = "(anonymisiert)";

    /// <summary>Why the person cannot be anonymised now, or null when they can.</summary>
    public async Task<string?> RefusalAsync(Guid clientId, AnonymisationKind kind, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new { c.AnonymisedAt, c.RestrictedAt, c.LegalHoldSince }).SingleOrDefaultAsync(cancellationToken);
        if (client is null || client.AnonymisedAt is not null)
        {
            return "Diese Person ist bereits anonymisiert.";
        }

        if (client.RestrictedAt is not null)
        {
            return "Die Verarbeitung ist eingeschränkt (Art. 18 DSGVO). Heben Sie die Einschränkung zuerst auf.";
        }

        if (client.LegalHoldSince is not null)
        {
            return "Eine Aufbewahrungspflicht (Legal Hold) ist gesetzt. Heben Sie sie zuerst auf.";
        }

        if (kind == AnonymisationKind.Erasure && await db.Cases.AnyAsync(c => c.ClosedOn == null && (c.ClientId == clientId || c.Members.Any(m => m.ClientId == clientId)), cancellationToken))
        {
            return "Die Person hat noch einen offenen Fall. Schließen Sie ihn zuerst ab, damit Abschlussgrund und Zielerreichung in die Statistik eingehen.";
        }

        return null;
    }

    /// <summary>Anonymises the person; throws a <see cref="RuleViolationException"/> when <see cref="RefusalAsync"/> says why not.</summary>
    public async Task<Anonymisation> AnonymiseAsync(Guid clientId, AnonymisationKind kind, string? reason, CancellationToken cancellationToken)
    {
        if (await RefusalAsync(clientId, kind, cancellationToken) is { } refusal)
        {
            throw new RuleViolationException("erasure", refusal);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId, cancellationToken);
        var caseIds = await db.Cases.Where(c => c.ClientId == clientId).Select(c => c.Id).ToListAsync(cancellationToken);
        var goalIds = await db.Goals.Where(g => caseIds.Contains(g.CaseId)).Select(g => g.Id).ToListAsync(cancellationToken);
        var referralIds = await db.Referrals.Where(r => r.ClientId == clientId).Select(r => r.Id).ToListAsync(cancellationToken);
        var documentIds = await db.Documents.Where(d => d.ClientId == clientId).Select(d => d.Id).ToListAsync(cancellationToken);

        // Bulk statements, not tracked entities: the interceptor would otherwise write one audit entry,
        // linked to the person, per changed record; this operation writes one unlinked entry instead.
        await db.Clients.Where(c => c.Id == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.GivenName, (string?)null)
            .SetProperty(c => c.FamilyName, Removed)
            .SetProperty(c => c.BirthName, (string?)null)
            .SetProperty(c => c.BirthDate, client.BirthDate == null || client.BirthDate.Length < 4 ? null : client.BirthDate.Substring(0, 4))
            .SetProperty(c => c.Phone, (string?)null)
            .SetProperty(c => c.Email, (string?)null)
            .SetProperty(c => c.Street, (string?)null)
            .SetProperty(c => c.PostalCode, (string?)null)
            .SetProperty(c => c.City, (string?)null)
            .SetProperty(c => c.EntryDate, client.EntryDate == null ? null : new DateOnly(client.EntryDate.Value.Year, client.EntryDate.Value.Month, 1))
            .SetProperty(c => c.HouseholdId, (Guid?)null)
            .SetProperty(c => c.RestrictionReason, (string?)null)
            .SetProperty(c => c.LegalHoldReason, (string?)null)
            .SetProperty(c => c.AnonymisedAt, now)
            .SetProperty(c => c.UpdatedAt, now)
            .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        await db.Set<ClientAlias>().Where(a => a.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await db.ClientNameKeys.Where(k => k.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        await db.ClientCorrections.Where(c => c.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        // Stored API answers (kept a day for retries, ADR 016) that name the person or one of their
        // records: every answer about a person carries the client's or the case's id, in its body or Location.
        foreach (var id in caseIds.Concat(referralIds).Concat(documentIds).Prepend(clientId).Select(i => i.ToString()))
        {
            await db.IdempotencyRecords.Where(r => r.Body.Contains(id) || (r.Location != null && r.Location.Contains(id))).ExecuteDeleteAsync(cancellationToken);
        }
        await db.ResidenceStatuses.Where(r => r.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DocumentNumber, (string?)null), cancellationToken);

        foreach (var caseId in caseIds)
        {
            // A reference staff may have written on paper must not lead back to the record.
            var reference = "A-" + caseId.ToString("N")[20..];
            await db.Cases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Reference, reference)
                .SetProperty(c => c.ClosureNote, (string?)null)
                .SetProperty(c => c.AnonymisedAt, now)
                .SetProperty(c => c.UpdatedAt, now)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        }

        await db.CasePhaseChanges.Where(p => caseIds.Contains(p.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Note, (string?)null), cancellationToken);
        await db.EmergencyAccesses.Where(e => caseIds.Contains(e.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, Removed), cancellationToken);
        await db.Assessments.Where(a => caseIds.Contains(a.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(a => a.Note, (string?)null), cancellationToken);
        await db.Set<Cases.AssessmentRating>().Where(r => db.Assessments.Any(a => a.Id == r.AssessmentId && caseIds.Contains(a.CaseId)))
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Note, (string?)null).SetProperty(r => r.Resources, (string?)null), cancellationToken);
        await db.Goals.Where(g => caseIds.Contains(g.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.Title, Removed).SetProperty(g => g.Result, (string?)null).SetProperty(g => g.Version, g => g.Version + 1), cancellationToken);
        await db.GoalSteps.Where(t => goalIds.Contains(t.GoalId)).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Title, Removed).SetProperty(t => t.PartnerName, (string?)null), cancellationToken);
        await db.Encounters.Where(e => caseIds.Contains(e.CaseId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, (string?)null), cancellationToken);
        await db.Deadlines.Where(d => caseIds.Contains(d.CaseId)).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Title, Removed).SetProperty(d => d.Version, d => d.Version + 1), cancellationToken);
        await db.Appointments.Where(a => a.CaseId != null && caseIds.Contains(a.CaseId.Value)).ExecuteDeleteAsync(cancellationToken);
        await db.Consents.Where(c => c.ClientId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PurposeText, (string?)null).SetProperty(c => c.WithdrawalNote, (string?)null).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        await db.Referrals.Where(r => r.ClientId == clientId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Message, (string?)null).SetProperty(r => r.Packet, (string?)null).SetProperty(r => r.AnswerNote, (string?)null)
            .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        await db.ReferralEvents.Where(e => referralIds.Contains(e.ReferralId)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Note, (string?)null), cancellationToken);
        await db.ReferralLinks.Where(l => referralIds.Contains(l.ReferralId)).ExecuteDeleteAsync(cancellationToken);
        await db.DocumentContents.Where(c => documentIds.Contains(c.DocumentId)).ExecuteDeleteAsync(cancellationToken);
        await db.Documents.Where(d => documentIds.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);

        // The audit log keeps who did what when, but no longer to whom (ADR 011).
        List<Guid> linked = [clientId, .. caseIds, .. goalIds, .. referralIds, .. documentIds];
        await db.AuditEntries.Where(a => a.ClientId == clientId || (a.EntityId != null && linked.Contains(a.EntityId.Value)))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientId, (Guid?)null).SetProperty(a => a.EntityId, (Guid?)null), cancellationToken);

        var record = new Anonymisation
        {
            At = now,
            Kind = kind,
            OrganizationId = client.OrganizationId,
            UserId = kind == AnonymisationKind.Erasure ? audit.ActorId : null,
            Cases = caseIds.Count,
            Documents = documentIds.Count,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()[..Math.Min(reason.Trim().Length, 500)],
        };
        db.Anonymisations.Add(record);
        db.AuditEntries.Add(audit.Entry(AuditOperation.Delete, nameof(Client), null, null, kind == AnonymisationKind.Erasure ? "art17" : "retention"));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return record;
    }
}
