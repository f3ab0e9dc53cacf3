namespace Lotse.Features.Consents;

/// <summary>The data categories a consent can name and a referral can share, field by field.</summary>
public enum DataCategory
{
    Name = 1,
    BirthDate = 2,
    Phone = 3,
    Email = 4,
    Address = 5,
    Languages = 6,
    Nationality = 7,
    ResidenceStatus = 8,
    Message = 9,
}

public static class DataCategories
{
    public static IReadOnlyList<DataCategory> All { get; } = Enum.GetValues<DataCategory>();

    /// <summary>The German UI name (a localisation key).</summary>
    public static string DisplayName(DataCategory category) => category switch
    {
        DataCategory.Name => "Vor- und Nachname",
        DataCategory.BirthDate => "Geburtsdatum",
        DataCategory.Phone => "Telefonnummer",
        DataCategory.Email => "E-Mail-Adresse",
        DataCategory.Address => "Anschrift",
        DataCategory.Languages => "Sprachen und Dolmetschbedarf",
        DataCategory.Nationality => "Staatsangehörigkeit",
        DataCategory.ResidenceStatus => "Aufenthaltsstatus",
        DataCategory.Message => "Anliegen (Freitext)",
        _ => category.ToString(),
    };

    /// <summary>The API code, e.g. "birthDate".</summary>
    public static string Code(DataCategory category) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(category.ToString());

    public static bool TryParse(string? code, out DataCategory category) =>
        Enum.TryParse(code, ignoreCase: true, out category) && Enum.IsDefined(category);
}
