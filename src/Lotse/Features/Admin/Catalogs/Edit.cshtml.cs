using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Catalogs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Admin.Catalogs;

public sealed class EditModel(LotseDbContext db, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public CatalogKind Catalog { get; set; } = CatalogKind.NeedArea;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            return Enum.IsDefined(Catalog) ? Page() : NotFound();
        }

        var entry = await db.CatalogEntries.FindAsync(Id);
        if (entry is null)
        {
            return NotFound();
        }

        Catalog = entry.Catalog;
        Input = new InputModel
        {
            Code = entry.Code,
            Label = entry.Label,
            LabelEn = entry.LabelEn,
            Detail = entry.Detail,
            SortOrder = entry.SortOrder,
            IsActive = entry.IsActive,
            Version = entry.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var entry = Id is null ? null : await db.CatalogEntries.FindAsync(Id);
        if (Id is not null && entry is null)
        {
            return NotFound();
        }

        if (entry is not null)
        {
            // The code never changes once an entry exists: statistics and exchange files rely on it.
            Catalog = entry.Catalog;
            Input.Code = entry.Code;
            ModelState.Remove("Input.Code");
        }
        else if (!string.IsNullOrWhiteSpace(Input.Code) && await db.CatalogEntries.AnyAsync(e => e.Catalog == Catalog && e.Code == Input.Code.Trim()))
        {
            ModelState.AddModelError("Input.Code", localizer["Diesen Code gibt es in diesem Katalog schon."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        entry ??= db.CatalogEntries.Add(new CatalogEntry { Catalog = Catalog, Code = Input.Code.Trim(), Label = Input.Label }).Entity;
        entry.Label = Input.Label.Trim();
        entry.LabelEn = string.IsNullOrWhiteSpace(Input.LabelEn) ? null : Input.LabelEn.Trim();
        entry.Detail = string.IsNullOrWhiteSpace(Input.Detail) ? null : Input.Detail.Trim();
        entry.SortOrder = Input.SortOrder;
        entry.IsActive = Input.IsActive;
        if (Id is null)
        {
            await db.SaveChangesAsync();
        }
        else if (!await db.TrySaveEditAsync(entry, Input.Version))
        {
            ModelState.AddModelError(string.Empty, localizer["Der Datensatz wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu."]);
            return Page();
        }

        TempData["Message"] = localizer["Der Eintrag „{0}“ wurde gespeichert.", entry.Label].Value;
        return RedirectToPage("./Index", new { catalog = Catalog });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Code ein.")]
        [RegularExpression("^[a-z0-9][a-z0-9-]{0,79}$", ErrorMessage = "Der Code besteht aus Kleinbuchstaben, Ziffern und Bindestrichen.")]
        public string Code { get; set; } = string.Empty;

        [Required(ErrorMessage = "Bitte geben Sie eine Bezeichnung ein.")]
        [StringLength(300, ErrorMessage = "Die Bezeichnung darf höchstens 300 Zeichen lang sein.")]
        public string Label { get; set; } = string.Empty;

        [StringLength(300, ErrorMessage = "Die Bezeichnung darf höchstens 300 Zeichen lang sein.")]
        public string? LabelEn { get; set; }

        [StringLength(500, ErrorMessage = "Der Hinweis darf höchstens 500 Zeichen lang sein.")]
        public string? Detail { get; set; }

        [Range(0, 100000, ErrorMessage = "Die Reihenfolge muss eine Zahl zwischen 0 und 100000 sein.")]
        public int SortOrder { get; set; } = 1000;

        public bool IsActive { get; set; } = true;

        public int Version { get; set; }
    }
}
