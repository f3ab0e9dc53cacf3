using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Clients.Matching;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Clients;

/// <summary>Registering a client: the duplicate check runs before anything is saved.</summary>
[Authorize(Policy = Policies.CaseWork)]
public sealed class NewModel(LotseDbContext db, ClientService clients, ClientMatching matching, AuditLog audit, IStringLocalizer<SharedResource> localizer) : PageModel, IClientFormPage
{
    [BindProperty]
    public ClientForm Form { get; set; } = new();

    /// <summary>Set when the user has seen the candidates and still wants a new record.</summary>
    [BindProperty]
    public bool ConfirmedNew { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? HouseholdWith { get; set; }

    public ClientFormChoices Choices { get; private set; } = new();

    public IReadOnlyList<DuplicateCandidate> Candidates { get; private set; } = [];

    public async Task OnGetAsync() => Choices = await ClientFormChoices.LoadAsync(db, localizer);

    /// <summary>The live duplicate panel (htmx) while the names are typed.</summary>
    public async Task<IActionResult> OnGetDuplicatesAsync(
        [FromQuery(Name = "Form.GivenName")] string? givenName, [FromQuery(Name = "Form.FamilyName")] string? familyName, [FromQuery(Name = "Form.BirthDate")] string? birthDate)
    {
        if (string.IsNullOrWhiteSpace(familyName))
        {
            return Partial("_DuplicatePanel", this);
        }

        Candidates = await matching.FindDuplicatesAsync(User, givenName, familyName, matching.ReadBirthDate(birthDate), cancellationToken: HttpContext.RequestAborted);
        await audit.SearchAsync("Client", Candidates.Select(c => c.Client.Id), HttpContext.RequestAborted);
        return Partial("_DuplicatePanel", this);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Choices = await ClientFormChoices.LoadAsync(db, localizer);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!ConfirmedNew)
        {
            Candidates = await matching.FindDuplicatesAsync(User, Form.GivenName, Form.FamilyName, matching.ReadBirthDate(Form.BirthDate), cancellationToken: HttpContext.RequestAborted);
            if (Candidates.Count > 0)
            {
                await audit.SearchAsync("Client", Candidates.Select(c => c.Client.Id), HttpContext.RequestAborted);
                return Page();
            }
        }

        try
        {
            var client = await clients.CreateAsync(User.GetOrganizationIdOrEmpty(), Form.ToInput(), HouseholdWith, HttpContext.RequestAborted);
            TempData["Message"] = localizer["{0} wurde erfasst.", client.FullName].Value;
            return RedirectToPage("./Details", new { id = client.Id });
        }
        catch (RuleViolationException violation)
        {
            ModelState.AddRuleViolation(violation, localizer, Form, "Form.");
            return Page();
        }
    }
}
