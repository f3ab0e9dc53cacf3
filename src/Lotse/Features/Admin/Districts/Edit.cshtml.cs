using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Districts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Admin.Districts;

public sealed class EditModel(LotseDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadChoicesAsync();
        if (Id is null)
        {
            return Page();
        }

        var district = await db.Districts.FindAsync(Id);
        if (district is null)
        {
            return NotFound();
        }

        Input = new InputModel
        {
            Name = district.Name,
            ParentId = district.ParentId,
            SortOrder = district.SortOrder,
            Population = district.Population,
            IsActive = district.IsActive,
            Version = district.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadChoicesAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var parent = Input.ParentId is null ? null : await db.Districts.FindAsync(Input.ParentId);
        if (Input.ParentId is not null && (parent is null || parent.Level == DistrictLevel.Quartier || parent.Id == Id))
        {
            ModelState.AddModelError("Input.ParentId", localizer["Ein Bezirk kann nur unter einem Stadtbezirk oder Stadtteil liegen."]);
            return Page();
        }

        var name = Input.Name.Trim();
        if (await db.Districts.AnyAsync(d => d.ParentId == Input.ParentId && d.Name == name && d.Id != Id))
        {
            ModelState.AddModelError("Input.Name", localizer["Auf dieser Ebene gibt es schon einen Bezirk mit diesem Namen."]);
            return Page();
        }

        var district = Id is null ? new District { Name = name } : await db.Districts.FindAsync(Id);
        if (district is null)
        {
            return NotFound();
        }

        if (Id is not null && parent is not null && district.Level != (DistrictLevel)((int)parent.Level + 1)
            && await db.Districts.AnyAsync(d => d.ParentId == district.Id))
        {
            ModelState.AddModelError("Input.ParentId", localizer["Ein Bezirk mit Unterbezirken kann nicht auf eine andere Ebene verschoben werden."]);
            return Page();
        }

        district.Name = name;
        district.ParentId = parent?.Id;
        district.Level = parent is null ? DistrictLevel.Stadtbezirk : (DistrictLevel)((int)parent.Level + 1);
        district.SortOrder = Input.SortOrder;
        district.Population = Input.Population;
        district.IsActive = Input.IsActive;
        if (Id is null)
        {
            db.Districts.Add(district);
            await db.SaveChangesAsync();
        }
        else if (!await db.TrySaveEditAsync(district, Input.Version))
        {
            ModelState.AddModelError(string.Empty, localizer["Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."]);
            return Page();
        }

        TempData["Message"] = localizer["Der Bezirk „{0}“ wurde gespeichert.", district.Name].Value;
        return RedirectToPage("./Index");
    }

    private async Task LoadChoicesAsync()
    {
        var candidates = await db.Districts.Where(d => d.Level != DistrictLevel.Quartier && d.Id != Id)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
            .Select(d => new { d.Id, d.Name, d.Level, ParentName = d.Parent != null ? d.Parent.Name : null })
            .ToListAsync();
        Parents = [.. candidates.Select(d => new SelectListItem(d.ParentName is null ? d.Name : $"{d.ParentName} › {d.Name}", d.Id.ToString()))];
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Namen ein.")]
        [StringLength(200, ErrorMessage = "Der Name darf höchstens 200 Zeichen lang sein.")]
        public string Name { get; set; } = string.Empty;

        public Guid? ParentId { get; set; }

        [Range(0, 10000, ErrorMessage = "Die Reihenfolge muss eine Zahl zwischen 0 und 10000 sein.")]
        public int SortOrder { get; set; }

        [Range(1, 10_000_000, ErrorMessage = "Die Einwohnerzahl muss zwischen 1 und 10.000.000 liegen.")]
        public int? Population { get; set; }

        public bool IsActive { get; set; } = true;

        public int Version { get; set; }
    }
}
