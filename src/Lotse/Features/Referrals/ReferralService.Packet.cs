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

/// <summary>Sending: the consent check and the frozen packet of shared fields.</summary>
public sealed partial class ReferralService
{
    /// <summary>Checks the consent and freezes the packet. Without a covering consent nothing is sent.</summary>
    private async Task SendCoreAsync(Referral referral, Guid actorId, CancellationToken cancellationToken)
    {
        var client = await db.Clients.Include(c => c.ResidenceStatuses).SingleAsync(c => c.Id == referral.ClientId, cancellationToken);
        var consents = await db.Consents.Include(c => c.Recipients).Where(c => c.ClientId == client.Id).ToListAsync(cancellationToken);
        var coverage = ConsentCoverage.Check(consents, referral.RecipientOrganizationId, referral.NeedAreaCode, referral.SharedFields, Today);
        if (coverage.Covering is not { } consent)
        {
            var recipient = await db.Organizations.Where(o => o.Id == referral.RecipientOrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
            var needAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: cancellationToken);
            var purpose = needAreas.GetValueOrDefault(referral.NeedAreaCode, referral.NeedAreaCode);
            if (!coverage.RecipientNamed)
            {
                throw new RuleViolationException("consent", "Es fehlt eine gültige Einwilligung für die Weitergabe an „{0}“. Bitte holen Sie zuerst eine Einwilligung ein, die diesen Empfänger, den Zweck „{1}“ und die gewählten Daten nennt.", recipient, purpose);
            }

            if (!coverage.PurposeNamed)
            {
                throw new RuleViolationException("consent", "Die Einwilligung für „{0}“ nennt den Zweck „{1}“ nicht. Bitte holen Sie eine Einwilligung für diesen Zweck ein.", recipient, purpose);
            }

            throw new RuleViolationException("consent", "Die Einwilligung für „{0}“ zum Zweck „{1}“ deckt diese Daten nicht: {2}. Wählen Sie weniger Daten oder holen Sie eine erweiterte Einwilligung ein.",
                recipient, purpose, string.Join(", ", coverage.MissingFields.Select(DataCategories.DisplayName)));
        }

        var sender = await db.Users.Include(u => u.Organization).SingleAsync(u => u.Id == actorId, cancellationToken);
        referral.ConsentId = consent.Id;
        referral.Packet = JsonSerializer.Serialize(await BuildPacketAsync(db, client, referral, sender.DisplayName, sender.Organization?.Name ?? string.Empty, sender.Email, sender.PhoneNumber, cancellationToken), PacketJson);
        referral.Events.Add(new ReferralEvent { At = Now, From = referral.Status, To = ReferralStatus.Sent, UserId = actorId });
        referral.Status = ReferralStatus.Sent;
        referral.SentAt = Now;
    }

    /// <summary>The packet of a referral: exactly its shared fields, taken from the client now.</summary>
    internal static async Task<ReferralPacket> BuildPacketAsync(LotseDbContext db, Client client, Referral referral, string senderName, string senderOrganization, string? senderEmail, string? senderPhone, CancellationToken cancellationToken)
    {
        bool Has(DataCategory category) => referral.SharedFields.Contains(category);
        var status = client.ResidenceStatuses.OrderByDescending(s => s.ValidFrom ?? DateOnly.MinValue).ThenByDescending(s => s.CreatedAt).FirstOrDefault();
        string? statusLabel = null;
        if (Has(DataCategory.ResidenceStatus) && status is not null)
        {
            statusLabel = await db.CatalogEntries.Where(e => e.Catalog == CatalogKind.ResidenceStatusKind && e.Code == status.KindCode).Select(e => e.Label).SingleOrDefaultAsync(cancellationToken) ?? status.KindCode;
            if (!string.IsNullOrWhiteSpace(status.LegalBasis))
            {
                statusLabel = string.Create(CultureInfo.InvariantCulture, $"{statusLabel} ({status.LegalBasis})");
            }
        }

        var address = string.Join(", ", new[] { client.Street, string.Join(' ', new[] { client.PostalCode, client.City }.Where(p => !string.IsNullOrWhiteSpace(p))) }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        return new ReferralPacket
        {
            GivenName = Has(DataCategory.Name) ? client.GivenName : null,
            FamilyName = Has(DataCategory.Name) ? client.FamilyName : null,
            BirthDate = Has(DataCategory.BirthDate) ? client.BirthDate : null,
            Phone = Has(DataCategory.Phone) ? client.Phone : null,
            Email = Has(DataCategory.Email) ? client.Email : null,
            Address = Has(DataCategory.Address) && address.Length > 0 ? address : null,
            Languages = Has(DataCategory.Languages) ? client.Languages : null,
            InterpreterNeeded = Has(DataCategory.Languages) ? client.InterpreterNeeded : null,
            InterpreterLanguage = Has(DataCategory.Languages) ? client.InterpreterLanguage : null,
            Nationalities = Has(DataCategory.Nationality) ? client.Nationalities : null,
            ResidenceStatus = statusLabel,
            ResidenceValidUntil = Has(DataCategory.ResidenceStatus) ? status?.ValidUntil : null,
            Message = Has(DataCategory.Message) ? referral.Message : null,
            SenderName = senderName,
            SenderOrganization = senderOrganization,
            SenderEmail = senderEmail,
            SenderPhone = senderPhone,
        };
    }
}
