using System.Collections.Frozen;

namespace Lotse.Features.Consents;

/// <summary>Whether a language version of the form has been checked by a professional translator.</summary>
public enum TranslationReview
{
    Reviewed = 1,
    Unreviewed = 2,
}

/// <summary>One language version of the consent form. Placeholders are string.Format style.</summary>
/// <param name="Language">ISO 639-1 code, e.g. "ar".</param>
/// <param name="LanguageName">The language's own name (endonym), e.g. "العربية".</param>
/// <param name="RightToLeft">Whether the language is written right to left.</param>
/// <param name="Review">Whether a professional translator has checked this version.</param>
/// <param name="Title">Title of the form.</param>
/// <param name="Intro">{0} = client's full name, {1} = birth date (dd.MM.yyyy or year), {2} = organisation of the case manager.</param>
/// <param name="RecipientsHeading">Heading above the recipients.</param>
/// <param name="PurposeHeading">Heading above the purposes.</param>
/// <param name="DataHeading">Heading above the data categories.</param>
/// <param name="ValidityHeading">Heading above the validity.</param>
/// <param name="ValidUntil">{0} = date.</param>
/// <param name="ValidUntilWithdrawn">Validity without a fixed end date.</param>
/// <param name="SecrecyRelease">{0} = organisation. Release from professional secrecy (§ 203 StGB).</param>
/// <param name="Voluntary">The consent is voluntary; counselling goes on without it.</param>
/// <param name="Withdrawal">{0} = organisation. How and with what effect the consent can be withdrawn.</param>
/// <param name="Rights">Data subject rights and the supervisory authority.</param>
/// <param name="ReceivedCopy">Confirmation that the client received a copy.</param>
/// <param name="PlaceDate">Label under the place-and-date line.</param>
/// <param name="SignatureClient">Label under the client's signature line.</param>
/// <param name="SignatureStaff">Label under the staff member's signature line.</param>
/// <param name="Interpreter">Label of the interpreter line.</param>
/// <param name="ReviewNote">For unreviewed texts a note in this language and in German that the German text applies; empty for German.</param>
/// <param name="Categories">Labels of all data categories.</param>
/// <param name="NeedAreas">Purposes by need-area code ("support in the area of …").</param>
public sealed record ConsentFormText(
    string Language,
    string LanguageName,
    bool RightToLeft,
    TranslationReview Review,
    string Title,
    string Intro,
    string RecipientsHeading,
    string PurposeHeading,
    string DataHeading,
    string ValidityHeading,
    string ValidUntil,
    string ValidUntilWithdrawn,
    string SecrecyRelease,
    string Voluntary,
    string Withdrawal,
    string Rights,
    string ReceivedCopy,
    string PlaceDate,
    string SignatureClient,
    string SignatureStaff,
    string Interpreter,
    string ReviewNote,
    IReadOnlyDictionary<DataCategory, string> Categories,
    IReadOnlyDictionary<string, string> NeedAreas);

/// <summary>
/// The texts of the printable bilingual consent form (Einwilligung in die Weitergabe von Daten und
/// Entbindung von der Schweigepflicht, § 203 StGB): German always, plus the client's language.
/// Only the German text is reviewed; every translation is marked <see cref="TranslationReview.Unreviewed"/>
/// and carries a note that the German text applies.
/// </summary>
public static class ConsentFormTexts
{
    public const string FormVersion = "2026-11";

    /// <summary>The German half of every review note.</summary>
    private const string GermanReviewNote =
        "Diese Übersetzung wurde noch nicht von einer Fachübersetzerin oder einem Fachübersetzer geprüft. Es gilt der deutsche Text.";

    /// <summary>All language versions, German first.</summary>
    public static IReadOnlyList<ConsentFormText> All { get; } =
    [
        CreateGerman(),
        CreateEnglish(),
        CreateRomanian(),
        CreateBulgarian(),
        CreateArabic(),
        CreateTurkish(),
        CreateUkrainian(),
        CreatePersian(),
        CreateRussian(),
    ];

    public static ConsentFormText German { get; } = All[0];

    private static readonly FrozenDictionary<string, ConsentFormText> ByLanguage =
        All.ToFrozenDictionary(text => text.Language, StringComparer.OrdinalIgnoreCase);

    /// <summary>The version for an ISO 639-1 code (case-insensitive), or null if there is none.</summary>
    public static ConsentFormText? Find(string? language)
    {
        if (string.IsNullOrWhiteSpace(language))
        {
            return null;
        }

        return ByLanguage.GetValueOrDefault(language.Trim());
    }

    private static string Note(string inLanguage) => inLanguage + " / " + GermanReviewNote;

