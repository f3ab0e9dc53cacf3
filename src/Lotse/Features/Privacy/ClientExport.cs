using System.Security.Claims;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Referrals;
using Lotse.Features.Users;
using Lotse.Security;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Privacy;

public sealed record ResidenceDto(string Kind, string KindLabel, string? LegalBasis, DateOnly? ValidFrom, DateOnly? ValidUntil, string? DocumentNumber, bool ResidenceObligation);

public sealed record PhaseDto(DateTime At, CasePhase? From, CasePhase To, string? By, string? Note);

public sealed record ExportReferral(ReferralDto Referral, string Recipient, string? Offer, ReferralPacket? SharedData);

public sealed record ExportEmergency(DateTime GrantedAt, DateOnly Until, string? User, string Reason);

public sealed record ExportBarrier(DateTime At, string Institution, string Category);

public sealed record ExportDocument(DateTime UploadedAt, string FileName, string ContentType, long Size, string? Description, string? Case);

public sealed record ExportCase(
    CaseDto Case, string Organization, string? Responsible, IReadOnlyList<PhaseDto> Phases, IReadOnlyList<AssessmentDto> Assessments,
    IReadOnlyList<GoalDto> Goals, IReadOnlyList<EncounterDto> Encounters, IReadOnlyList<DeadlineDto> Deadlines, IReadOnlyList<ExportReferral> Referrals,
    IReadOnlyList<ExportEmergency> EmergencyAccesses, IReadOnlyList<ExportBarrier> Barriers);

public sealed record ExportConsent(ConsentDto Consent, IReadOnlyList<string> Recipients);

public sealed record ExportAccess(string User, string? Organization, int Count, DateTime Last);


/// <summary>Everything Lotse holds about one person (Art. 15 GDPR), including with whom it was shared.</summary>
public sealed record ClientExportData(
    DateTime CreatedAt, string Controller, ClientDto Client, IReadOnlyList<ResidenceDto> ResidenceStatuses, IReadOnlyList<ExportConsent> Consents,
    IReadOnlyList<ExportCase> Cases, IReadOnlyList<ExportDocument> Documents, IReadOnlyList<ExportAccess> Accesses, IReadOnlyList<ClientCorrectionEntry> Corrections);

/// <summary>
/// The Art. 15 export. It is the organisation's answer, so it covers every case of the person, not
/// only those the requesting user works; who may create it is <see cref="ClientOperation.ExerciseRights"/>,
/// and every export is audited.
/// </summary>
public sealed class ClientExport(LotseDbContext db, AuditSearch accessSearch, ClientCorrections corrections, TimeProvider time)
{
    /// <summary>
    /// The personal records the export answers with (<see cref="IPersonalData"/>); a new one fails
    /// <c>PersonalDataRegistryTests</c> until it is part of the export and named here.
    /// </summary>
    public static readonly IReadOnlySet<Type> Covers = new HashSet<Type>
    {
        typeof(Client), typeof(ClientAlias), typeof(ResidenceStatus), typeof(Case), typeof(CaseMember), typeof(CaseDeputy), typeof(EmergencyAccess),
        typeof(Assessment), typeof(AssessmentRating), typeof(Goal), typeof(GoalStep), typeof(Encounter), typeof(Deadline),
        typeof(Consent), typeof(ConsentRecipient), typeof(Referral), typeof(ReferralEvent), typeof(Documents.Document), typeof(Barriers.BarrierCase),
    };

