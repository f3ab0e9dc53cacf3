using Lotse.Features.Clients;
using Lotse.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Cases;

/// <summary>The contacts and deadlines section: log a contact, set a deadline, mark it done.</summary>
public sealed partial class DetailsModel
{
    [BindProperty]
    public EncounterForm Contact { get; set; } = new();

    [BindProperty]
    public DeadlineForm NewDeadline { get; set; } = new();

    public IEnumerable<SelectListItem> EncounterKindItems => Overview.EncounterKinds.Select(n => new SelectListItem(n.Value, n.Key));

    public IEnumerable<SelectListItem> LanguageItems => Languages.All().Select(l => new SelectListItem(l.Name, l.Code));

    public Task<IActionResult> OnPostEncounterAsync() =>
        WorkAsync(c => cases.AddEncounterAsync(c, new Encounter
        {
            UserId = User.GetUserId()!.Value,
            At = zone.FromClient(Contact.At ?? default),
            DurationMinutes = Contact.DurationMinutes ?? 0,
            KindCode = Contact.Kind ?? string.Empty,
            InterpreterUsed = Contact.InterpreterUsed,
            InterpreterLanguage = Contact.InterpreterUsed ? Contact.InterpreterLanguage : null,
            NeedAreaCodes = Contact.NeedAreas,
            Note = string.IsNullOrWhiteSpace(Contact.Note) ? null : Contact.Note.Trim(),
        }, HttpContext.RequestAborted), localizer["Der Kontakt wurde erfasst."], "Contact", nameof(Contact.At), nameof(Contact.DurationMinutes), nameof(Contact.Kind));

    public Task<IActionResult> OnPostDeadlineAsync() =>
        WorkAsync(c => cases.AddDeadlineAsync(c, NewDeadline.Title ?? string.Empty, NewDeadline.DueOn ?? default, NewDeadline.LeadDays ?? 14, HttpContext.RequestAborted),
            localizer["Die Frist wurde eingetragen."], "NewDeadline", nameof(NewDeadline.Title), nameof(NewDeadline.DueOn));

    public Task<IActionResult> OnPostDeadlineDoneAsync(Guid deadlineId, bool done) =>
        WorkAsync(async c =>
        {
            var deadline = await db.Deadlines.SingleOrDefaultAsync(d => d.Id == deadlineId && d.CaseId == c.Id, HttpContext.RequestAborted)
                ?? throw new RuleViolationException(string.Empty, "Die Frist wurde nicht gefunden.");
            await cases.SetDeadlineDoneAsync(deadline, done, HttpContext.RequestAborted);
        }, done ? localizer["Die Frist ist erledigt."] : localizer["Die Frist ist wieder offen."]);
}
