namespace Lotse;

/// <summary>The installation's settings under the <c>Lotse</c> section of the configuration.</summary>
public sealed class LotseOptions
{
    public const string Section = "Lotse";

    /// <summary>Shown in the header, e.g. "Stadt Gelsenkirchen – Kommunales Integrationsmanagement".</summary>
    public string InstallationName { get; set; } = "Lotse";

    public string DataDirectory { get; set; } = "./data";

    /// <summary>
    /// The IANA time zone users type and read times in (appointments, contacts, "today"). Stored times are UTC,
    /// so a server running on UTC shows the same times as one running on German time.
    /// </summary>
    public string TimeZone { get; set; } = "Europe/Berlin";

    /// <summary>
    /// The address users reach Lotse under, e.g. <c>https://lotse.gelsenkirchen.de</c>. Every link Lotse
    /// hands out (answer links, calendar feeds) is built from it, never from the request's Host header;
    /// the allowed hosts follow from it.
    /// </summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Addresses (IPs or CIDR networks) of the reverse proxies whose X-Forwarded-For/-Proto are believed. Loopback always.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    public DemoOptions Demo { get; set; } = new();

    public TwoFactorOptions TwoFactor { get; set; } = new();

    public SignInOptions SignIn { get; set; } = new();

    public CaseOptions Cases { get; set; } = new();

    public DirectoryOptions Directory { get; set; } = new();

    public ReferralOptions Referrals { get; set; } = new();

    public DocumentOptions Documents { get; set; } = new();

    public RetentionOptions Retention { get; set; } = new();

    public ApiOptions Api { get; set; } = new();

    public LegalOptions Legal { get; set; } = new();

    /// <summary>
    /// What the Impressum, the Datenschutzhinweise (Art. 13 GDPR) and the Erklärung zur Barrierefreiheit
    /// (BITV 2.0) name: the operator is the Kommune, not the software's makers. Unset lines show as "not entered".
    /// </summary>
    public sealed class LegalOptions
    {
        /// <summary>The controller and operator, e.g. "Stadt Gelsenkirchen".</summary>
        public string? Operator { get; set; }

        /// <summary>Who represents it, e.g. "vertreten durch die Oberbürgermeisterin".</summary>
        public string? Representative { get; set; }

        /// <summary>Postal address, lines separated by "\n".</summary>
        public string? Address { get; set; }

        public string? Email { get; set; }

        public string? Phone { get; set; }

        /// <summary>The data protection officer's contact (Art. 13 (1) b GDPR).</summary>
        public string? DataProtectionOfficer { get; set; }

        /// <summary>Where barriers are reported (BITV 2.0 § 7): an address answered within the statutory period.</summary>
        public string? AccessibilityContact { get; set; }

        /// <summary>The day the accessibility statement was last checked against the product.</summary>
        public DateOnly? AccessibilityReviewedOn { get; set; }

        /// <summary>Where users go when the operator does not remedy a barrier (BITV NRW: the Land's ombudsman).</summary>
        public string AccessibilityOmbudsman { get; set; } =
            "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen, Fürstenwall 25, 40219 Düsseldorf, ombudsstelle-barrierefreie-it@mags.nrw.de";

        /// <summary>The supervisory authority a complaint goes to (Art. 77 GDPR).</summary>
        public string SupervisoryAuthority { get; set; } =
            "Landesbeauftragte für Datenschutz und Informationsfreiheit Nordrhein-Westfalen, Kavalleriestraße 2–4, 40213 Düsseldorf, poststelle@ldi.nrw.de";
    }

    public sealed class ApiOptions
    {
        /// <summary>
        /// How long the answer to a POST with an <c>Idempotency-Key</c> is kept for a repeat (ADR 016).
        /// It holds the answer's personal data, so it is short; an erasure deletes those that name the person.
        /// </summary>
        public int IdempotencyKeyHours { get; set; } = 24;
    }

    public sealed class DocumentOptions
    {
        /// <summary>Largest accepted upload.</summary>
        public int MaxSizeMegabytes { get; set; } = 10;
    }

    public sealed class RetentionOptions
    {
        /// <summary>
        /// Years after the closure of a person's last case (or, without any case, after registration)
        /// until the retention job anonymises the person. DOMAIN.md: 3 years, to be confirmed by the city.
        /// </summary>
        public int YearsAfterClosure { get; set; } = 3;

        /// <summary>Whether the daily background job runs (the <c>retention run</c> command works either way).</summary>
        public bool JobEnabled { get; set; } = true;
    }

    public sealed class DirectoryOptions
    {
        /// <summary>Offers not verified for this many months are flagged and their owners reminded.</summary>
        public int VerifyAfterMonths { get; set; } = 6;
    }

    public sealed class ReferralOptions
    {
        /// <summary>Sent referrals without an answer after this many working days (Mon–Fri, NRW holidays excluded) are flagged.</summary>
        public int AnswerWithinWorkingDays { get; set; } = 5;

        /// <summary>How long a single-use answer link for a recipient without an account stays valid.</summary>
        public int LinkValidDays { get; set; } = 14;
    }

    public sealed class CaseOptions
    {
        /// <summary>How long before a residence status expires its derived deadline shows as upcoming.</summary>
        public int ResidenceExpiryLeadWeeks { get; set; } = 8;

        /// <summary>Cases without contact for this many weeks show on "Mein Tag".</summary>
        public int NoContactWeeks { get; set; } = 6;
    }

    public sealed class DemoOptions
    {
        /// <summary>Seeds the Gelsenkirchen demo into an empty database at start-up. Refused in Production.</summary>
        public bool Enabled { get; set; }
    }

    public sealed class TwoFactorOptions
    {
        /// <summary>Roles whose holders must use a second factor. Ignored in the demo installation.</summary>
        public List<string> RequiredForRoles { get; set; } = [];
    }

    public sealed class SignInOptions
    {
        /// <summary>Sign-in attempts allowed per client address and minute.</summary>
        public int PermitPerMinute { get; set; } = 10;

        /// <summary>A session ends after this many minutes without a request.</summary>
        public int IdleTimeoutMinutes { get; set; } = 30;
    }
}