    public async Task<ClientExportData> BuildAsync(Client client, CancellationToken cancellationToken)
    {
        var kinds = await CatalogLabels.LoadAsync(db, CatalogKind.ResidenceStatusKind, cancellationToken: cancellationToken);
        await db.Entry(client).Collection(c => c.OtherSpellings).LoadAsync(cancellationToken);
        await db.Entry(client).Collection(c => c.ResidenceStatuses).LoadAsync(cancellationToken);
        var organization = await db.Organizations.Where(o => o.Id == client.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var names = await db.Users.Where(u => u.OrganizationId == client.OrganizationId).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);

        var consents = await db.Consents.Include(c => c.Recipients).Where(c => c.ClientId == client.Id).OrderBy(c => c.GivenOn).ToListAsync(cancellationToken);
        var cases = await db.Cases.Where(c => c.ClientId == client.Id || c.Members.Any(m => m.ClientId == client.Id))
            .Include(c => c.Client).Include(c => c.Members).Include(c => c.Deputies).Include(c => c.PhaseChanges).Include(c => c.EmergencyAccesses)
            .OrderBy(c => c.OpenedOn).AsSplitQuery().ToListAsync(cancellationToken);
        var exportCases = new List<ExportCase>();
        foreach (var c in cases)
        {
            var assessments = await db.Assessments.Include(a => a.Ratings).Where(a => a.CaseId == c.Id).OrderBy(a => a.Date).ToListAsync(cancellationToken);
            var goals = await db.Goals.Include(g => g.Steps).Where(g => g.CaseId == c.Id).OrderBy(g => g.AgreedOn).ToListAsync(cancellationToken);
            var encounters = await db.Encounters.Where(e => e.CaseId == c.Id).OrderBy(e => e.At).ToListAsync(cancellationToken);
            var deadlines = await db.Deadlines.Where(d => d.CaseId == c.Id).OrderBy(d => d.DueOn).ToListAsync(cancellationToken);
            var referrals = await db.Referrals.Include(r => r.Events).Include(r => r.Offer).Where(r => r.CaseId == c.Id).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
            var barriers = await db.BarrierCases.Where(b => b.CaseId == c.Id).OrderBy(b => b.At)
                .Join(db.Barriers, l => l.BarrierId, b => b.Id, (l, b) => new { l.At, b.Institution, b.Category }).ToListAsync(cancellationToken);
            exportCases.Add(new ExportCase(
                CaseDto.From(c),
                organizations.GetValueOrDefault(c.OrganizationId, string.Empty),
                names.GetValueOrDefault(c.ResponsibleUserId),
                [.. c.PhaseChanges.OrderBy(p => p.At).Select(p => new PhaseDto(DateTime.SpecifyKind(p.At, DateTimeKind.Utc), p.From, p.To, names.GetValueOrDefault(p.UserId), p.Note))],
                [.. assessments.Select(AssessmentDto.From)],
                [.. goals.Select(GoalDto.From)],
                [.. encounters.Select(EncounterDto.From)],
                [.. deadlines.Select(DeadlineDto.From)],
                [.. referrals.Select(r => new ExportReferral(ReferralDto.From(r), organizations.GetValueOrDefault(r.RecipientOrganizationId, string.Empty), r.Offer?.Name, ReferralService.ReadPacket(r)))],
                [.. c.EmergencyAccesses.OrderBy(e => e.GrantedAt).Select(e => new ExportEmergency(DateTime.SpecifyKind(e.GrantedAt, DateTimeKind.Utc), e.Until, names.GetValueOrDefault(e.UserId), e.Reason))],
                [.. barriers.Select(b => new ExportBarrier(DateTime.SpecifyKind(b.At, DateTimeKind.Utc), b.Institution, Barriers.BarrierNames.CategoryName(b.Category)))]));
        }

        var accesses = await accessSearch.AccessesToClientAsync(client.Id, cancellationToken);
        var references = cases.ToDictionary(c => c.Id, c => c.Reference);
        var documents = await db.Documents.AsNoTracking().Where(d => d.ClientId == client.Id).OrderBy(d => d.UploadedAt).ToListAsync(cancellationToken);

        return new ClientExportData(
            time.GetUtcNow().UtcDateTime,
            organization,
            ClientDto.From(client),
            [.. client.ResidenceStatuses.OrderBy(s => s.ValidFrom).Select(s => new ResidenceDto(s.KindCode, kinds.GetValueOrDefault(s.KindCode, s.KindCode), s.LegalBasis, s.ValidFrom, s.ValidUntil, s.DocumentNumber, s.ResidenceObligation))],
            [.. consents.Select(c => new ExportConsent(ConsentDto.From(c, today), [.. c.Recipients.Select(r => organizations.GetValueOrDefault(r.OrganizationId, string.Empty))]))],
            exportCases,
            [.. documents.Select(d => new ExportDocument(DateTime.SpecifyKind(d.UploadedAt, DateTimeKind.Utc), d.FileName, d.ContentType, d.Size, d.Description,
                d.CaseId is { } caseId ? references.GetValueOrDefault(caseId) : null))],
            [.. accesses.Select(a => new ExportAccess(a.User, a.Organization, a.Count, a.Last))],
            [.. (await corrections.ListAsync(client.Id, cancellationToken))]);
    }
}
