using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Clients;

/// <summary>The household section: find a registered person and link them into the household.</summary>
public sealed partial class DetailsModel
{
    /// <summary>A name to search for an already registered person to link into the household.</summary>
    [BindProperty(SupportsGet = true)]
    public string? HouseholdSearch { get; set; }

    public IReadOnlyList<DuplicateCandidate> HouseholdCandidates { get; private set; } = [];

    public IReadOnlyList<Client> Household { get; private set; } = [];

    public async Task<IActionResult> OnPostLinkAsync(Guid memberId)
    {
        if (await LoadAsync(ClientOperation.Edit) is { } refused)
        {
            return refused;
        }

        var member = await db.Clients.SingleOrDefaultAsync(c => c.Id == memberId, HttpContext.RequestAborted);
        if (member is null || await gate.AdmitAsync(member, ClientOperation.Edit, cancellationToken: HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var tracked = await db.Clients.SingleAsync(c => c.Id == Client.Id, HttpContext.RequestAborted);
        await clients.LinkHouseholdAsync(tracked, member, HttpContext.RequestAborted);
        TempData["Message"] = localizer["{0} gehört jetzt zum Haushalt.", member.FullName].Value;
        return RedirectToPage(new { id = Id });
    }
}
