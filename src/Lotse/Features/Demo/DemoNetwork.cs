using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Features.Consents;
using Lotse.Features.Districts;
using Lotse.Features.Offers;
using Lotse.Features.Organizations;
using Lotse.Features.Referrals;
using Lotse.Features.Users;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Demo;

/// <summary>
/// The demo's service network: offers of the partners in several languages and districts, and
/// consents and referrals of Brückenwerk and Ruhrbogen cases in every status of the lifecycle.
/// </summary>
internal sealed class DemoNetwork(LotseDbContext db, TimeProvider time)
{
    private sealed record OfferSeed(string Organization, string Name, string Description, string[] NeedAreas, string[] Languages, string District,
        string Street, string PostalCode, string OpeningHours, int? WaitingWeeks, bool Interpretation = false, int VerifiedMonthsAgo = 1, string? Eligibility = null, string? Documents = null);

    private static readonly OfferSeed[] Offers =
    [
        new("Sprachschule Glückauf (Integrationskurse)", "Integrationskurs mit Kinderbetreuung", "Allgemeiner Integrationskurs (600 UE Sprache, 100 UE Orientierung) mit Betreuung für Kinder unter drei Jahren im Haus.",
            ["sprache"], ["de", "ar", "tr", "uk"], "Altstadt", "Bahnhofstraße 12", "45879", "Mo–Fr 8:30–12:30", 4,
            Eligibility: "Berechtigung oder Verpflichtung durch BAMF, Jobcenter oder Ausländerbehörde", Documents: "Aufenthaltstitel, Berechtigungsschein"),
        new("Sprachschule Glückauf (Integrationskurse)", "Alphabetisierungskurs", "Integrationskurs mit Alphabetisierung für Menschen, die in keiner oder einer anderen Schrift lesen und schreiben lernen.",
            ["sprache"], ["de", "ar", "ku"], "Buer", "Hochstraße 40", "45894", "Mo–Do 13:00–16:30", 8, VerifiedMonthsAgo: 9),
        new("Sprachschule Glückauf (Integrationskurse)", "Berufssprachkurs B2", "Berufsbezogene Deutschsprachförderung (DeuFöV) für Menschen mit B1, die eine Arbeit suchen oder haben.",
            ["sprache", "arbeit"], ["de"], "Altstadt", "Bahnhofstraße 12", "45879", "Mo–Fr 17:00–20:15", 0),
        new("Schuldnerberatung Emscher-Lippe (fiktiv)", "Schuldner- und Insolvenzberatung", "Kostenlose Beratung bei Schulden, Pfändungsschutzkonto und Verbraucherinsolvenz.",
            ["finanzen"], ["de", "tr"], "Ückendorf", "Bochumer Straße 88", "45886", "Di und Do 9:00–15:00, offene Sprechstunde Mi 10:00–12:00", 6, Interpretation: true),
        new("Migrationsberatung für Erwachsene und Jugendmigrationsdienst (fiktiv)", "Migrationsberatung für Erwachsene (MBE)", "Beratung zu Aufenthalt, Leistungen, Anerkennung und allen Fragen des Ankommens, für Zugewanderte ab 27 Jahren.",
            ["aufenthalt", "existenzsicherung", "teilhabe"], ["de", "ar", "fa", "ru", "uk"], "Schalke", "Grillostraße 50", "45881", "Mo–Fr 9:00–12:00, Do 14:00–17:00", 2),
        new("Migrationsberatung für Erwachsene und Jugendmigrationsdienst (fiktiv)", "Jugendmigrationsdienst (JMD)", "Begleitung junger Zugewanderter von 12 bis 27 Jahren in Schule, Ausbildung und Beruf.",
            ["ausbildung", "schule"], ["de", "ar", "ro", "bg"], "Hassel", "Polsumer Straße 120", "45896", "Mo–Fr 10:00–16:00", 1, Eligibility: "12 bis 27 Jahre"),
        new("Stadt Gelsenkirchen – Kita-Büro und Schulamt", "Kita-Platz-Vermittlung (Kita-Büro)", "Beratung zur Kindertagesbetreuung und Anmeldung im Kita-Navigator.",
            ["kita"], ["de", "en"], "Altstadt", "Vattmannstraße 2", "45879", "Mo, Di, Do 8:00–12:00", 12),
        new("Stadt Gelsenkirchen – Kita-Büro und Schulamt", "Schulanmeldung für neu zugewanderte Kinder", "Erstberatung und Zuweisung eines Schulplatzes für Kinder und Jugendliche, die neu nach Gelsenkirchen kommen.",
            ["schule"], ["de", "ro", "bg", "ar"], "Altstadt", "Vattmannstraße 2", "45879", "Mo–Fr 8:00–12:00", 3, Interpretation: true),
        new("Stadt Gelsenkirchen – Gesundheitsamt", "Gesundheitsberatung für Zugewanderte und Impfsprechstunde", "Schuleingangsuntersuchungen, Impfungen und Beratung zum Zugang zur Gesundheitsversorgung.",
            ["gesundheit"], ["de", "ro", "bg", "ar"], "Schalke", "Kurt-Schumacher-Straße 4", "45881", "Di 14:00–17:00, Do 8:00–11:00", 1, Interpretation: true),
        new("Stadt Gelsenkirchen – Wohnungsamt", "Wohnberechtigungsschein und Wohnraumvermittlung", "Wohnberechtigungsschein, Hilfe bei drohendem Wohnungsverlust und Vermittlung städtischer Wohnungen.",
            ["wohnen"], ["de"], "Buer", "Goldbergstraße 12", "45894", "Mo–Fr 8:00–12:00", 5, Documents: "Ausweis, Einkommensnachweise"),
        new("Jobcenter Gelsenkirchen – Integrationscenter für Arbeit", "Beratung für Neuzugewanderte im Integrationscenter", "Leistungen nach dem SGB II, Arbeitsvermittlung und Förderung für neu zugewanderte Menschen.",
            ["arbeit", "existenzsicherung"], ["de", "ro", "bg", "ar"], "Altstadt", "Vattmannstraße 12", "45879", "Mo–Fr 8:00–12:30", 2),
        new("Familienkasse (Demo-Partner)", "Kindergeld-Beratung", "Hilfe beim Antrag auf Kindergeld und Kinderzuschlag.",
            ["existenzsicherung", "familie"], ["de", "en"], "Altstadt", "Overwegstraße 20", "45879", "Di 8:00–12:00", 0),
        new("Brückenwerk Emscher e. V.", "Psychosoziale Beratung für Geflüchtete", "Stabilisierende Gespräche und Vermittlung in Psychotherapie, auch mit Dolmetschung.",
            ["psychosozial", "gesundheit"], ["de", "ar", "fa", "ku"], "Bismarck", "Bismarckstraße 150", "45889", "nach Vereinbarung", 10, Interpretation: true),
        new("Sozialwerk Zeche Morgenrot e. V.", "Nachbarschaftscafé und Patenschaften", "Offener Treffpunkt, Ehrenamtliche begleiten zu Terminen und in den Alltag im Stadtteil.",
            ["teilhabe", "familie"], ["de", "tr", "uk", "ru"], "Erle", "Cranger Straße 300", "45891", "Mi 15:00–18:00", 0),
        new("Stadt Gelsenkirchen – Einbürgerungsbehörde", "Einbürgerungsberatung", "Beratung zu den Voraussetzungen der Einbürgerung und zum Antrag.",
            ["einbuergerung"], ["de"], "Altstadt", "Vattmannstraße 11", "45879", "Mo und Do 8:00–12:00", 6),
        new("Stadt Gelsenkirchen – Ausländerbehörde", "Beratung zu Aufenthaltsperspektiven (§§ 25a, 25b AufenthG)", "Prüfung von Bleibeperspektiven für Geduldete und Gestattete (Baustein 3).",
            ["aufenthalt"], ["de"], "Altstadt", "Vattmannstraße 11", "45879", "nach Vereinbarung", 3),
    ];

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Name, cancellationToken);
        var districts = await db.Districts.Where(d => d.Level == DistrictLevel.Stadtteil).ToDictionaryAsync(d => d.Name, cancellationToken);
        var offers = new Dictionary<string, Offer>();
        foreach (var seed in Offers)
        {
            var offer = new Offer
            {
                OrganizationId = organizations[seed.Organization].Id,
                Name = seed.Name,
                Description = seed.Description,
                NeedAreaCodes = [.. seed.NeedAreas],
                Languages = [.. seed.Languages],
                InterpretationAvailable = seed.Interpretation,
                Eligibility = seed.Eligibility,
                RequiredDocuments = seed.Documents,
                Phone = "0209 169-" + (4000 + offers.Count * 7),
                Email = "angebot" + (offers.Count + 1) + "@demo.lotse",
                WaitingWeeks = seed.WaitingWeeks,
                LastVerifiedOn = today.AddMonths(-seed.VerifiedMonthsAgo),
                Fees = "kostenlos",
            };
            offer.Locations.Add(new OfferLocation
            {
                Street = seed.Street,
                PostalCode = seed.PostalCode,
                City = "Gelsenkirchen",
                DistrictId = districts[seed.District].Id,
                OpeningHours = seed.OpeningHours,
                Accessibility = offers.Count % 3 == 0 ? "Eingang ebenerdig, Aufzug" : null,
            });
            db.Offers.Add(offer);
            offers[seed.Name] = offer;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Referrals in every status from Brückenwerk (Mitte) and Ruhrbogen (Süd) cases.
        var language = organizations["Sprachschule Glückauf (Integrationskurse)"];
        var debt = organizations["Schuldnerberatung Emscher-Lippe (fiktiv)"];
        var mbe = organizations["Migrationsberatung für Erwachsene und Jugendmigrationsdienst (fiktiv)"];
        var abh = organizations["Stadt Gelsenkirchen – Ausländerbehörde"];
        var partner = await db.Users.SingleAsync(u => u.Email == "partner@demo.lotse", cancellationToken);
        var abhUser = await db.Users.SingleAsync(u => u.Email == "abh@demo.lotse", cancellationToken);
        var mitte = await db.Users.SingleAsync(u => u.Email == "fm.mitte@demo.lotse", cancellationToken);
        var sued = await db.Users.SingleAsync(u => u.Email == "fm.sued@demo.lotse", cancellationToken);
        var mitteCases = await DemoCasesAsync(mitte.Id, cancellationToken);
        var suedCases = await DemoCasesAsync(sued.Id, cancellationToken);

        var plan = new (ReferralStatus Status, Organization Recipient, Offer? Offer, string NeedArea, int DaysAgo, string? Reason)[]
        {
            (ReferralStatus.Draft, language, offers["Integrationskurs mit Kinderbetreuung"], "sprache", 0, null),
            (ReferralStatus.Sent, language, offers["Integrationskurs mit Kinderbetreuung"], "sprache", 2, null),
            (ReferralStatus.Sent, debt, offers["Schuldner- und Insolvenzberatung"], "finanzen", 12, null),
            (ReferralStatus.Accepted, language, offers["Berufssprachkurs B2"], "sprache", 9, null),
            (ReferralStatus.InProgress, mbe, offers["Migrationsberatung für Erwachsene (MBE)"], "aufenthalt", 30, null),
            (ReferralStatus.Completed, language, offers["Integrationskurs mit Kinderbetreuung"], "sprache", 60, "hilfe-erhalten"),
            (ReferralStatus.Completed, debt, offers["Schuldner- und Insolvenzberatung"], "finanzen", 90, "teilweise"),
            (ReferralStatus.Declined, language, offers["Alphabetisierungskurs"], "sprache", 40, "keine-kapazitaet"),
            (ReferralStatus.NotAttended, mbe, offers["Jugendmigrationsdienst (JMD)"], "ausbildung", 50, null),
            (ReferralStatus.Redirected, language, offers["Alphabetisierungskurs"], "sprache", 20, null),
            (ReferralStatus.Withdrawn, debt, offers["Schuldner- und Insolvenzberatung"], "finanzen", 15, null),
        };
        for (var i = 0; i < plan.Length && i < mitteCases.Count; i++)
        {
            var (status, recipient, offer, needArea, daysAgo, reason) = plan[i];
            await AddReferralAsync(mitteCases[i], mitte.Id, recipient, offer, needArea, status, reason, now.AddDays(-daysAgo).AddHours(-3), partner.Id,
                status == ReferralStatus.Redirected ? offers["Integrationskurs mit Kinderbetreuung"].Id : null, today, null, cancellationToken);
        }

        // Requests from Ruhrbogen to the foreigners' authority.
        if (suedCases.Count >= 2)
        {
            await AddReferralAsync(suedCases[0], sued.Id, abh, null, "aufenthalt", ReferralStatus.Sent, null, now.AddDays(-3), abhUser.Id, null, today,
                "Bitte um Prüfung einer Aufenthaltserlaubnis nach § 25b AufenthG; Sprachnachweis A2 liegt vor.", cancellationToken);
            await AddReferralAsync(suedCases[1], sued.Id, abh, null, "aufenthalt", ReferralStatus.Accepted, null, now.AddDays(-8), abhUser.Id, null, today,
                "Termin zur Verlängerung der Fiktionsbescheinigung erbeten.", cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<List<Case>> DemoCasesAsync(Guid managerId, CancellationToken cancellationToken) =>
        await db.Cases.Include(c => c.Client!).ThenInclude(c => c.ResidenceStatuses)
            .Where(c => c.ResponsibleUserId == managerId && (c.Phase == CasePhase.Implementation || c.Phase == CasePhase.Planning))
            .OrderBy(c => c.Reference).Take(12).ToListAsync(cancellationToken);

    private async Task AddReferralAsync(Case @case, Guid senderId, Organization recipient, Offer? offer, string needArea, ReferralStatus status, string? reason,
        DateTime sentAt, Guid recipientUserId, Guid? proposedOfferId, DateOnly today, string? message, CancellationToken cancellationToken)
    {
        var client = @case.Client!;
        List<DataCategory> fields = message is null ? [DataCategory.Name, DataCategory.Phone, DataCategory.Languages] : [DataCategory.Name, DataCategory.BirthDate, DataCategory.ResidenceStatus, DataCategory.Message];
        var consent = new Consent
        {
            ClientId = client.Id,
            OrganizationId = @case.OrganizationId,
            GivenOn = DateOnly.FromDateTime(sentAt).AddDays(-1) < today ? DateOnly.FromDateTime(sentAt).AddDays(-1) : today,
            FormVersion = ConsentFormTexts.FormVersion,
            FormLanguage = client.Languages.FirstOrDefault(l => ConsentFormTexts.Find(l) is { Language: not "de" }),
            SignedCopyOnFile = true,
            RecordedByUserId = senderId,
            PurposeCodes = [needArea],
            PurposeText = offer is null ? "Anfrage an die Ausländerbehörde" : "Anmeldung: " + offer.Name,
            Categories = [.. fields, DataCategory.Email],
        };
        consent.Recipients.Add(new ConsentRecipient { OrganizationId = recipient.Id });
        if (status == ReferralStatus.Withdrawn)
        {
            consent.WithdrawnAt = sentAt.AddDays(5);
            consent.WithdrawnByUserId = senderId;
            consent.WithdrawalNote = "Die Person möchte das Angebot nicht mehr.";
        }

        db.Consents.Add(consent);
        var referral = new Referral
        {
            CaseId = @case.Id,
            ClientId = client.Id,
            SenderOrganizationId = @case.OrganizationId,
            SenderUserId = senderId,
            Kind = offer is null ? ReferralKind.AuthorityRequest : ReferralKind.Offer,
            OfferId = offer?.Id,
            RecipientOrganizationId = recipient.Id,
            NeedAreaCode = needArea,
            SharedFields = [.. fields.Order()],
            Message = message,
            Consent = consent,
            Status = status,
        };
        referral.Events.Add(new ReferralEvent { At = sentAt.AddMinutes(-20), To = ReferralStatus.Draft, UserId = senderId });
        if (status != ReferralStatus.Draft)
        {
            referral.SentAt = sentAt;
            var sender = db.Users.Local.First(u => u.Id == senderId);
            referral.Packet = System.Text.Json.JsonSerializer.Serialize(await ReferralService.BuildPacketAsync(db, client, referral, sender.DisplayName,
                db.Organizations.Local.First(o => o.Id == @case.OrganizationId).Name, sender.Email, sender.PhoneNumber, cancellationToken), ReferralService.PacketJson);
            referral.Events.Add(new ReferralEvent { At = sentAt, From = ReferralStatus.Draft, To = ReferralStatus.Sent, UserId = senderId });
        }

        var at = sentAt;
        void Step(ReferralStatus from, ReferralStatus to, Guid? user, string? code = null, string? note = null)
        {
            at = at.AddDays(2).AddHours(3);
            referral.Events.Add(new ReferralEvent { At = at, From = from, To = to, UserId = user, ReasonCode = code, Note = note });
            referral.FirstAnsweredAt ??= user == recipientUserId ? at : null;
            if (ReferralRules.Terminal.Contains(to))
            {
                referral.ClosedAt = at;
            }
        }

        switch (status)
        {
            case ReferralStatus.Accepted:
                Step(ReferralStatus.Sent, ReferralStatus.Accepted, recipientUserId);
                break;
            case ReferralStatus.InProgress:
                Step(ReferralStatus.Sent, ReferralStatus.Accepted, recipientUserId);
                Step(ReferralStatus.Accepted, ReferralStatus.InProgress, recipientUserId);
                break;
            case ReferralStatus.Completed:
                Step(ReferralStatus.Sent, ReferralStatus.Accepted, recipientUserId);
                Step(ReferralStatus.Accepted, ReferralStatus.InProgress, recipientUserId);
                Step(ReferralStatus.InProgress, ReferralStatus.Completed, recipientUserId, reason, "Kurs begonnen, regelmäßige Teilnahme.");
                referral.OutcomeCode = reason;
                break;
            case ReferralStatus.Declined:
                Step(ReferralStatus.Sent, ReferralStatus.Declined, recipientUserId, reason, "Alle Kurse bis März belegt.");
                referral.DeclineReasonCode = reason;
                break;
            case ReferralStatus.NotAttended:
                Step(ReferralStatus.Sent, ReferralStatus.Accepted, recipientUserId);
                Step(ReferralStatus.Accepted, ReferralStatus.NotAttended, recipientUserId, null, "Zwei Termine nicht wahrgenommen.");
                break;
            case ReferralStatus.Redirected:
                Step(ReferralStatus.Sent, ReferralStatus.Redirected, recipientUserId, null, "Die Person kann schon lesen und schreiben; der allgemeine Integrationskurs passt besser.");
                referral.ProposedOfferId = proposedOfferId;
                break;
            case ReferralStatus.Withdrawn:
                Step(ReferralStatus.Sent, ReferralStatus.Withdrawn, senderId, null, "Einwilligung widerrufen");
                break;
        }

        referral.AnswerNote = referral.Events.LastOrDefault(e => e.UserId == recipientUserId)?.Note;
        db.Referrals.Add(referral);
    }
}
