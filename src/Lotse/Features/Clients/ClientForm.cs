using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Districts;
using Lotse.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Clients;

/// <summary>The client form of the New and Edit pages.</summary>
public sealed class ClientForm
{
    public string? GivenName { get; set; }

    [Required(ErrorMessage = "Bitte geben Sie den Familiennamen ein.")]
    public string FamilyName { get; set; } = string.Empty;

    public string? BirthName { get; set; }

    public string? BirthDate { get; set; }

    public Sex Sex { get; set; }

    [RuleField("nationalities")]
    public string? Nationality1 { get; set; }

    public string? Nationality2 { get; set; }

    [RuleField("languages")]
    public string? Language1 { get; set; }

    public string? Language2 { get; set; }

    public string? Language3 { get; set; }

    public bool InterpreterNeeded { get; set; }

    public string? InterpreterLanguage { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Street { get; set; }

    public string? PostalCode { get; set; }

    public string? City { get; set; }

    [RuleField("districtId")]
    public Guid? DistrictId { get; set; }

    public DateOnly? EntryDate { get; set; }

    public string? OtherGivenName1 { get; set; }

    public string? OtherFamilyName1 { get; set; }

    public string? OtherGivenName2 { get; set; }

    public string? OtherFamilyName2 { get; set; }

    public int Version { get; set; }

    public static ClientForm From(Client c) => new()
    {
        GivenName = c.GivenName,
        FamilyName = c.FamilyName,
        BirthName = c.BirthName,
        BirthDate = Matching.PartialDate.TryParse(c.BirthDate, out var born) ? born.ToGermanString() : c.BirthDate,
        Sex = c.Sex,
        Nationality1 = c.Nationalities.ElementAtOrDefault(0),
        Nationality2 = c.Nationalities.ElementAtOrDefault(1),
        Language1 = c.Languages.ElementAtOrDefault(0),
        Language2 = c.Languages.ElementAtOrDefault(1),
        Language3 = c.Languages.ElementAtOrDefault(2),
        InterpreterNeeded = c.InterpreterNeeded,
        InterpreterLanguage = c.InterpreterLanguage,
        Phone = c.Phone,
        Email = c.Email,
        Street = c.Street,
        PostalCode = c.PostalCode,
        City = c.City,
        DistrictId = c.DistrictId,
        EntryDate = c.EntryDate,
        OtherGivenName1 = c.OtherSpellings.ElementAtOrDefault(0)?.GivenName,
        OtherFamilyName1 = c.OtherSpellings.ElementAtOrDefault(0)?.FamilyName,
        OtherGivenName2 = c.OtherSpellings.ElementAtOrDefault(1)?.GivenName,
        OtherFamilyName2 = c.OtherSpellings.ElementAtOrDefault(1)?.FamilyName,
        Version = c.Version,
    };

    public ClientInput ToInput() => new()
    {
        GivenName = GivenName,
        FamilyName = FamilyName,
        BirthName = BirthName,
        BirthDate = BirthDate,
        Sex = Sex,
        Nationalities = [.. new[] { Nationality1, Nationality2 }.OfType<string>().Where(s => s.Length > 0)],
        Languages = [.. new[] { Language1, Language2, Language3 }.OfType<string>().Where(s => s.Length > 0)],
        InterpreterNeeded = InterpreterNeeded,
        InterpreterLanguage = InterpreterLanguage,
        Phone = Phone,
        Email = Email,
        Street = Street,
        PostalCode = PostalCode,
        City = City,
        DistrictId = DistrictId,
        EntryDate = EntryDate,
        OtherSpellings = [.. new[] { (OtherGivenName1, OtherFamilyName1), (OtherGivenName2, OtherFamilyName2) }
            .Where(s => !string.IsNullOrWhiteSpace(s.Item2)).Select(s => (s.Item1, s.Item2!))],
    };
}

/// <summary>A page that shows the client form (the partial's model, so that field names bind to <c>Form.*</c>).</summary>
public interface IClientFormPage
{
    ClientForm Form { get; }

    ClientFormChoices Choices { get; }
}

/// <summary>The choices of the client form.</summary>
public sealed class ClientFormChoices
{
    public IReadOnlyList<SelectListItem> Countries { get; private init; } = [];

    public IReadOnlyList<SelectListItem> Languages { get; private init; } = [];

    public IReadOnlyList<SelectListItem> Districts { get; private init; } = [];

    public IReadOnlyList<SelectListItem> Sexes { get; private init; } = [];

    public static async Task<ClientFormChoices> LoadAsync(LotseDbContext db, IStringLocalizer localizer)
    {
        var districts = await db.Districts.Where(d => d.IsActive && d.Level != DistrictLevel.Stadtbezirk)
            .OrderBy(d => d.Parent!.SortOrder).ThenBy(d => d.SortOrder)
            .Select(d => new { d.Id, d.Name, Parent = d.Parent!.Name }).ToListAsync();
        return new ClientFormChoices
        {
            Countries = [.. Clients.Countries.All().Select(c => new SelectListItem(c.Name, c.Code))],
            Languages = [.. Clients.Languages.All().Select(l => new SelectListItem(l.Name, l.Code))],
            Districts = [.. districts.Select(d => new SelectListItem($"{d.Name} ({d.Parent})", d.Id.ToString()))],
            Sexes =
            [
                new(localizer["keine Angabe"], nameof(Sex.Unknown)),
                new(localizer["weiblich"], nameof(Sex.Female)),
                new(localizer["männlich"], nameof(Sex.Male)),
                new(localizer["divers"], nameof(Sex.Diverse)),
            ],
        };
    }
}