    private static FrozenDictionary<DataCategory, string> Categories(Dictionary<DataCategory, string> labels) =>
        labels.ToFrozenDictionary();

    private static FrozenDictionary<string, string> NeedAreas(Dictionary<string, string> labels) =>
        labels.ToFrozenDictionary(StringComparer.Ordinal);

    private static ConsentFormText CreateGerman() => new(
        Language: "de",
        LanguageName: "Deutsch",
        RightToLeft: false,
        Review: TranslationReview.Reviewed,
        Title: "Einwilligung in die Weitergabe von Daten und Entbindung von der Schweigepflicht",
        Intro: "Ich, {0} (geboren {1}), bin damit einverstanden, dass {2} die unten genannten Daten an die unten genannten Stellen oder Personen für die unten genannten Zwecke weitergibt.",
        RecipientsHeading: "Empfänger (wer die Daten bekommt)",
        PurposeHeading: "Zweck (wofür)",
        DataHeading: "Welche Daten",
        ValidityHeading: "Gültigkeit",
        ValidUntil: "gültig bis {0}",
        ValidUntilWithdrawn: "gültig bis zum Widerruf, längstens bis zum Ende der Begleitung",
        SecrecyRelease: "Für diesen Zweck entbinde ich die Mitarbeitenden von {0} von ihrer Schweigepflicht (§ 203 Strafgesetzbuch).",
        Voluntary: "Die Einwilligung ist freiwillig. Wenn ich nicht einwillige, werde ich trotzdem weiter beraten.",
        Withdrawal: "Ich kann diese Einwilligung jederzeit ganz oder teilweise widerrufen – ohne Angabe von Gründen, mündlich oder schriftlich, bei {0}. Der Widerruf gilt ab diesem Zeitpunkt. Daten, die vorher weitergegeben wurden, bleiben rechtmäßig weitergegeben.",
        Rights: "Ich habe das Recht auf Auskunft über meine Daten, auf Berichtigung, Löschung und Einschränkung der Verarbeitung. Ich kann mich bei der Datenschutz-Aufsichtsbehörde in NRW beschweren (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "Ich habe eine Kopie dieses Formulars bekommen.",
        PlaceDate: "Ort, Datum",
        SignatureClient: "Unterschrift der Klientin / des Klienten",
        SignatureStaff: "Unterschrift der Fachkraft",
        Interpreter: "Übersetzt durch (falls eine Dolmetscherin oder ein Dolmetscher geholfen hat)",
        ReviewNote: "",
        Categories: Categories(new()
        {
            [DataCategory.Name] = "Vor- und Nachname",
            [DataCategory.BirthDate] = "Geburtsdatum",
            [DataCategory.Phone] = "Telefonnummer",
            [DataCategory.Email] = "E-Mail-Adresse",
            [DataCategory.Address] = "Anschrift",
            [DataCategory.Languages] = "Sprachen und Bedarf an Dolmetschung",
            [DataCategory.Nationality] = "Staatsangehörigkeit",
            [DataCategory.ResidenceStatus] = "Aufenthaltsstatus",
            [DataCategory.Message] = "Anliegen (kurze Beschreibung, worum es geht)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Aufenthalt & Ausländerrecht",
            ["sprache"] = "Sprache",
            ["arbeit"] = "Arbeit & Beruf",
            ["ausbildung"] = "Ausbildung & Anerkennung von Abschlüssen",
            ["schule"] = "Schule & Bildung",
            ["kita"] = "Kita & Kinderbetreuung",
            ["wohnen"] = "Wohnen",
            ["gesundheit"] = "Gesundheit",
            ["existenzsicherung"] = "Existenzsicherung & Leistungen (SGB II, SGB XII, AsylbLG, Kindergeld)",
            ["finanzen"] = "Finanzen & Schulden",
            ["familie"] = "Familie & Erziehung",
            ["einbuergerung"] = "Einbürgerung",
            ["teilhabe"] = "Orientierung & soziale Teilhabe",
            ["psychosozial"] = "Psychosoziale Stabilität",
        }));

