using System.ComponentModel.DataAnnotations;
using Lotse.Data;
using Lotse.Features.Cases;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lotse.Features.Calendar;

[Authorize(Policy = Policies.CaseWork)]
public sealed class IndexModel(LotseDbContext db, CalendarFeedService feeds, PublicLinks links, TimeProvider time, LocalZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Appointment> Upcoming { get; private set; } = [];

    public bool HasFeed { get; private set; }

    public IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> MyCases { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> CaseNames { get; private set; } = new Dictionary<Guid, string>();

    public string? NewFeedUrl { get; private set; }

    public async Task OnGetAsync()
    {
        var start = time.GetLocalNow().DateTime.Date.AddDays(1).AddHours(9);
        Input.Start = start;
        Input.End = start.AddHours(1);
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Compared as instants: across the night the clocks change, wall-clock order can mislead.
        if (Input.Start is { } start && Input.End is { } end && zone.FromClient(end) <= zone.FromClient(start))
        {
            ModelState.AddModelError("Input.End", localizer["Das Ende liegt vor dem Beginn."]);
        }

        await LoadAsync();
        if (Input.CaseId is { } caseId && !CaseNames.ContainsKey(caseId))
        {
            ModelState.AddModelError("Input.CaseId", localizer["Bitte wählen Sie einen Ihrer Fälle."]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Appointments.Add(new Appointment
        {
            UserId = User.GetUserId()!.Value,
            Title = Input.Title!.Trim(),
            Start = zone.FromClient(Input.Start!.Value),
            End = zone.FromClient(Input.End!.Value),
            Location = string.IsNullOrWhiteSpace(Input.Location) ? null : Input.Location.Trim(),
            CaseId = Input.CaseId,
        });
        await db.SaveChangesAsync();
        TempData["Message"] = localizer["Der Termin wurde eingetragen."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid appointmentId)
    {
        var userId = User.GetUserId();
        // Only one's own appointments: another's is not found, not merely left alone.
        if (await db.Appointments.Where(a => a.Id == appointmentId && a.UserId == userId).ExecuteDeleteAsync() == 0)
        {
            return NotFound();
        }

        TempData["Message"] = localizer["Der Termin wurde gelöscht."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostFeedAsync()
    {
        var secret = await feeds.RenewAsync(User.GetUserId()!.Value);
        NewFeedUrl = links.Path($"/calendar/{secret}.ics");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeFeedAsync()
    {
        await feeds.RevokeAsync(User.GetUserId()!.Value);
        TempData["Message"] = localizer["Die Abo-Adresse gilt nicht mehr."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var userId = User.GetUserId()!.Value;
        var from = zone.StartOf(zone.Today);
        Upcoming = await db.Appointments.Where(a => a.UserId == userId && a.End >= from).OrderBy(a => a.Start).Take(100).ToListAsync();
        HasFeed = await feeds.ExistsAsync(userId);
        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var cases = await db.Cases.Where(CaseAuthorizationHandler.VisibleTo(User, today)).Where(c => c.Phase != CasePhase.Closed && c.ResponsibleUserId == userId)
            .OrderBy(c => c.Client!.FamilyName).Take(500)
            .Select(c => new { c.Id, c.Reference, c.Client!.GivenName, c.Client.FamilyName }).ToListAsync();
        CaseNames = cases.ToDictionary(c => c.Id, c => $"{c.GivenName} {c.FamilyName} ({c.Reference})".Trim());
        MyCases = [.. CaseNames.Select(c => new Microsoft.AspNetCore.Mvc.Rendering.SelectListItem(c.Value, c.Key.ToString()))];
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Bitte geben Sie einen Titel ein.")]
        [StringLength(300, ErrorMessage = "Höchstens 300 Zeichen.")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie den Beginn an.")]
        public DateTime? Start { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie das Ende an.")]
        public DateTime? End { get; set; }

        [StringLength(300, ErrorMessage = "Höchstens 300 Zeichen.")]
        public string? Location { get; set; }

        public Guid? CaseId { get; set; }
    }
}
