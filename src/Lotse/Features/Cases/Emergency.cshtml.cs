using Lotse.Data;
using Lotse.Features.Clients;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Cases;

/// <summary>
/// Break glass: a case worker opens a case of the own organisation that is not theirs, in an
/// emergency, with a reason. The access ends after the next day and is shown to the responsible
/// case manager and the data protection officer.
/// </summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class EmergencyModel(LotseDbContext db, ClientGate gate, CaseGate cases, TimeProvider time, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public sealed record HiddenCase(Guid Id, string Reference, CasePhase Phase, string? Responsible);

    [BindProperty(SupportsGet = true)]
    public Guid ClientId { get; set; }

    [BindProperty]
    public Guid CaseId { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Client Client { get; private set; } = null!;

    public IReadOnlyList<HiddenCase> Cases { get; private set; } = [];

    private DateOnly Today => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } refused)
        {
            return refused;
        }

        var target = Cases.FirstOrDefault(c => c.Id == CaseId);
        if (target is null)
        {
            ModelState.AddModelError(nameof(CaseId), localizer["Bitte wählen Sie den Fall."]);
        }

        if (Category is null || !EmergencyReasons.Categories.ContainsKey(Category))
        {
            ModelState.AddModelError(nameof(Category), localizer["Bitte wählen Sie, welcher Notfall vorliegt."]);
        }

        if (Reason?.Trim().Length > 800)
        {
            ModelState.AddModelError(nameof(Reason), localizer["Höchstens 800 Zeichen."]);
        }
        else if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < 15)
        {
            ModelState.AddModelError(nameof(Reason), localizer["Bitte begründen Sie den Notfallzugriff (mindestens 15 Zeichen). Die Begründung sehen die verantwortliche Fachkraft und der Datenschutz."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.EmergencyAccesses.Add(new EmergencyAccess
        {
            CaseId = target!.Id,
            ClientId = Client.Id,
            UserId = User.GetUserId()!.Value,
            Reason = EmergencyReasons.Compose(Category!, Reason!),
            GrantedAt = time.GetUtcNow().UtcDateTime,
            Until = Today.AddDays(1),
        });
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Message"] = localizer["Notfallzugriff auf {0} bis morgen, 24 Uhr. Die verantwortliche Fachkraft und der Datenschutz sehen ihn mit Ihrer Begründung.", target.Reference].Value;
        return RedirectToPage("./Details", new { id = target.Id });
    }

    private async Task<IActionResult?> LoadAsync()
    {
        if (await gate.OpenAsync(ClientId, ClientOperation.Read, cancellationToken: HttpContext.RequestAborted) is not { } client)
        {
            return NotFound();
        }

        Client = client;
        var candidates = await db.Cases.Where(c => c.ClientId == client.Id && c.OrganizationId == client.OrganizationId)
            .Include(c => c.Responsible).Include(c => c.Deputies).Include(c => c.EmergencyAccesses)
            .OrderByDescending(c => c.OpenedOn).ToListAsync(HttpContext.RequestAborted);
        var hidden = new List<HiddenCase>();
        foreach (var c in candidates)
        {
            if (await cases.MayAsync(c, CaseOperation.BreakGlass))
            {
                hidden.Add(new HiddenCase(c.Id, c.Reference, c.Phase, c.Responsible?.DisplayName));
            }
        }

        Cases = hidden;
        return null;
    }
}

/// <summary>
/// Why someone breaks the glass: a category the data protection officer can count, plus the
/// reason in the user's words. Both are kept together in <see cref="EmergencyAccess.Reason"/>.
/// </summary>
public static class EmergencyReasons
{
    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["krise"] = "Akute Krise oder Gefährdung der Person",
        ["frist"] = "Eine Frist läuft ab, die zuständige Fachkraft ist nicht erreichbar",
        ["termin"] = "Die Person ist da oder ein Amt fragt heute an",
        ["abwesenheit"] = "Unvorhergesehene Abwesenheit ohne eingetragene Vertretung",
        ["sonstiges"] = "Anderer Notfall",
    };

    public static string Compose(string category, string reason) => $"{Categories[category]}: {reason.Trim()}";
}