    private static ConsentFormText CreateEnglish() => new(
        Language: "en",
        LanguageName: "English",
        RightToLeft: false,
        Review: TranslationReview.Unreviewed,
        Title: "Consent to sharing data and release from the duty of confidentiality",
        Intro: "I, {0} (born {1}), agree that {2} may pass on the data listed below to the organisations or persons listed below for the purposes listed below.",
        RecipientsHeading: "Recipients (who gets the data)",
        PurposeHeading: "Purpose (what for)",
        DataHeading: "Which data",
        ValidityHeading: "Validity",
        ValidUntil: "valid until {0}",
        ValidUntilWithdrawn: "valid until I withdraw it, at the latest until the end of the support",
        SecrecyRelease: "For this purpose, I release the staff of {0} from their duty of professional confidentiality (§ 203 StGB, German Criminal Code).",
        Voluntary: "This consent is voluntary. If I do not agree, I will still continue to receive counselling.",
        Withdrawal: "I can withdraw this consent at any time, fully or in part, without giving reasons – orally or in writing, at {0}. The withdrawal applies from that moment on. Data that was passed on before the withdrawal remains lawfully passed on.",
        Rights: "I have the right to get information about my data and to have it corrected, deleted or its use restricted. I can complain to the data protection supervisory authority of North Rhine-Westphalia (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "I have received a copy of this form.",
        PlaceDate: "Place, date",
        SignatureClient: "Signature of the client",
        SignatureStaff: "Signature of the staff member",
        Interpreter: "Translated by (if an interpreter helped)",
        ReviewNote: Note("This translation has not yet been checked by a professional translator. The German text applies."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "First name and surname",
            [DataCategory.BirthDate] = "Date of birth",
            [DataCategory.Phone] = "Phone number",
            [DataCategory.Email] = "Email address",
            [DataCategory.Address] = "Address",
            [DataCategory.Languages] = "Languages and need for an interpreter",
            [DataCategory.Nationality] = "Nationality",
            [DataCategory.ResidenceStatus] = "Residence status",
            [DataCategory.Message] = "Request (a short description of what it is about)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Residence & immigration law",
            ["sprache"] = "Language",
            ["arbeit"] = "Work & occupation",
            ["ausbildung"] = "Training & recognition of qualifications",
            ["schule"] = "School & education",
            ["kita"] = "Day care & childcare",
            ["wohnen"] = "Housing",
            ["gesundheit"] = "Health",
            ["existenzsicherung"] = "Livelihood & benefits (SGB II, SGB XII, AsylbLG, child benefit)",
            ["finanzen"] = "Finances & debt",
            ["familie"] = "Family & parenting",
            ["einbuergerung"] = "Naturalisation",
            ["teilhabe"] = "Orientation & social participation",
            ["psychosozial"] = "Psychosocial stability",
        }));

    private static ConsentFormText CreateRomanian() => new(
        Language: "ro",
        LanguageName: "Română",
        RightToLeft: false,
        Review: TranslationReview.Unreviewed,
        Title: "Consimțământ pentru transmiterea datelor și dezlegarea de secretul profesional",
        Intro: "Eu, {0} (data nașterii: {1}), sunt de acord ca {2} să transmită datele menționate mai jos către destinatarii menționați mai jos, în scopurile menționate mai jos.",
        RecipientsHeading: "Destinatari (cine primește datele)",
        PurposeHeading: "Scop (pentru ce)",
        DataHeading: "Ce date",
        ValidityHeading: "Valabilitate",
        ValidUntil: "valabil până la {0}",
        ValidUntilWithdrawn: "valabil până la retragere, cel mult până la încheierea sprijinului",
        SecrecyRelease: "În acest scop, dezleg personalul de la {0} de obligația de a păstra secretul profesional (§ 203 StGB, Codul penal german).",
        Voluntary: "Acest consimțământ este voluntar. Dacă nu sunt de acord, voi primi în continuare consiliere.",
        Withdrawal: "Pot retrage acest consimțământ oricând, în totalitate sau în parte, fără să dau motive – oral sau în scris, la {0}. Retragerea este valabilă din acel moment. Datele transmise înainte de retragere rămân transmise în mod legal.",
        Rights: "Am dreptul să primesc informații despre datele mele și să cer corectarea, ștergerea sau restricționarea prelucrării lor. Pot depune o plângere la autoritatea pentru protecția datelor din Renania de Nord-Westfalia (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "Am primit o copie a acestui formular.",
        PlaceDate: "Locul, data",
        SignatureClient: "Semnătura clientei / clientului",
        SignatureStaff: "Semnătura specialistei / specialistului",
        Interpreter: "Tradus de (dacă a ajutat o interpretă sau un interpret)",
        ReviewNote: Note("Această traducere nu a fost încă verificată de un traducător profesionist. Este valabil textul în limba germană."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "Prenume și nume",
            [DataCategory.BirthDate] = "Data nașterii",
            [DataCategory.Phone] = "Număr de telefon",
            [DataCategory.Email] = "Adresă de e-mail",
            [DataCategory.Address] = "Adresă",
            [DataCategory.Languages] = "Limbi vorbite și nevoia de interpret",
            [DataCategory.Nationality] = "Cetățenie",
            [DataCategory.ResidenceStatus] = "Statutul de ședere",
            [DataCategory.Message] = "Solicitare (o descriere scurtă a problemei)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Drept de ședere și legislația privind străinii",
            ["sprache"] = "Limbă",
            ["arbeit"] = "Muncă și profesie",
            ["ausbildung"] = "Formare profesională și recunoașterea diplomelor",
            ["schule"] = "Școală și educație",
            ["kita"] = "Grădiniță și îngrijirea copiilor",
            ["wohnen"] = "Locuință",
            ["gesundheit"] = "Sănătate",
            ["existenzsicherung"] = "Asigurarea traiului și prestații sociale (SGB II, SGB XII, AsylbLG, alocația pentru copii – Kindergeld)",
            ["finanzen"] = "Finanțe și datorii",
            ["familie"] = "Familie și educația copiilor",
            ["einbuergerung"] = "Naturalizare (obținerea cetățeniei germane)",
            ["teilhabe"] = "Orientare și participare socială",
            ["psychosozial"] = "Stabilitate psihosocială",
        }));

    private static ConsentFormText CreateBulgarian() => new(
        Language: "bg",
        LanguageName: "Български",
        RightToLeft: false,
        Review: TranslationReview.Unreviewed,
        Title: "Съгласие за предаване на данни и освобождаване от задължението за професионална тайна",
        Intro: "Аз, {0} (дата на раждане: {1}), давам съгласието си {2} да предаде посочените по-долу данни на посочените по-долу получатели за посочените по-долу цели.",
        RecipientsHeading: "Получатели (кой получава данните)",
        PurposeHeading: "Цел (за какво)",
        DataHeading: "Какви данни",
        ValidityHeading: "Валидност",
        ValidUntil: "валидно до {0}",
        ValidUntilWithdrawn: "валидно до оттеглянето му, но най-късно до края на подкрепата",
        SecrecyRelease: "За тази цел освобождавам служителите на {0} от задължението им да пазят професионална тайна (§ 203 StGB, Наказателен кодекс на Германия).",
        Voluntary: "Това съгласие е доброволно. Ако не дам съгласие, ще продължа да получавам консултации.",
        Withdrawal: "Мога да оттегля това съгласие по всяко време, изцяло или частично, без да посочвам причини – устно или писмено, като уведомя {0}. Оттеглянето важи от този момент нататък. Данните, предадени преди това, остават законно предадени.",
        Rights: "Имам право да получа информация за моите данни и да поискам те да бъдат коригирани, изтрити или обработването им да бъде ограничено. Мога да подам жалба до надзорния орган за защита на данните в Северен Рейн-Вестфалия (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "Получих копие от този формуляр.",
        PlaceDate: "Място, дата",
        SignatureClient: "Подпис на клиентката / клиента",
        SignatureStaff: "Подпис на служителката / служителя",
        Interpreter: "Преведено от (ако е помогнал преводач или преводачка)",
        ReviewNote: Note("Този превод все още не е проверен от професионален преводач. Валиден е текстът на немски език."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "Име и фамилия",
            [DataCategory.BirthDate] = "Дата на раждане",
            [DataCategory.Phone] = "Телефонен номер",
            [DataCategory.Email] = "Имейл адрес",
            [DataCategory.Address] = "Адрес",
            [DataCategory.Languages] = "Езици и нужда от преводач",
            [DataCategory.Nationality] = "Гражданство",
            [DataCategory.ResidenceStatus] = "Статут на пребиваване",
            [DataCategory.Message] = "Запитване (кратко описание за какво става дума)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Пребиваване и право на чужденците",
            ["sprache"] = "Език",
            ["arbeit"] = "Работа и професия",
            ["ausbildung"] = "Професионално обучение и признаване на дипломи",
            ["schule"] = "Училище и образование",
            ["kita"] = "Детска градина и грижа за децата",
            ["wohnen"] = "Жилище",
            ["gesundheit"] = "Здраве",
            ["existenzsicherung"] = "Средства за живот и социални помощи (SGB II, SGB XII, AsylbLG, детски надбавки – Kindergeld)",
            ["finanzen"] = "Финанси и дългове",
            ["familie"] = "Семейство и възпитание",
            ["einbuergerung"] = "Натурализация (придобиване на германско гражданство)",
            ["teilhabe"] = "Ориентиране и участие в обществото",
            ["psychosozial"] = "Психосоциална стабилност",
        }));

    private static ConsentFormText CreateArabic() => new(
        Language: "ar",
        LanguageName: "العربية",
        RightToLeft: true,
        Review: TranslationReview.Unreviewed,
        Title: "الموافقة على نقل البيانات والإعفاء من واجب السرية المهنية",
        Intro: "أنا، {0} (تاريخ الميلاد: {1})، أوافق على قيام {2} بنقل البيانات المذكورة أدناه إلى الجهات المذكورة أدناه للأغراض المذكورة أدناه.",
        RecipientsHeading: "الجهات المستلمة (من يحصل على البيانات)",
        PurposeHeading: "الغرض (لماذا)",
        DataHeading: "أي بيانات",
        ValidityHeading: "مدة الصلاحية",
        ValidUntil: "صالحة حتى {0}",
        ValidUntilWithdrawn: "صالحة حتى سحبها، وفي أقصى حد حتى انتهاء فترة المرافقة والدعم",
        SecrecyRelease: "ولهذا الغرض أُعفي العاملين في {0} من واجب الحفاظ على السرية المهنية (المادة 203 من قانون العقوبات الألماني، § 203 StGB).",
        Voluntary: "هذه الموافقة طوعية. إذا لم أوافق، سأستمر في الحصول على الاستشارة.",
        Withdrawal: "يمكنني سحب هذه الموافقة في أي وقت، كليًا أو جزئيًا، ودون ذكر الأسباب، شفهيًا أو كتابيًا، لدى {0}. يسري السحب من تلك اللحظة. أما البيانات التي نُقلت قبل ذلك فيبقى نقلها قانونيًا.",
        Rights: "لي الحق في الحصول على معلومات عن بياناتي، وفي تصحيحها وحذفها وتقييد معالجتها. ويمكنني تقديم شكوى إلى هيئة الرقابة على حماية البيانات في ولاية شمال الراين-وستفاليا (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "استلمتُ نسخة من هذا النموذج.",
        PlaceDate: "المكان، التاريخ",
        SignatureClient: "توقيع المستفيدة / المستفيد",
        SignatureStaff: "توقيع الموظفة المختصة / الموظف المختص",
        Interpreter: "تُرجم بواسطة (إذا ساعدت مترجمة أو ساعد مترجم)",
        ReviewNote: Note("لم يراجع مترجم محترف هذه الترجمة بعد. النص الألماني هو المعتمد."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "الاسم الأول واسم العائلة",
            [DataCategory.BirthDate] = "تاريخ الميلاد",
            [DataCategory.Phone] = "رقم الهاتف",
            [DataCategory.Email] = "عنوان البريد الإلكتروني",
            [DataCategory.Address] = "العنوان",
            [DataCategory.Languages] = "اللغات والحاجة إلى مترجم",
            [DataCategory.Nationality] = "الجنسية",
            [DataCategory.ResidenceStatus] = "وضع الإقامة",
            [DataCategory.Message] = "الطلب (وصف قصير للموضوع)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "الإقامة وقانون الأجانب",
            ["sprache"] = "اللغة",
            ["arbeit"] = "العمل والمهنة",
            ["ausbildung"] = "التدريب المهني والاعتراف بالشهادات",
            ["schule"] = "المدرسة والتعليم",
            ["kita"] = "الروضة ورعاية الأطفال",
            ["wohnen"] = "السكن",
            ["gesundheit"] = "الصحة",
            ["existenzsicherung"] = "تأمين المعيشة والإعانات (SGB II، SGB XII، AsylbLG، إعانة الأطفال Kindergeld)",
            ["finanzen"] = "الشؤون المالية والديون",
            ["familie"] = "الأسرة والتربية",
            ["einbuergerung"] = "التجنّس (الحصول على الجنسية الألمانية)",
            ["teilhabe"] = "التوجيه والمشاركة الاجتماعية",
            ["psychosozial"] = "الاستقرار النفسي والاجتماعي",
        }));

    private static ConsentFormText CreateTurkish() => new(
        Language: "tr",
        LanguageName: "Türkçe",
        RightToLeft: false,
        Review: TranslationReview.Unreviewed,
        Title: "Verilerin paylaşılmasına onay ve sır saklama yükümlülüğünden muaf tutma",
        Intro: "Ben, {0} (doğum tarihi: {1}), {2} kurumunun aşağıda belirtilen verileri, aşağıda belirtilen alıcılara, aşağıda belirtilen amaçlar için iletmesini kabul ediyorum.",
        RecipientsHeading: "Alıcılar (verileri kim alıyor)",
        PurposeHeading: "Amaç (ne için)",
        DataHeading: "Hangi veriler",
        ValidityHeading: "Geçerlilik",
        ValidUntil: "{0} tarihine kadar geçerli",
        ValidUntilWithdrawn: "geri alınana kadar geçerli, en geç destek süreci sona erene kadar",
        SecrecyRelease: "Bu amaçla {0} kurumunun çalışanlarını mesleki sır saklama yükümlülüğünden muaf tutuyorum (§ 203 StGB, Alman Ceza Kanunu).",
        Voluntary: "Bu onay gönüllüdür. Onay vermezsem de danışmanlık almaya devam ederim.",
        Withdrawal: "Bu onayı istediğim zaman, tamamen veya kısmen, gerekçe göstermeden – sözlü veya yazılı olarak {0} kurumuna bildirerek geri alabilirim. Geri alma, o andan itibaren geçerlidir. Daha önce aktarılmış veriler hukuka uygun olarak aktarılmış sayılır.",
        Rights: "Verilerim hakkında bilgi alma ve verilerimin düzeltilmesini, silinmesini veya işlenmesinin kısıtlanmasını isteme hakkım vardır. Kuzey Ren-Vestfalya veri koruma denetim makamına (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen) şikâyette bulunabilirim.",
        ReceivedCopy: "Bu formun bir kopyasını aldım.",
        PlaceDate: "Yer, tarih",
        SignatureClient: "Danışanın imzası",
        SignatureStaff: "Uzman çalışanın imzası",
        Interpreter: "Tercüme eden (bir tercüman yardım ettiyse)",
        ReviewNote: Note("Bu çeviri henüz profesyonel bir tercüman tarafından kontrol edilmedi. Almanca metin geçerlidir."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "Ad ve soyad",
            [DataCategory.BirthDate] = "Doğum tarihi",
            [DataCategory.Phone] = "Telefon numarası",
            [DataCategory.Email] = "E-posta adresi",
            [DataCategory.Address] = "Adres",
            [DataCategory.Languages] = "Diller ve tercüman ihtiyacı",
            [DataCategory.Nationality] = "Vatandaşlık",
            [DataCategory.ResidenceStatus] = "Oturum durumu",
            [DataCategory.Message] = "Talep (konunun kısa açıklaması)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Oturum ve yabancılar hukuku",
            ["sprache"] = "Dil",
            ["arbeit"] = "İş ve meslek",
            ["ausbildung"] = "Mesleki eğitim ve diplomaların tanınması",
            ["schule"] = "Okul ve eğitim",
            ["kita"] = "Kreş ve çocuk bakımı",
            ["wohnen"] = "Konut",
            ["gesundheit"] = "Sağlık",
            ["existenzsicherung"] = "Geçimin sağlanması ve sosyal yardımlar (SGB II, SGB XII, AsylbLG, çocuk parası – Kindergeld)",
            ["finanzen"] = "Mali konular ve borçlar",
            ["familie"] = "Aile ve çocuk eğitimi",
            ["einbuergerung"] = "Alman vatandaşlığına geçiş",
            ["teilhabe"] = "Yönlendirme ve sosyal hayata katılım",
            ["psychosozial"] = "Psikososyal denge",
        }));

    private static ConsentFormText CreateUkrainian() => new(
        Language: "uk",
        LanguageName: "Українська",
        RightToLeft: false,
        Review: TranslationReview.Unreviewed,
        Title: "Згода на передачу даних і звільнення від обов’язку зберігати професійну таємницю",
        Intro: "Я, {0} (дата народження: {1}), даю згоду на те, щоб організація {2} передавала зазначені нижче дані зазначеним нижче одержувачам для зазначених нижче цілей.",
        RecipientsHeading: "Одержувачі (хто отримує дані)",
        PurposeHeading: "Мета (для чого)",
        DataHeading: "Які дані",
        ValidityHeading: "Строк дії",
        ValidUntil: "діє до {0}",
        ValidUntilWithdrawn: "діє до відкликання, але не довше ніж до завершення супроводу",
        SecrecyRelease: "Для цього я звільняю працівників організації {0} від обов’язку зберігати професійну таємницю (§ 203 StGB, Кримінальний кодекс Німеччини).",
        Voluntary: "Ця згода є добровільною. Якщо я не дам згоди, мене все одно й надалі консультуватимуть.",
        Withdrawal: "Я можу будь-коли відкликати цю згоду повністю або частково, без пояснення причин – усно або письмово, повідомивши організацію {0}. Відкликання діє з цього моменту. Дані, передані до відкликання, залишаються переданими законно.",
        Rights: "Я маю право отримати інформацію про свої дані, а також вимагати їх виправлення, видалення або обмеження обробки. Я можу подати скаргу до органу нагляду за захистом даних землі Північний Рейн – Вестфалія (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "Мені видали копію цього формуляра.",
        PlaceDate: "Місце, дата",
        SignatureClient: "Підпис клієнтки / клієнта",
        SignatureStaff: "Підпис фахівчині / фахівця",
        Interpreter: "Хто перекладав (якщо допомагала перекладачка або перекладач)",
        ReviewNote: Note("Цей переклад ще не перевірив професійний перекладач. Чинним є текст німецькою мовою."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "Ім’я та прізвище",
            [DataCategory.BirthDate] = "Дата народження",
            [DataCategory.Phone] = "Номер телефону",
            [DataCategory.Email] = "Адреса електронної пошти",
            [DataCategory.Address] = "Адреса",
            [DataCategory.Languages] = "Мови та потреба в перекладачеві",
            [DataCategory.Nationality] = "Громадянство",
            [DataCategory.ResidenceStatus] = "Статус перебування",
            [DataCategory.Message] = "Запит (коротко, про що йдеться)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Перебування та право іноземців",
            ["sprache"] = "Мова",
            ["arbeit"] = "Робота та професія",
            ["ausbildung"] = "Професійне навчання та визнання дипломів",
            ["schule"] = "Школа та освіта",
            ["kita"] = "Дитячий садок і догляд за дітьми",
            ["wohnen"] = "Житло",
            ["gesundheit"] = "Здоров’я",
            ["existenzsicherung"] = "Забезпечення засобів до існування та соціальні виплати (SGB II, SGB XII, AsylbLG, допомога на дітей – Kindergeld)",
            ["finanzen"] = "Фінанси та борги",
            ["familie"] = "Сім’я та виховання",
            ["einbuergerung"] = "Натуралізація (отримання німецького громадянства)",
            ["teilhabe"] = "Орієнтація та участь у суспільному житті",
            ["psychosozial"] = "Психосоціальна стабільність",
        }));

    private static ConsentFormText CreatePersian() => new(
        Language: "fa",
        LanguageName: "فارسی",
        RightToLeft: true,
        Review: TranslationReview.Unreviewed,
        Title: "رضایت برای انتقال اطلاعات و معافیت از وظیفه رازداری حرفه‌ای",
        Intro: "من، {0} (تاریخ تولد: {1})، موافقت می‌کنم که {2} اطلاعات ذکر شده در زیر را برای اهداف ذکر شده در زیر به گیرندگان ذکر شده در زیر انتقال دهد.",
        RecipientsHeading: "گیرندگان (چه کسی اطلاعات را دریافت می‌کند)",
        PurposeHeading: "هدف (برای چه)",
        DataHeading: "کدام اطلاعات",
        ValidityHeading: "مدت اعتبار",
        ValidUntil: "معتبر تا {0}",
        ValidUntilWithdrawn: "معتبر تا زمانی که آن را پس بگیرم، حداکثر تا پایان دوره همراهی و حمایت",
        SecrecyRelease: "برای این منظور، کارکنان {0} را از وظیفه رازداری حرفه‌ای معاف می‌کنم (§ 203 StGB، قانون جزای آلمان).",
        Voluntary: "این رضایت داوطلبانه است. اگر موافقت نکنم، باز هم مشاوره می‌گیرم.",
        Withdrawal: "من می‌توانم این رضایت را در هر زمان، به‌طور کامل یا جزئی و بدون ذکر دلیل، به‌صورت شفاهی یا کتبی نزد {0} پس بگیرم. پس گرفتن رضایت از همان لحظه اعتبار دارد. انتقال اطلاعاتی که پیش از آن انجام شده است، قانونی باقی می‌ماند.",
        Rights: "من حق دارم درباره اطلاعاتم معلومات بگیرم و اصلاح، حذف یا محدود کردن پردازش آن‌ها را درخواست کنم. همچنین می‌توانم به مرجع نظارت بر حفاظت از داده‌ها در ایالت نوردراین-وستفالن (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen) شکایت کنم.",
        ReceivedCopy: "یک نسخه از این فرم را دریافت کرده‌ام.",
        PlaceDate: "محل، تاریخ",
        SignatureClient: "امضای مراجعه‌کننده",
        SignatureStaff: "امضای کارشناس",
        Interpreter: "ترجمه توسط (اگر یک مترجم کمک کرده است)",
        ReviewNote: Note("این ترجمه هنوز توسط یک مترجم حرفه‌ای بررسی نشده است. متن آلمانی معتبر است."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "نام و نام خانوادگی",
            [DataCategory.BirthDate] = "تاریخ تولد",
            [DataCategory.Phone] = "شماره تلفن",
            [DataCategory.Email] = "آدرس ایمیل",
            [DataCategory.Address] = "آدرس محل سکونت",
            [DataCategory.Languages] = "زبان‌ها و نیاز به مترجم",
            [DataCategory.Nationality] = "تابعیت",
            [DataCategory.ResidenceStatus] = "وضعیت اقامت",
            [DataCategory.Message] = "درخواست (توضیح کوتاه درباره موضوع)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "اقامت و قانون اتباع خارجی",
            ["sprache"] = "زبان",
            ["arbeit"] = "کار و شغل",
            ["ausbildung"] = "آموزش حرفه‌ای و به رسمیت شناختن مدارک تحصیلی",
            ["schule"] = "مدرسه (مکتب) و آموزش",
            ["kita"] = "کودکستان و نگهداری از کودکان",
            ["wohnen"] = "مسکن",
            ["gesundheit"] = "صحت و سلامت",
            ["existenzsicherung"] = "تأمین معیشت و کمک‌های اجتماعی (SGB II، SGB XII، AsylbLG، کمک‌هزینه فرزند – Kindergeld)",
            ["finanzen"] = "امور مالی و بدهی‌ها",
            ["familie"] = "خانواده و تربیت فرزندان",
            ["einbuergerung"] = "گرفتن تابعیت آلمان",
            ["teilhabe"] = "آشنایی با محیط و مشارکت اجتماعی",
            ["psychosozial"] = "ثبات روانی و اجتماعی",
        }));

    private static ConsentFormText CreateRussian() => new(
        Language: "ru",
        LanguageName: "Русский",
        RightToLeft: false,
        Review: TranslationReview.Unreviewed,
        Title: "Согласие на передачу данных и освобождение от обязанности хранить профессиональную тайну",
        Intro: "Я, {0} (дата рождения: {1}), даю согласие на то, чтобы организация {2} передавала указанные ниже данные указанным ниже получателям для указанных ниже целей.",
        RecipientsHeading: "Получатели (кто получает данные)",
        PurposeHeading: "Цель (для чего)",
        DataHeading: "Какие данные",
        ValidityHeading: "Срок действия",
        ValidUntil: "действует до {0}",
        ValidUntilWithdrawn: "действует до отзыва, но не дольше, чем до окончания сопровождения",
        SecrecyRelease: "Для этого я освобождаю сотрудников организации {0} от обязанности хранить профессиональную тайну (§ 203 StGB, Уголовный кодекс Германии).",
        Voluntary: "Это согласие добровольное. Если я не дам согласия, меня всё равно будут консультировать дальше.",
        Withdrawal: "Я могу в любое время отозвать это согласие полностью или частично, без объяснения причин – устно или письменно, сообщив об этом в организацию {0}. Отзыв действует с этого момента. Данные, переданные до отзыва, остаются переданными законно.",
        Rights: "Я имею право получить информацию о своих данных, а также потребовать их исправления, удаления или ограничения обработки. Я могу подать жалобу в надзорный орган по защите данных земли Северный Рейн – Вестфалия (Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen).",
        ReceivedCopy: "Мне выдали копию этого бланка.",
        PlaceDate: "Место, дата",
        SignatureClient: "Подпись клиентки / клиента",
        SignatureStaff: "Подпись сотрудницы / сотрудника",
        Interpreter: "Кто переводил (если помогала переводчица или переводчик)",
        ReviewNote: Note("Этот перевод ещё не проверил профессиональный переводчик. Действует текст на немецком языке."),
        Categories: Categories(new()
        {
            [DataCategory.Name] = "Имя и фамилия",
            [DataCategory.BirthDate] = "Дата рождения",
            [DataCategory.Phone] = "Номер телефона",
            [DataCategory.Email] = "Адрес электронной почты",
            [DataCategory.Address] = "Адрес",
            [DataCategory.Languages] = "Языки и потребность в переводчике",
            [DataCategory.Nationality] = "Гражданство",
            [DataCategory.ResidenceStatus] = "Статус пребывания",
            [DataCategory.Message] = "Запрос (коротко, о чём идёт речь)",
        }),
        NeedAreas: NeedAreas(new()
        {
            ["aufenthalt"] = "Пребывание и право иностранцев",
            ["sprache"] = "Язык",
            ["arbeit"] = "Работа и профессия",
            ["ausbildung"] = "Профессиональное обучение и признание дипломов",
            ["schule"] = "Школа и образование",
            ["kita"] = "Детский сад и присмотр за детьми",
            ["wohnen"] = "Жильё",
            ["gesundheit"] = "Здоровье",
            ["existenzsicherung"] = "Обеспечение средств к существованию и социальные выплаты (SGB II, SGB XII, AsylbLG, пособие на детей – Kindergeld)",
            ["finanzen"] = "Финансы и долги",
            ["familie"] = "Семья и воспитание",
            ["einbuergerung"] = "Натурализация (получение немецкого гражданства)",
            ["teilhabe"] = "Ориентация и участие в общественной жизни",
            ["psychosozial"] = "Психосоциальная стабильность",
        }));
}
