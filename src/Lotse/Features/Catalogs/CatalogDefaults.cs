namespace Lotse.Features.Catalogs;

/// <summary>The default catalogue entries of DOMAIN.md, seeded into every installation and editable afterwards.</summary>
public static class CatalogDefaults
{
    public sealed record Entry(CatalogKind Catalog, string Code, string Label, string LabelEn, string? Detail = null);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new(CatalogKind.NeedArea, "aufenthalt", "Aufenthalt & Ausländerrecht", "Residence & immigration law"),
        new(CatalogKind.NeedArea, "sprache", "Sprache", "Language"),
        new(CatalogKind.NeedArea, "arbeit", "Arbeit & Beruf", "Work & occupation"),
        new(CatalogKind.NeedArea, "ausbildung", "Ausbildung & Anerkennung von Abschlüssen", "Training & recognition of qualifications"),
        new(CatalogKind.NeedArea, "schule", "Schule & Bildung", "School & education"),
        new(CatalogKind.NeedArea, "kita", "Kita & Kinderbetreuung", "Day care & childcare"),
        new(CatalogKind.NeedArea, "wohnen", "Wohnen", "Housing"),
        new(CatalogKind.NeedArea, "gesundheit", "Gesundheit", "Health"),
        new(CatalogKind.NeedArea, "existenzsicherung", "Existenzsicherung & Leistungen (SGB II, SGB XII, AsylbLG, Kindergeld)", "Livelihood & benefits (SGB II, SGB XII, AsylbLG, child benefit)"),
        new(CatalogKind.NeedArea, "finanzen", "Finanzen & Schulden", "Finances & debt"),
        new(CatalogKind.NeedArea, "familie", "Familie & Erziehung", "Family & parenting"),
        new(CatalogKind.NeedArea, "einbuergerung", "Einbürgerung", "Naturalisation"),
        new(CatalogKind.NeedArea, "teilhabe", "Orientierung & soziale Teilhabe", "Orientation & social participation"),
        new(CatalogKind.NeedArea, "psychosozial", "Psychosoziale Stabilität", "Psychosocial stability"),

        new(CatalogKind.AssessmentScale, "1", "akuter Handlungsbedarf", "acute need for action"),
        new(CatalogKind.AssessmentScale, "2", "hoher Bedarf", "high need"),
        new(CatalogKind.AssessmentScale, "3", "mittlerer Bedarf", "medium need"),
        new(CatalogKind.AssessmentScale, "4", "geringer Bedarf", "low need"),
        new(CatalogKind.AssessmentScale, "5", "selbstständig / kein Bedarf", "independent / no need"),
        new(CatalogKind.AssessmentScale, "nicht-erhoben", "nicht erhoben", "not assessed"),

        new(CatalogKind.ResidenceStatusKind, "gestattung", "Aufenthaltsgestattung", "Permission to reside (asylum procedure)", "§ 55 AsylG"),
        new(CatalogKind.ResidenceStatusKind, "duldung", "Duldung", "Toleration", "§ 60a AufenthG; auch §§ 60b–60d AufenthG"),
        new(CatalogKind.ResidenceStatusKind, "fiktion", "Fiktionsbescheinigung", "Fictional certificate", "§ 81 AufenthG"),
        new(CatalogKind.ResidenceStatusKind, "aufenthaltserlaubnis", "Aufenthaltserlaubnis", "Residence permit", "§§ 16–21, 22, 23, 24, 25 Abs. 1–5, 25a, 25b, 27–36, 104c AufenthG …"),
        new(CatalogKind.ResidenceStatusKind, "niederlassung", "Niederlassungserlaubnis", "Settlement permit", "§ 9 AufenthG"),
        new(CatalogKind.ResidenceStatusKind, "daueraufenthalt-eu", "Erlaubnis zum Daueraufenthalt-EU", "EU long-term residence permit", "§ 9a AufenthG"),
        new(CatalogKind.ResidenceStatusKind, "freizuegigkeit", "EU-Freizügigkeit", "EU freedom of movement", "FreizügG/EU"),
        new(CatalogKind.ResidenceStatusKind, "deutsch", "Deutsche Staatsangehörigkeit (eingebürgert)", "German citizenship (naturalised)", "StAG"),
        new(CatalogKind.ResidenceStatusKind, "ungeklaert", "ungeklärt", "unclear"),

        new(CatalogKind.AccessRoute, "selbstmelder", "Selbstmelder:in / offene Sprechstunde", "Self-referral / open consultation"),
        new(CatalogKind.AccessRoute, "aufsuchend", "aufsuchende Arbeit", "Outreach work"),
        new(CatalogKind.AccessRoute, "jobcenter", "Jobcenter", "Jobcenter"),
        new(CatalogKind.AccessRoute, "sozialamt", "Sozialamt", "Social welfare office"),
        new(CatalogKind.AccessRoute, "abh", "Ausländerbehörde", "Foreigners' authority"),
        new(CatalogKind.AccessRoute, "schule-kita", "Schule / Kita", "School / day care"),
        new(CatalogKind.AccessRoute, "mbe-jmd", "Migrationsberatung (MBE/JMD)", "Migration counselling (MBE/JMD)"),
        new(CatalogKind.AccessRoute, "beratungsstelle", "andere Beratungsstelle", "Other counselling service"),
        new(CatalogKind.AccessRoute, "gesundheit", "Gesundheitswesen", "Health care"),
        new(CatalogKind.AccessRoute, "familie", "Familie / Bekannte", "Family / acquaintances"),
        new(CatalogKind.AccessRoute, "sonstige", "sonstige", "other"),

