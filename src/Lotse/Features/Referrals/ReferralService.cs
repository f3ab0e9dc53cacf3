using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Organizations;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lotse.Features.Referrals;

/// <summary>What the case manager chose for a new referral.</summary>
public sealed record ReferralDraft(
    ReferralKind Kind,
    Guid? OfferId,
    Guid? RecipientOrganizationId,
    string? NeedAreaCode,
    Guid? GoalId,
    IReadOnlyCollection<DataCategory> Fields,
    string? Message);

/// <summary>The recipient's answer: a reason or outcome code, a proposed offer, a note.</summary>
public sealed record ReferralAnswer(string? ReasonCode = null, Guid? ProposedOfferId = null, string? Note = null);

/// <summary>
/// Referrals from a case to an offer or an authority: the consent check, the packet, the lifecycle
/// on both sides and the single-use answer links.
/// </summary>
public sealed partial class ReferralService(LotseDbContext db, TimeProvider time, LocalZone zone, IOptionsMonitor<LotseOptions> options)
{
    public static readonly JsonSerializerOptions PacketJson = new(JsonSerializerDefaults.Web);

    public DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public static readonly OrganizationKind[] AuthorityKinds =
        [OrganizationKind.ForeignersAuthority, OrganizationKind.NaturalisationAuthority, OrganizationKind.Jobcenter];

