using Lotse.Data;
using Lotse.Features.Catalogs;
using Lotse.Features.Organizations;
using Lotse.Features.Referrals;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Consents;

public sealed record ConsentInput(
    ConsentKind Kind,
    IReadOnlyCollection<Guid> RecipientOrganizationIds,
    IReadOnlyCollection<string> PurposeCodes,
    string? PurposeText,
    IReadOnlyCollection<DataCategory> Categories,
    DateOnly? GivenOn,
    DateOnly? ValidUntil,
    string? FormLanguage,
    bool SignedCopyOnFile);

/// <summary>Recording and withdrawing consents. Withdrawal takes effect at once, also on referrals resting on it.</summary>
public sealed class ConsentService(LotseDbContext db, TimeProvider time)
{
    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public Task<List<Consent>> ForClientAsync(Guid clientId, CancellationToken cancellationToken = default) =>
        db.Consents.Include(c => c.Recipients).ThenInclude(r => r.Organization)
            .Where(c => c.ClientId == clientId).OrderByDescending(c => c.GivenOn).ThenByDescending(c => c.CreatedAt)
            .ToListAsync(cancellationToken);

    public Task<Consent?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Consents.Include(c => c.Client).Include(c => c.Recipients).ThenInclude(r => r.Organization)
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    /// <summary>Organisations a consent can name: every active one except the client's own.</summary>
    public Task<List<Organization>> RecipientChoicesAsync(Guid ownOrganizationId, CancellationToken cancellationToken = default) =>
        db.Organizations.Where(o => o.IsActive && o.Id != ownOrganizationId).OrderBy(o => o.Name).ToListAsync(cancellationToken);

    public async Task<Consent> RecordAsync(Guid clientId, Guid organizationId, Guid actorId, ConsentInput input, CancellationToken cancellationToken = default)
    {
        var givenOn = input.GivenOn ?? throw new RuleViolationException("givenOn", "Bitte geben Sie an, wann die Einwilligung erteilt wurde.");
        if (givenOn > Today)
        {
            throw new RuleViolationException("givenOn", "Eine Einwilligung wird vorher erteilt; das Datum darf nicht in der Zukunft liegen.");
        }

        if (input.ValidUntil is { } until && until < givenOn)
        {
            throw new RuleViolationException("validUntil", "„Gültig bis“ darf nicht vor dem Datum der Einwilligung liegen.");
        }

        if (input.FormLanguage is { Length: > 0 } language && ConsentFormTexts.Find(language) is null)
        {
            throw new RuleViolationException("formLanguage", "Für diese Sprache gibt es kein Einwilligungsformular.");
        }

        var consent = new Consent
        {
            ClientId = clientId,
            OrganizationId = organizationId,
            Kind = input.Kind,
            GivenOn = givenOn,
            ValidUntil = input.ValidUntil,
            FormVersion = ConsentFormTexts.FormVersion,
            FormLanguage = string.IsNullOrWhiteSpace(input.FormLanguage) ? null : input.FormLanguage.ToLowerInvariant(),
            SignedCopyOnFile = input.SignedCopyOnFile,
            RecordedByUserId = actorId,
            PurposeText = string.IsNullOrWhiteSpace(input.PurposeText) ? null : input.PurposeText.Trim(),
        };

        if (input.Kind == ConsentKind.Sharing)
        {
            // Never a blanket consent: each recipient, each purpose and each data category is named.
            var recipients = input.RecipientOrganizationIds.Distinct().ToList();
            if (recipients.Count == 0)
            {
                throw new RuleViolationException("recipients", "Bitte nennen Sie jede Stelle, an die Daten gehen dürfen. Eine pauschale Einwilligung ist unwirksam.");
            }

            if (await db.Organizations.CountAsync(o => recipients.Contains(o.Id) && o.IsActive && o.Id != organizationId, cancellationToken) != recipients.Count)
            {
                throw new RuleViolationException("recipients", "Bitte wählen Sie die Empfänger aus der Liste.");
            }

            var purposes = input.PurposeCodes.Distinct(StringComparer.Ordinal).ToList();
            if (purposes.Count == 0)
            {
                throw new RuleViolationException("purposes", "Bitte nennen Sie den Zweck (Handlungsfeld) der Weitergabe.");
            }

            var known = await db.CatalogCodesAsync(CatalogKind.NeedArea, cancellationToken);
            if (purposes.Any(p => !known.Contains(p)))
            {
                throw new RuleViolationException("purposes", "Bitte wählen Sie die Zwecke aus der Liste.");
            }

            if (input.Categories.Count == 0)
            {
                throw new RuleViolationException("categories", "Bitte nennen Sie die Daten, die weitergegeben werden dürfen.");
            }

            consent.Recipients.AddRange(recipients.Select(id => new ConsentRecipient { OrganizationId = id }));
            consent.PurposeCodes = purposes;
            consent.Categories = [.. input.Categories.Distinct().Order()];
        }

        db.Consents.Add(consent);
        await db.SaveChangesAsync(cancellationToken);
        return consent;
    }

    /// <summary>
    /// Withdraws a consent at once. Referrals resting on it that are still open are withdrawn too;
    /// every recipient loses access to the packet at the same moment.
    /// </summary>
    public async Task<int> WithdrawAsync(Consent consent, Guid actorId, string? note, CancellationToken cancellationToken = default)
    {
        if (consent.WithdrawnAt is not null)
        {
            throw new RuleViolationException(string.Empty, "Die Einwilligung ist bereits widerrufen.");
        }

        await using var transaction = await db.Database.BeginOrJoinTransactionAsync(cancellationToken);
        consent.WithdrawnAt = Now;
        consent.WithdrawnByUserId = actorId;
        consent.WithdrawalNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var open = await db.Referrals.Where(r => r.ConsentId == consent.Id && !ReferralRules.Terminal.Contains(r.Status)).ToListAsync(cancellationToken);
        foreach (var referral in open)
        {
            referral.Events.Add(new ReferralEvent { At = Now, From = referral.Status, To = ReferralStatus.Withdrawn, UserId = actorId, Note = "Einwilligung widerrufen" });
            referral.Status = ReferralStatus.Withdrawn;
            referral.ClosedAt = Now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return open.Count;
    }
}
