using System.Globalization;
using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients.Matching;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Privacy;

/// <summary>
/// The data protection officer's view of the audit log (at <c>/Audit</c>): search, flags, CSV, and the chain check.
/// A person is found by name across the installation (the officer audits every organisation); the id stays in the link.
/// </summary>
[Authorize(Policy = Policies.DataProtection)]
public sealed class AuditLogModel(LotseDbContext db, AuditSearch search, AuditChain chain, AuditLog audit, TimeProvider time) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public Guid? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? ClientId { get; set; }

    /// <summary>A name (and birth date) typed to find the person whose accesses are wanted.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Person { get; set; }

    public sealed record PersonChoice(Guid Id, string Name, string? BirthDate, string Organization);

    /// <summary>The people the typed name finds: each a link that filters by them.</summary>
    public IReadOnlyList<PersonChoice> People { get; private set; } = [];

    /// <summary>The person filtered by, by name.</summary>
    public PersonChoice? Filtered { get; private set; }

    [BindProperty(SupportsGet = true)]
    public Guid? OrganizationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditOperation? Operation { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public IReadOnlyList<SelectListItem> Users { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Organizations { get; private set; } = [];

    public AuditVerification? Verification { get; private set; }

    public sealed record Emergency(DateTime GrantedAt, DateOnly Until, Guid UserId, string User, string Case, Guid ClientId, string Reason)
    {
        /// <summary>How many emergency accesses the same user opened in the 30 days up to this one, this one included.</summary>
        public int InThirtyDays { get; init; } = 1;

        /// <summary>Break glass three times in 30 days is a pattern for the data protection officer, not an emergency.</summary>
        public bool Repeated => InThirtyDays >= RepeatedThreshold;
    }

    public const int RepeatedThreshold = 3;

    /// <summary>Emergency accesses (break glass) of the last 90 days, with their reasons.</summary>
    public IReadOnlyList<Emergency> Emergencies { get; private set; } = [];

    private AuditFilter Filter => new(UserId, ClientId, OrganizationId, Operation, From, To);

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (ClientId is null && !string.IsNullOrWhiteSpace(Person))
        {
            People = await FindPeopleAsync(Person.Trim());
            await audit.SearchAsync("Client", People.Select(p => p.Id), HttpContext.RequestAborted);
        }

        if (ClientId is { } clientId)
        {
            Filtered = await ChoicesAsync(db.Clients.Where(c => c.Id == clientId)) is [var only, ..] ? only : null;
        }

        await audit.RecordAsync(AuditOperation.Search, "AuditLog", null, ClientId, Filter.ToString(), HttpContext.RequestAborted);
    }

    /// <summary>Everyone of the installation with a name key the typed name gives, whatever organisation holds them.</summary>
    private async Task<IReadOnlyList<PersonChoice>> FindPeopleAsync(string text)
    {
        var names = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.Any(char.IsAsciiDigit)).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var given = names.Count > 1 ? string.Join(' ', names[..^1]) : null;
        var fullKeys = NameKeys.LookupKeys(given, names[^1]);
        var keys = fullKeys.Concat(names.SelectMany(n => NameKeys.LookupKeys(null, n))).Distinct().ToList();
        var ids = db.ClientNameKeys.Where(k => keys.Contains(k.Key)).Select(k => k.ClientId);
        var fullIds = db.ClientNameKeys.Where(k => fullKeys.Contains(k.Key)).Select(k => k.ClientId);
        var found = await ChoicesAsync(db.Clients.Where(c => ids.Contains(c.Id)), MaxPeople + 1, fullIds);
        MorePeople = found.Count > MaxPeople;
        return [.. found.Take(MaxPeople)];
    }

    public const int MaxPeople = 20;

    /// <summary>More people match than are listed: the name should be typed more exactly.</summary>
    public bool MorePeople { get; private set; }

    /// <summary>The people as choices, within what this officer may look up; those whose whole name matched first.</summary>
    private async Task<IReadOnlyList<PersonChoice>> ChoicesAsync(IQueryable<Lotse.Features.Clients.Client> clients, int limit = MaxPeople, IQueryable<Guid>? first = null)
    {
        var myOrganization = User.GetOrganizationId();
        var officerOfTheCity = await db.Organizations.AnyAsync(o => o.Id == myOrganization && o.Kind == Lotse.Features.Organizations.OrganizationKind.CityCoordination, HttpContext.RequestAborted);
        clients = clients.Where(Lotse.Features.Clients.ClientAuthorizationHandler.AuditableBy(User, officerOfTheCity));
        var ordered = first is null ? clients.OrderBy(c => c.FamilyName) : clients.OrderByDescending(c => first.Contains(c.Id)).ThenBy(c => c.FamilyName);
        return [.. (await ordered.ThenBy(c => c.GivenName).Take(limit)
            .Join(db.Organizations, c => c.OrganizationId, o => o.Id, (c, o) => new { c.Id, c.GivenName, c.FamilyName, c.BirthDate, o.Name })
            .ToListAsync(HttpContext.RequestAborted))
            .Select(c => new PersonChoice(c.Id, string.IsNullOrWhiteSpace(c.GivenName) ? c.FamilyName : $"{c.GivenName} {c.FamilyName}",
                PartialDate.TryParse(c.BirthDate, out var born) ? born.ToGermanString() : null, c.Name))];
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var csv = await search.CsvAsync(Filter, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditOperation.Export, "AuditLog", null, ClientId, Filter.ToString(), HttpContext.RequestAborted);
        return File(csv, "text/csv; charset=utf-8", string.Create(CultureInfo.InvariantCulture, $"lotse-audit-{time.GetUtcNow():yyyyMMdd-HHmm}.csv"));
    }

    public async Task OnPostVerifyAsync()
    {
        await chain.SealAsync(HttpContext.RequestAborted);
        Verification = await chain.VerifyAsync(HttpContext.RequestAborted);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        PageNumber = Math.Max(1, PageNumber);
        (Rows, Total) = await search.SearchAsync(Filter, PageNumber, PageSize, HttpContext.RequestAborted);
        Users = await db.Users.OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName + " (" + u.Email + ")", u.Id.ToString())).ToListAsync(HttpContext.RequestAborted);
        var since = time.GetUtcNow().UtcDateTime.AddDays(-90);
        Emergencies = await db.EmergencyAccesses.Where(e => e.GrantedAt >= since).OrderByDescending(e => e.GrantedAt).Take(200)
            .Join(db.Cases, e => e.CaseId, c => c.Id, (e, c) => new Emergency(e.GrantedAt, e.Until, e.UserId, e.User!.DisplayName, c.Reference, e.ClientId, e.Reason))
            .ToListAsync(HttpContext.RequestAborted);
        Emergencies = [.. Emergencies.Select(e => e with
        {
            InThirtyDays = Emergencies.Count(o => o.UserId == e.UserId && o.GrantedAt <= e.GrantedAt && o.GrantedAt > e.GrantedAt.AddDays(-30)),
        })];
        Organizations = await db.Organizations.OrderBy(o => o.Name).Select(o => new SelectListItem(o.Name, o.Id.ToString())).ToListAsync(HttpContext.RequestAborted);
    }
}
