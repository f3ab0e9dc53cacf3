using Lotse.Data;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Consents;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Referrals;

public sealed record ReferralEventDto(DateTime At, string? From, string To, Guid? UserId, bool ViaLink, string? Reason, string? Note);

/// <summary>A referral as the sending side sees it.</summary>
public sealed record ReferralDto(
    Guid Id, Guid CaseId, ReferralKind Kind, Guid? OfferId, Guid RecipientOrganizationId, string NeedArea, Guid? GoalId, IReadOnlyList<string> Fields,
    string Status, string? DeclineReason, string? Outcome, Guid? ProposedOfferId, string? AnswerNote, Guid? ConsentId,
    DateTime? SentAt, DateTime? FirstAnsweredAt, DateTime? ClosedAt, IReadOnlyList<ReferralEventDto> Events, int Version)
{
    public static ReferralDto From(Referral r) => new(
        r.Id, r.CaseId, r.Kind, r.OfferId, r.RecipientOrganizationId, r.NeedAreaCode, r.GoalId, [.. r.SharedFields.Select(DataCategories.Code)],
        ReferralRules.StatusCode(r.Status), r.DeclineReasonCode, r.OutcomeCode, r.ProposedOfferId, r.AnswerNote, r.ConsentId,
        Utc(r.SentAt), Utc(r.FirstAnsweredAt), Utc(r.ClosedAt),
        [.. r.Events.OrderBy(e => e.At).Select(e => new ReferralEventDto(DateTime.SpecifyKind(e.At, DateTimeKind.Utc), e.From is { } f ? ReferralRules.StatusCode(f) : null,
            ReferralRules.StatusCode(e.To), e.UserId, e.ViaLink, e.ReasonCode, e.Note))], r.Version);

    internal static DateTime? Utc(DateTime? value) => value is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}

/// <summary>A referral as the receiving side sees it: the packet (while visible) and the state, nothing of the case.</summary>
public sealed record InboxReferralDto(
    Guid Id, ReferralKind Kind, Guid? OfferId, string? OfferName, Guid SenderOrganizationId, string SenderOrganization, string NeedArea,
    string Status, DateTime? SentAt, bool Overdue, ReferralPacket? Packet, int Version);

public sealed record ReferralCreate(ReferralKind? Kind, Guid? OfferId, Guid? RecipientOrganizationId, string? NeedArea, Guid? GoalId,
    IReadOnlyList<string>? Fields, string? Message, bool? Send);

public sealed record ReferralActionRequest(string? Reason, string? Outcome, Guid? ProposedOfferId, string? Note);

