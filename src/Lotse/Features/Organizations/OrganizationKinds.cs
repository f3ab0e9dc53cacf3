namespace Lotse.Features.Organizations;

public static class OrganizationKinds
{
    /// <summary>The German UI name of an organisation kind (a localisation key).</summary>
    public static string DisplayName(OrganizationKind kind) => kind switch
    {
        OrganizationKind.CityCoordination => "Stadt / Koordination",
        OrganizationKind.WelfareOrganization => "Freier Träger",
        OrganizationKind.ForeignersAuthority => "Ausländerbehörde",
        OrganizationKind.NaturalisationAuthority => "Einbürgerungsbehörde",
        OrganizationKind.Jobcenter => "Jobcenter",
        OrganizationKind.OtherPartner => "Anderer Partner",
        _ => kind.ToString(),
    };
}