        new(CatalogKind.EncounterKind, "buero", "persönlich im Büro", "In person at the office"),
        new(CatalogKind.EncounterKind, "sprechstunde", "Quartiersbüro / Sprechstunde", "Neighbourhood office / consultation hours"),
        new(CatalogKind.EncounterKind, "telefon", "telefonisch", "By phone"),
        new(CatalogKind.EncounterKind, "video", "Video", "Video"),
        new(CatalogKind.EncounterKind, "hausbesuch", "Hausbesuch", "Home visit"),
        new(CatalogKind.EncounterKind, "begleitung", "Begleitung zu Terminen", "Accompaniment to appointments"),
        new(CatalogKind.EncounterKind, "aufsuchend", "aufsuchend", "Outreach"),
        new(CatalogKind.EncounterKind, "schriftlich", "schriftlich / Messenger", "In writing / messenger"),

        new(CatalogKind.ClosureReason, "ziele-erreicht", "Ziele erreicht", "Goals achieved"),
        new(CatalogKind.ClosureReason, "uebergabe-regeldienst", "Ziele teilweise erreicht, Übergabe an Regeldienst", "Goals partly achieved, handed over to regular services"),
        new(CatalogKind.ClosureReason, "uebergabe-fm", "Übergabe an anderes Fallmanagement", "Handed over to another case management"),
        new(CatalogKind.ClosureReason, "kontaktabbruch", "Kontaktabbruch durch Klient:in", "Client broke off contact"),
        new(CatalogKind.ClosureReason, "wegzug", "Wegzug", "Moved away"),
        new(CatalogKind.ClosureReason, "einwilligung-widerrufen", "Einwilligung widerrufen", "Consent withdrawn"),
        new(CatalogKind.ClosureReason, "kein-bedarf", "kein Fallmanagement-Bedarf (Clearing)", "No need for case management (clearing)"),
        new(CatalogKind.ClosureReason, "verstorben", "verstorben", "Deceased"),
        new(CatalogKind.ClosureReason, "sonstiges", "sonstiges", "other"),

        new(CatalogKind.ReferralStatus, "entwurf", "Entwurf", "Draft"),
        new(CatalogKind.ReferralStatus, "gesendet", "gesendet", "Sent"),
        new(CatalogKind.ReferralStatus, "angenommen", "angenommen", "Accepted"),
        new(CatalogKind.ReferralStatus, "abgelehnt", "abgelehnt", "Declined"),
        new(CatalogKind.ReferralStatus, "in-bearbeitung", "in Bearbeitung", "In progress"),
        new(CatalogKind.ReferralStatus, "abgeschlossen", "abgeschlossen", "Completed"),
        new(CatalogKind.ReferralStatus, "nicht-wahrgenommen", "nicht wahrgenommen", "Not attended"),
        new(CatalogKind.ReferralStatus, "weitervermittelt", "weitervermittelt", "Redirected"),
        new(CatalogKind.ReferralStatus, "zurueckgezogen", "zurückgezogen", "Withdrawn"),

        new(CatalogKind.ReferralDeclineReason, "keine-kapazitaet", "keine Kapazität", "No capacity"),
        new(CatalogKind.ReferralDeclineReason, "nicht-zustaendig", "nicht zuständig", "Not responsible"),
        new(CatalogKind.ReferralDeclineReason, "voraussetzungen", "Voraussetzungen nicht erfüllt", "Requirements not met"),
        new(CatalogKind.ReferralDeclineReason, "sonstiges", "sonstiges", "other"),

        new(CatalogKind.ReferralOutcome, "hilfe-erhalten", "Hilfe erhalten", "Help received"),
        new(CatalogKind.ReferralOutcome, "teilweise", "teilweise", "Partly"),
        new(CatalogKind.ReferralOutcome, "nicht-erhalten", "nicht erhalten", "Not received"),
    ];

    /// <summary>The German name of a catalogue (a localisation key).</summary>
    public static string CatalogName(CatalogKind kind) => kind switch
    {
        CatalogKind.NeedArea => "Handlungsfelder",
        CatalogKind.AssessmentScale => "Assessment-Skala",
        CatalogKind.ResidenceStatusKind => "Aufenthaltsstatus",
        CatalogKind.AccessRoute => "Zugangswege",
        CatalogKind.EncounterKind => "Kontaktarten",
        CatalogKind.ClosureReason => "Abschlussgründe",
        CatalogKind.ReferralStatus => "Vermittlungsstatus",
        CatalogKind.ReferralDeclineReason => "Ablehnungsgründe",
        CatalogKind.ReferralOutcome => "Vermittlungsergebnisse",
        _ => kind.ToString(),
    };
}