    public Task<Referral?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Referrals.Include(r => r.Offer).Include(r => r.ProposedOffer).Include(r => r.RecipientOrganization).Include(r => r.SenderOrganization)
            .Include(r => r.Consent).ThenInclude(c => c!.Recipients).Include(r => r.Events)
            .AsSplitQuery().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<List<Referral>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken = default) =>
        db.Referrals.Include(r => r.Offer).Include(r => r.RecipientOrganization).Include(r => r.Events)
            .Where(r => r.CaseId == caseId).OrderByDescending(r => r.CreatedAt).AsSplitQuery().ToListAsync(cancellationToken);

    /// <summary>The organisation's inbox: everything sent to it, never drafts.</summary>
    public IQueryable<Referral> Inbox(Guid organizationId) =>
        db.Referrals.Where(r => r.RecipientOrganizationId == organizationId && r.Status != ReferralStatus.Draft);

    /// <summary>The day by which a sent referral should have had its first answer.</summary>
    public DateOnly AnswerDue(Referral referral) =>
        WorkingDays.Add(zone.DateOf(referral.SentAt ?? referral.CreatedAt), options.CurrentValue.Referrals.AnswerWithinWorkingDays);

    public bool IsOverdue(Referral referral) => referral.Status == ReferralStatus.Sent && AnswerDue(referral) < Today;

    /// <summary>The recipient sees the packet only while the referral stands and its consent is active.</summary>
    public bool PacketVisible(Referral referral) =>
        referral.Packet is not null && referral.Status is not (ReferralStatus.Draft or ReferralStatus.Withdrawn)
        && referral.Consent is { } consent && consent.IsActiveOn(Today);

    public static ReferralPacket? ReadPacket(Referral referral) =>
        referral.Packet is null ? null : JsonSerializer.Deserialize<ReferralPacket>(referral.Packet, PacketJson);

    public async Task<Referral> CreateAsync(Case @case, ReferralDraft draft, Guid actorId, bool send, CancellationToken cancellationToken = default)
    {
        if (@case.Phase == CasePhase.Closed)
        {
            throw new RuleViolationException(string.Empty, "Der Fall ist abgeschlossen; öffnen Sie ihn wieder, um zu vermitteln.");
        }

        Guid recipientId;
        Guid? offerId = null;
        var needArea = draft.NeedAreaCode;
        if (draft.Kind == ReferralKind.Offer)
        {
            var offer = await db.Offers.SingleOrDefaultAsync(o => o.Id == draft.OfferId && o.IsActive, cancellationToken)
                ?? throw new RuleViolationException("offerId", "Bitte wählen Sie ein aktives Angebot aus dem Verzeichnis.");
            if (!offer.AcceptsReferrals)
            {
                throw new RuleViolationException("offerId", "Dieses Angebot nimmt keine Vermittlungen über Lotse an.");
            }

            recipientId = offer.OrganizationId;
            offerId = offer.Id;
            needArea ??= offer.NeedAreaCodes.FirstOrDefault();
            if (needArea is not null && !offer.NeedAreaCodes.Contains(needArea))
            {
                throw new RuleViolationException("needArea", "Das Angebot gehört nicht zu diesem Handlungsfeld.");
            }
        }
        else
        {
            recipientId = await db.Organizations.Where(o => o.Id == draft.RecipientOrganizationId && o.IsActive && AuthorityKinds.Contains(o.Kind))
                .Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new RuleViolationException("recipientOrganizationId", "Anfragen gehen an die Ausländerbehörde, die Einbürgerungsbehörde oder das Jobcenter.");
        }

        if (string.IsNullOrWhiteSpace(needArea) || !await db.IsCatalogCodeAsync(CatalogKind.NeedArea, needArea, activeOnly: false, cancellationToken))
        {
            throw new RuleViolationException("needArea", "Bitte wählen Sie den Zweck (Handlungsfeld) der Vermittlung.");
        }

        if (draft.GoalId is { } goalId && !await db.Goals.AnyAsync(g => g.Id == goalId && g.CaseId == @case.Id, cancellationToken))
        {
            throw new RuleViolationException("goalId", "Das Ziel gehört nicht zu diesem Fall.");
        }

        var message = string.IsNullOrWhiteSpace(draft.Message) ? null : draft.Message.Trim();
        var fields = draft.Fields.Where(f => f != DataCategory.Message).Distinct().ToList();
        if (message is not null)
        {
            fields.Add(DataCategory.Message);
        }

        if (fields.Count == 0)
        {
            throw new RuleViolationException("fields", "Bitte wählen Sie die Angaben, die weitergegeben werden – so wenige wie nötig.");
        }

        var referral = new Referral
        {
            CaseId = @case.Id,
            ClientId = @case.ClientId,
            SenderOrganizationId = @case.OrganizationId,
            SenderUserId = actorId,
            Kind = draft.Kind,
            OfferId = offerId,
            RecipientOrganizationId = recipientId,
            NeedAreaCode = needArea,
            GoalId = draft.GoalId,
            SharedFields = [.. fields.Order()],
            Message = message,
        };
        referral.Events.Add(new ReferralEvent { At = Now, To = ReferralStatus.Draft, UserId = actorId });
        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        db.Referrals.Add(referral);
        if (send)
        {
            await SendCoreAsync(referral, actorId, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return referral;
    }

    /// <summary>Takes an action on the referral, checking the lifecycle and the side that acts.</summary>
    public async Task<string?> ActAsync(Referral referral, ReferralAction action, ReferralSide side, Guid? userId, ReferralAnswer answer,
        ReferralLink? link = null, CancellationToken cancellationToken = default)
    {
        if (ReferralRules.SideOf(action) != side)
        {
            throw new RuleViolationException("action", "Diese Aktion steht nur der anderen Seite der Vermittlung zu.");
        }

        var target = ReferralRules.Target(action, referral.Status)
            ?? throw new RuleViolationException("action", "Im Status „{0}“ ist diese Aktion nicht möglich.", ReferralRules.StatusCode(referral.Status));
        if (side == ReferralSide.Recipient && !PacketVisible(referral))
        {
            throw new RuleViolationException("action", "Die Vermittlung steht nicht mehr zur Verfügung: Sie wurde zurückgezogen oder die Einwilligung ist erloschen.");
        }

        var note = string.IsNullOrWhiteSpace(answer.Note) ? null : answer.Note.Trim();
        string? reason = null;
        switch (action)
        {
            case ReferralAction.Send:
                await using (var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken))
                {
                    await SendCoreAsync(referral, userId ?? Guid.Empty, cancellationToken);
                    await SaveAsync(cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                }

                return null;
            case ReferralAction.Decline:
                reason = answer.ReasonCode;
                if (reason is null || !await db.IsCatalogCodeAsync(CatalogKind.ReferralDeclineReason, reason, cancellationToken: cancellationToken))
                {
                    throw new RuleViolationException("reason", "Bitte wählen Sie einen Grund für die Ablehnung.");
                }

                referral.DeclineReasonCode = reason;
                break;
            case ReferralAction.Complete:
                reason = answer.ReasonCode;
                if (reason is null || !await db.IsCatalogCodeAsync(CatalogKind.ReferralOutcome, reason, cancellationToken: cancellationToken))
                {
                    throw new RuleViolationException("outcome", "Bitte wählen Sie das Ergebnis.");
                }

                referral.OutcomeCode = reason;
                break;
            case ReferralAction.Redirect:
                if (answer.ProposedOfferId is { } proposed)
                {
                    if (proposed == referral.OfferId || !await db.Offers.AnyAsync(o => o.Id == proposed && o.IsActive, cancellationToken))
                    {
                        throw new RuleViolationException("proposedOfferId", "Bitte wählen Sie ein anderes aktives Angebot aus dem Verzeichnis.");
                    }

                    referral.ProposedOfferId = proposed;
                }
                else if (note is null)
                {
                    throw new RuleViolationException("proposedOfferId", "Bitte schlagen Sie ein Angebot vor oder beschreiben Sie, wohin die Person sich wenden kann.");
                }

                break;
        }

        var now = Now;
        referral.Events.Add(new ReferralEvent { At = now, From = referral.Status, To = target, UserId = userId, ViaLink = link is not null, ReasonCode = reason, Note = note });
        referral.Status = target;
        if (side == ReferralSide.Recipient)
        {
            referral.FirstAnsweredAt ??= now;
            referral.AnswerNote = note ?? referral.AnswerNote;
        }

        if (ReferralRules.Terminal.Contains(target))
        {
            referral.ClosedAt = now;
        }

        string? nextToken = null;
        if (link is not null)
        {
            // Single use: this link is spent; while the referral stays open the answer page hands out the next one.
            link.UsedAt = now;
            if (!ReferralRules.Terminal.Contains(target))
            {
                nextToken = AddLink(referral.Id, null);
            }
        }

        await SaveAsync(cancellationToken);
        return nextToken;
    }

    // A concurrent change of the referral is not caught here: the API answers 409 with the current
    // status, pages lead back with the saved state (ADR 016).
    private Task<int> SaveAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
