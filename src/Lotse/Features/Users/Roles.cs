namespace Lotse.Features.Users;

/// <summary>The seven roles of DESIGN.md. One person may hold several.</summary>
public static class Roles
{
    public const string CaseManager = nameof(CaseManager);
    public const string TeamLead = nameof(TeamLead);
    public const string Coordinator = nameof(Coordinator);
    public const string AuthorityStaff = nameof(AuthorityStaff);
    public const string PartnerStaff = nameof(PartnerStaff);
    public const string DataProtectionOfficer = nameof(DataProtectionOfficer);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All =
        [CaseManager, TeamLead, Coordinator, AuthorityStaff, PartnerStaff, DataProtectionOfficer, Admin];

    /// <summary>The German UI name of a role (a localisation key).</summary>
    public static string DisplayName(string role) => role switch
    {
        CaseManager => "Fallmanagement",
        TeamLead => "Teamleitung",
        Coordinator => "Koordination",
        AuthorityStaff => "Ausländer-/Einbürgerungsbehörde",
        PartnerStaff => "Partner",
        DataProtectionOfficer => "Datenschutz",
        Admin => "Administration",
        _ => role,
    };
}