/// <summary>Referrals over the API: the sending and the receiving side.</summary>
public static class ReferralApi
{
    public static RouteGroupBuilder MapReferralApi(this RouteGroupBuilder api)
    {
        var caseReferrals = api.MapGroup("/cases/{caseId:guid}/referrals").RequireAuthorization(Policies.CaseWork).WithTags("Referrals");
        caseReferrals.MapGet("", ForCaseAsync)
            .WithSummary("The case's referrals and requests.");
        caseReferrals.MapPost("", CreateAsync)
            .ReturnsETag()
            .WithSummary("Creates a referral as a draft, or sends it at once with \"send\": true. Sending checks the consent.");

        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("", InboxAsync)
            .WithSummary("The caller's organisation's inbox (?inbox=true), without packets; status filters by code, e.g. gesendet.");
        referrals.MapGet("/{id:guid}", GetAsync)
            .ReturnsETag()
            .WithSummary("One referral: for the recipient the packet and state only, for the sender the whole referral.");
        referrals.MapPost("/{id:guid}/{action}", ActAsync)
            .AcceptsIfMatch()
            .WithSummary("send | withdraw (sender); accept | decline (reason) | redirect (proposedOfferId or note) | start | complete (outcome) | not-attended (recipient). If-Match optional.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ReferralDto>>, NotFound>> ForCaseAsync(Guid caseId, HttpContext context, CaseGate cases, ReferralService service)
    {
        if (await cases.OpenAsync(caseId, CaseOperation.Read, "Referrals", context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var referrals = await service.ForCaseAsync(caseId, context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ReferralDto>>([.. referrals.Select(ReferralDto.From)]);
    }

    private static async Task<Results<Created<ReferralDto>, NotFound>> CreateAsync(Guid caseId, ReferralCreate body, HttpContext context, CaseGate cases, ReferralService service)
    {
        if (await cases.OpenAsync(caseId, CaseOperation.Edit, cancellationToken: context.RequestAborted) is not { } @case)
        {
            return TypedResults.NotFound();
        }

        var fields = new List<DataCategory>();
        foreach (var code in body.Fields ?? [])
        {
            if (!DataCategories.TryParse(code, out var field))
            {
                throw new RuleViolationException("fields", "Unbekanntes Feld: {0}", code);
            }

            fields.Add(field);
        }

        var kind = body.Kind ?? (body.OfferId is null && body.RecipientOrganizationId is not null ? ReferralKind.AuthorityRequest : ReferralKind.Offer);
        var referral = await service.CreateAsync(@case, new ReferralDraft(kind, body.OfferId, body.RecipientOrganizationId, body.NeedArea, body.GoalId, fields, body.Message),
            context.User.GetUserId()!.Value, body.Send == true, context.RequestAborted);
        var saved = await service.FindAsync(referral.Id, context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(saved!.Version);
        return TypedResults.Created($"/api/v1/referrals/{referral.Id}", ReferralDto.From(saved));
    }

    private static async Task<Ok<PagedList<InboxReferralDto>>> InboxAsync(bool? inbox, string? status, [AsParameters] PageRequest paging, HttpContext context, LotseDbContext db, ReferralService service)
    {
        if (inbox != true)
        {
            throw new RuleViolationException("inbox", "Nur ?inbox=true: die Vermittlungen an die eigene Organisation. Gesendete Vermittlungen stehen am Fall.");
        }

        var (p, size) = paging.Normalized;
        var query = db.Referrals.Where(ReferralRecipientHandler.InInboxOf(context.User));
        if (!string.IsNullOrWhiteSpace(status))
        {
            var wanted = Enum.GetValues<ReferralStatus>().Where(s => ReferralRules.StatusCode(s) == status).ToList();
            query = query.Where(r => wanted.Contains(r.Status));
        }

        var total = await query.CountAsync(context.RequestAborted);
        var items = await query.OrderByDescending(r => r.SentAt).Skip((p - 1) * size).Take(size)
            .Include(r => r.Offer).Include(r => r.SenderOrganization).Include(r => r.Consent).ThenInclude(c => c!.Recipients)
            .AsSplitQuery().ToListAsync(context.RequestAborted);

        // The list carries no packets: each packet is read, and audited, one by one.
        return TypedResults.Ok(new PagedList<InboxReferralDto>([.. items.Select(r => Inbox(r, service, null))], total, p, size));
    }

    private static async Task<Results<Ok<InboxReferralDto>, Ok<ReferralDto>, NotFound>> GetAsync(Guid id, HttpContext context, CaseGate cases, ReferralGate gate, ReferralService service, AuditLog audit)
    {
        if (await service.FindAsync(id, context.RequestAborted) is not { } referral)
        {
            return TypedResults.NotFound();
        }

        if (await gate.MayAnswerAsync(referral))
        {
            var packet = service.PacketVisible(referral) ? ReferralService.ReadPacket(referral) : null;
            if (packet is not null)
            {
                await audit.ReadAsync("ReferralPacket", referral.Id, referral.ClientId, string.Join(',', referral.SharedFields.Select(DataCategories.Code)), context.RequestAborted);
            }

            context.Response.Headers.ETag = ApiConventions.ETag(referral.Version);
            return TypedResults.Ok(Inbox(referral, service, packet));
        }

        // The sending side reads the referral through its case; the case's gate audits the read or the refusal.
        if (await cases.OpenAsync(referral.CaseId, CaseOperation.Read, "Referral", context.RequestAborted) is not null)
        {
            context.Response.Headers.ETag = ApiConventions.ETag(referral.Version);
            return TypedResults.Ok(ReferralDto.From(referral));
        }

        return TypedResults.NotFound();
    }

    private static async Task<Results<Ok<ReferralDto>, Ok<InboxReferralDto>, NotFound, ProblemHttpResult>> ActAsync(Guid id, string action, ReferralActionRequest? body, HttpContext context,
        CaseGate cases, ReferralGate gate, ReferralService service)
    {
        if (ReferralRules.ParseAction(action) is not { } parsed || await service.FindAsync(id, context.RequestAborted) is not { } referral)
        {
            return TypedResults.NotFound();
        }

        var side = ReferralRules.SideOf(parsed);
        var admitted = side == ReferralSide.Recipient
            ? await gate.AdmitRecipientAsync(referral, context.RequestAborted) is not null
            : await cases.OpenAsync(referral.CaseId, CaseOperation.Edit, cancellationToken: context.RequestAborted) is not null;
        if (!admitted)
        {
            return TypedResults.NotFound();
        }

        if (ApiConventions.CheckIfMatchWhenSent(context, referral.Version) is { } precondition)
        {
            return precondition;
        }

        var answer = new ReferralAnswer(parsed == ReferralAction.Complete ? body?.Outcome ?? body?.Reason : body?.Reason, body?.ProposedOfferId, body?.Note);
        await service.ActAsync(referral, parsed, side, context.User.GetUserId(), answer, cancellationToken: context.RequestAborted);
        context.Response.Headers.ETag = ApiConventions.ETag(referral.Version);
        return side == ReferralSide.Sender
            ? TypedResults.Ok(ReferralDto.From(referral))
            : TypedResults.Ok(Inbox(referral, service, null));
    }

    private static InboxReferralDto Inbox(Referral r, ReferralService service, ReferralPacket? packet) => new(
        r.Id, r.Kind, r.OfferId, r.Offer?.Name, r.SenderOrganizationId, r.SenderOrganization?.Name ?? string.Empty, r.NeedAreaCode,
        ReferralRules.StatusCode(r.Status), ReferralDto.Utc(r.SentAt), service.IsOverdue(r), packet, r.Version);
}
