namespace Lotse.Features.Audit;

/// <summary>
/// The German words for what the audit log stores in code: operations, record types, field names and channels.
/// Each is a localisation key; a name not listed here is shown as stored, so nothing is hidden.
/// </summary>
public static class AuditNames
{
    public static string DisplayName(AuditOperation operation) => operation switch
    {
        AuditOperation.Read => "gelesen",
        AuditOperation.Create => "angelegt",
        AuditOperation.Update => "geändert",
        AuditOperation.Delete => "gelöscht",
        AuditOperation.Search => "gesucht",
        AuditOperation.Denied => "verweigert",
        AuditOperation.Export => "exportiert",
        AuditOperation.SignIn => "angemeldet",
        AuditOperation.SignInFailed => "Anmeldung fehlgeschlagen",
        AuditOperation.SignOut => "abgemeldet",
        _ => operation.ToString(),
    };

    /// <summary>The record type as stored (an entity or a view such as "KimReport").</summary>
    public static string EntityName(string entityType) => entityType switch
    {
        "Client" => "Person",
        "ClientAlias" => "weitere Schreibweise",
        "ClientCorrection" => "Berichtigung",
        "ClientNameKey" => "Namensschlüssel",
        "ClientExport" => "Auskunft (Export)",
        "Case" => "Fall",
        "CaseMember" => "Person im Fall",
        "CaseDeputy" => "Vertretung",
        "CasePhaseChange" => "Phasenwechsel",
        "Goal" => "Ziel",
        "GoalStep" => "Schritt",
        "Deadline" => "Frist",
        "Encounter" => "Kontakt",
        "Assessment" => "Assessment",
        "AssessmentRating" => "Einschätzung",
        "Consent" => "Einwilligung",
        "ConsentRecipient" => "Empfänger einer Einwilligung",
        "Referral" => "Vermittlung",
        "ReferralEvent" => "Verlauf einer Vermittlung",
        "ReferralLink" => "Antwortlink",
        "ReferralPacket" => "weitergegebene Angaben",
        "Appointment" => "Termin",
        "Document" => "Dokument",
        "DocumentContent" => "Inhalt eines Dokuments",
        "ResidenceStatus" => "Aufenthaltsstatus",
        "EmergencyAccess" => "Notfallzugriff",
        "BarrierCase" => "Systemhinweis am Fall",
        "Barrier" => "Systemhinweis",
        "AuditLog" => "Protokoll",
        "Caseload" => "Fallbelastung",
        "KimReport" => "KIM-Bericht",
        "NeedsMap" => "Bedarfskarte",
        "Retention" => "Aufbewahrung",
        "Endpoint" => "Schnittstelle",
        "User" => "Benutzer:in",
        "Organization" => "Organisation",
        "Team" => "Team",
        "District" => "Bezirk",
        "CatalogEntry" => "Katalogeintrag",
        "Offer" => "Angebot",
        "Position" => "Stelle",
        "ApiToken" => "API-Token",
        _ => entityType,
    };

    /// <summary>A field as stored: a property that changed, or a shared data category ("name", "phone").</summary>
    public static string FieldName(string field) => field.ToUpperInvariant() switch
    {
        "TITLE" => "Titel",
        "STATUS" => "Stand",
        "DUEON" => "fällig am",
        "DONEON" => "erledigt am",
        "NOTE" => "Notiz",
        "AT" => "Zeitpunkt",
        "DURATIONMINUTES" => "Dauer",
        "KINDCODE" or "KIND" => "Art",
        "PHASE" => "Phase",
        "RESPONSIBLEUSERID" => "verantwortliche Fachkraft",
        "CLOSEDON" => "abgeschlossen am",
        "CLOSUREREASONCODE" => "Abschlussgrund",
        "GIVENNAME" => "Vorname",
        "FAMILYNAME" => "Familienname",
        "BIRTHNAME" => "Geburtsname",
        "BIRTHDATE" => "Geburtsdatum",
        "PHONE" => "Telefon",
        "EMAIL" => "E-Mail",
        "STREET" => "Straße",
        "POSTALCODE" => "Postleitzahl",
        "CITY" => "Ort",
        "ADDRESS" => "Anschrift",
        "DISTRICTID" => "Stadtteil",
        "LANGUAGES" => "Sprachen",
        "NATIONALITY" or "NATIONALITIES" => "Staatsangehörigkeit",
        "SEX" => "Geschlecht",
        "ENTRYDATE" => "Einreisedatum",
        "HOUSEHOLDID" => "Haushalt",
        "RESTRICTEDAT" => "Einschränkung (Art. 18)",
        "RESULT" => "Ergebnis",
        "RESPONSIBLE" => "wer",
        "PARTNERNAME" => "Partner",
        "START" => "Beginn",
        "END" => "Ende",
        "LOCATION" => "Ort des Termins",
        "WITHDRAWNAT" => "widerrufen am",
        "VALIDUNTIL" => "gültig bis",
        "MESSAGE" => "Nachricht",
        "ANSWERNOTE" => "Antwort",
        "DECLINEREASONCODE" => "Ablehnungsgrund",
        "OUTCOMECODE" => "Ergebnis",
        "SENTAT" => "gesendet am",
        "NAME" => "Name",
        "LINK" => "über Antwortlink",
        "PASSWORD" => "Passwort",
        "TOTP" => "Code der Authenticator-App",
        "RECOVERY-CODE" => "Wiederherstellungscode",
        "SECOND-FACTOR-NEXT" => "zweiter Faktor folgt",
        "LOCKED-OUT" => "gesperrt",
        "NOT-ALLOWED" => "nicht zugelassen",
        "UNKNOWN-ACCOUNT" => "unbekanntes Konto",
        "DRY-RUN" => "Probelauf",
        "RUN" => "Lauf",
        _ => field,
    };

    /// <summary>"Titel, erledigt am" for "Title,DoneOn"; a filter text or anything else with "=" stays as stored.</summary>
    public static string Fields(string? fields, Func<string, string> translate) =>
        string.IsNullOrEmpty(fields) || fields.Contains('=', StringComparison.Ordinal)
            ? fields ?? string.Empty
            : string.Join(", ", fields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => translate(FieldName(f))));

    /// <summary>Where the access came from.</summary>
    public static string ChannelName(string? channel) => channel switch
    {
        "page" => "Oberfläche",
        "api" => "API",
        null => "System",
        _ => channel,
    };
}
