using System.Globalization;
using System.Text.Json;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Catalogs;
using Lotse.Features.Clients;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Privacy;

/// <summary>The Art. 15 information as a printable German document, and as JSON.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class ExportModel(LotseDbContext db, ClientExport export, ClientGate gate, AuditLog audit) : PageModel
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ClientExportData Data { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> NeedAreas { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> EncounterKinds { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        NeedAreas = await CatalogLabels.LoadAsync(db, CatalogKind.NeedArea, cancellationToken: HttpContext.RequestAborted);
        EncounterKinds = await CatalogLabels.LoadAsync(db, CatalogKind.EncounterKind, cancellationToken: HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnGetJsonAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(Data, Json), "application/json",
            string.Create(CultureInfo.InvariantCulture, $"auskunft-art15-{Id:N}.json"));
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenAsync(Id, ClientOperation.ExerciseRights, "art15", HttpContext.RequestAborted) is not { } client)
        {
            return NotFound();
        }

        Data = await export.BuildAsync(client, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditOperation.Export, "ClientExport", client.Id, client.Id, "art15", HttpContext.RequestAborted);
        return null;
    }
}
