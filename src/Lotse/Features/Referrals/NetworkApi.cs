using Lotse.Data;
using Lotse.Features.Api;
using Lotse.Features.Audit;
using Lotse.Features.Cases;
using Lotse.Features.Clients;
using Lotse.Features.Consents;
using Lotse.Features.Offers;
using Lotse.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lotse.Features.Referrals;

public sealed record OfferLocationDto(Guid? Id, string? Name, string? Street, string? PostalCode, string? City, Guid? DistrictId, string? Accessibility, string? OpeningHours);

public sealed record OfferDto(
    Guid Id, Guid OrganizationId, string OrganizationName, string Name, string? Description, IReadOnlyList<string> NeedAreas, IReadOnlyList<string> Languages,
    bool InterpretationAvailable, string? Eligibility, string? Fees, string? RequiredDocuments, string? ApplicationProcess, string? ContactName,
    string? Phone, string? Email, string? Url, string? Capacity, int? WaitingWeeks, bool AcceptsReferrals, DateOnly? LastVerifiedOn, bool NeedsVerification,
    bool IsActive, IReadOnlyList<OfferLocationDto> Locations, int Version)
{
    public static OfferDto From(Offer o, bool stale) => new(
        o.Id, o.OrganizationId, o.Organization?.Name ?? string.Empty, o.Name, o.Description, o.NeedAreaCodes, o.Languages, o.InterpretationAvailable,
        o.Eligibility, o.Fees, o.RequiredDocuments, o.ApplicationProcess, o.ContactName, o.Phone, o.Email, o.Url, o.Capacity, o.WaitingWeeks,
        o.AcceptsReferrals, o.LastVerifiedOn, stale, o.IsActive,
        [.. o.Locations.Select(l => new OfferLocationDto(l.Id, l.Name, l.Street, l.PostalCode, l.City, l.DistrictId, l.Accessibility, l.OpeningHours))], o.Version);
}

public sealed record OfferWrite(
    Guid? OrganizationId, string? Name, string? Description, IReadOnlyList<string>? NeedAreas, IReadOnlyList<string>? Languages, bool? InterpretationAvailable,
    string? Eligibility, string? Fees, string? RequiredDocuments, string? ApplicationProcess, string? ContactName, string? Phone, string? Email, string? Url,
    string? Capacity, int? WaitingWeeks, bool? AcceptsReferrals, bool? IsActive, bool? Verified, IReadOnlyList<OfferLocationDto>? Locations);

public sealed record ConsentDto(
    Guid Id, Guid ClientId, ConsentKind Kind, IReadOnlyList<Guid> Recipients, IReadOnlyList<string> Purposes, string? PurposeText,
    IReadOnlyList<string> Categories, DateOnly GivenOn, DateOnly? ValidUntil, string FormVersion, string? FormLanguage, bool SignedCopyOnFile,
    DateTime? WithdrawnAt, bool IsActive, int Version)
{
    public static ConsentDto From(Consent c, DateOnly today) => new(
        c.Id, c.ClientId, c.Kind, [.. c.Recipients.Select(r => r.OrganizationId)], c.PurposeCodes, c.PurposeText, [.. c.Categories.Select(DataCategories.Code)],
        c.GivenOn, c.ValidUntil, c.FormVersion, c.FormLanguage, c.SignedCopyOnFile,
        c.WithdrawnAt is { } w ? DateTime.SpecifyKind(w, DateTimeKind.Utc) : null, c.IsActiveOn(today), c.Version);
}

public sealed record ConsentWrite(
    ConsentKind? Kind, IReadOnlyList<Guid>? Recipients, IReadOnlyList<string>? Purposes, string? PurposeText, IReadOnlyList<string>? Categories,
    DateOnly? GivenOn, DateOnly? ValidUntil, string? FormLanguage, bool? SignedCopyOnFile);

public sealed record WithdrawRequest(string? Note);

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

/// <summary>Offers, consents and referrals over the API.</summary>
public static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this RouteGroupBuilder api)
    {
        MapOffers(api.MapGroup("/offers").WithTags("Offers"));
        MapConsents(api);
        MapReferrals(api);
        return api;
    }

    private static void MapOffers(RouteGroupBuilder offers)
    {
        offers.MapGet("", async Task<Ok<PagedList<OfferDto>>> (string? q, string? needArea, string? language, Guid? districtId, Guid? organizationId,
            bool? includeInactive, bool? needsVerification, int? page, int? pageSize, HttpContext context, OfferService service) =>
        {
            var (p, size) = ApiConventions.Paging(page, pageSize);
            var (items, total) = await service.SearchAsync(new OfferQuery(q, needArea, language, districtId, organizationId, includeInactive == true, needsVerification == true), p, size, context.RequestAborted);
            return TypedResults.Ok(new PagedList<OfferDto>([.. items.Select(o => OfferDto.From(o, service.IsStale(o)))], total, p, size));
        })
        .WithSummary("The service directory with filters: q (text), needArea, language (ISO 639-1), districtId, organizationId, needsVerification.");

        offers.MapGet("/{id:guid}", async Task<Results<Ok<OfferDto>, NotFound>> (Guid id, HttpContext context, OfferService service) =>
        {
            if (await service.FindAsync(id, context.RequestAborted) is not { } offer)
            {
                return TypedResults.NotFound();
            }

            context.Response.Headers.ETag = ApiConventions.ETag(offer.Version);
            return TypedResults.Ok(OfferDto.From(offer, service.IsStale(offer)));
        })
        .WithSummary("One offer.");

        offers.MapPost("", async Task<Results<Created<OfferDto>, ValidationProblem, ForbidHttpResult>> (OfferWrite body, HttpContext context, LotseDbContext db, OfferService service) =>
        {
            var organizationId = body.OrganizationId ?? context.User.GetOrganizationIdOrEmpty();
            if (!OfferAuthorizationHandler.MayMaintain(context.User, organizationId))
            {
                return TypedResults.Forbid();
            }

            var offer = new Offer { Name = body.Name ?? string.Empty, OrganizationId = organizationId };
            Apply(offer, body, service.Today);
            try
            {
                await service.ValidateAsync(offer, context.RequestAborted);
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }

            db.Offers.Add(offer);
            await db.SaveChangesAsync(context.RequestAborted);
            var created = await service.FindAsync(offer.Id, context.RequestAborted);
            context.Response.Headers.ETag = ApiConventions.ETag(created!.Version);
            return TypedResults.Created($"/api/v1/offers/{offer.Id}", OfferDto.From(created, service.IsStale(created)));
        })
        .WithSummary("Creates an offer: coordinators for any organisation, partner/authority staff and team leads for their own.");

        offers.MapPut("/{id:guid}", async Task<Results<Ok<OfferDto>, NotFound, ValidationProblem, ProblemHttpResult, ForbidHttpResult>> (
            Guid id, OfferWrite body, HttpContext context, LotseDbContext db, OfferService service) =>
        {
            var offer = await db.Offers.Include(o => o.Locations).SingleOrDefaultAsync(o => o.Id == id, context.RequestAborted);
            if (offer is null)
            {
                return TypedResults.NotFound();
            }

            if (!OfferAuthorizationHandler.MayMaintain(context.User, offer.OrganizationId)
                || (body.OrganizationId is { } moved && !OfferAuthorizationHandler.MayMaintain(context.User, moved)))
            {
                return TypedResults.Forbid();
            }

            if (ApiConventions.CheckIfMatch(context, offer.Version) is { } precondition)
            {
                return precondition;
            }

            offer.Name = body.Name ?? string.Empty;
            offer.OrganizationId = body.OrganizationId ?? offer.OrganizationId;
            db.OfferLocations.RemoveRange(offer.Locations);
            Apply(offer, body, service.Today);
            try
            {
                await service.ValidateAsync(offer, context.RequestAborted);
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }

            await db.SaveChangesAsync(context.RequestAborted);
            var saved = await service.FindAsync(id, context.RequestAborted);
            context.Response.Headers.ETag = ApiConventions.ETag(saved!.Version);
            return TypedResults.Ok(OfferDto.From(saved, service.IsStale(saved)));
        })
        .WithSummary("Replaces an offer. Needs If-Match; \"verified\": true stamps today as the verification date.");

        offers.MapPost("/import-hsds", async Task<Results<Ok<Offers.Hsds.HsdsImportResult>, ValidationProblem>> (string? needArea, HttpContext context, Offers.Hsds.HsdsImport import) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var json = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                return TypedResults.Ok(await import.ImportAsync(json, needArea, context.RequestAborted));
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }
        })
        .RequireAuthorization(Policies.Coordination)
        .Accepts<object>("application/json")
        .WithSummary("Imports HSDS 3.0 JSON (a service, an array or a page) into the directory; coordinators only. Idempotent.");
    }

    private static void Apply(Offer offer, OfferWrite body, DateOnly today)
    {
        static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        offer.Description = Trim(body.Description);
        offer.NeedAreaCodes = [.. body.NeedAreas ?? []];
        offer.Languages = [.. body.Languages ?? []];
        offer.InterpretationAvailable = body.InterpretationAvailable ?? false;
        offer.Eligibility = Trim(body.Eligibility);
        offer.Fees = Trim(body.Fees);
        offer.RequiredDocuments = Trim(body.RequiredDocuments);
        offer.ApplicationProcess = Trim(body.ApplicationProcess);
        offer.ContactName = Trim(body.ContactName);
        offer.Phone = Trim(body.Phone);
        offer.Email = Trim(body.Email);
        offer.Url = Trim(body.Url);
        offer.Capacity = Trim(body.Capacity);
        offer.WaitingWeeks = body.WaitingWeeks;
        offer.AcceptsReferrals = body.AcceptsReferrals ?? true;
        offer.IsActive = body.IsActive ?? true;
        if (body.Verified == true)
        {
            offer.LastVerifiedOn = today;
        }

        offer.Locations = [.. (body.Locations ?? []).Select(l => new OfferLocation
        {
            Name = Trim(l.Name),
            Street = Trim(l.Street),
            PostalCode = Trim(l.PostalCode),
            City = Trim(l.City),
            DistrictId = l.DistrictId,
            Accessibility = Trim(l.Accessibility),
            OpeningHours = Trim(l.OpeningHours),
        })];
    }

    private static void MapConsents(RouteGroupBuilder api)
    {
        var clientConsents = api.MapGroup("/clients/{clientId:guid}/consents").RequireAuthorization(Policies.CaseWork).WithTags("Consents");
        clientConsents.MapGet("", async Task<Results<Ok<IReadOnlyList<ConsentDto>>, NotFound>> (Guid clientId, HttpContext context,
            ConsentService service, ClientGate clients, TimeProvider time) =>
        {
            if (await clients.OpenAsync(clientId, ClientOperation.Read, "Consents", context.RequestAborted) is null)
            {
                return TypedResults.NotFound();
            }

            var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
            var consents = await service.ForClientAsync(clientId, context.RequestAborted);
            return TypedResults.Ok<IReadOnlyList<ConsentDto>>([.. consents.Select(c => ConsentDto.From(c, today))]);
        })
        .WithSummary("The client's consents, newest first.");

        clientConsents.MapPost("", async Task<Results<Created<ConsentDto>, NotFound, ValidationProblem>> (Guid clientId, ConsentWrite body, HttpContext context,
            ConsentService service, ClientGate clients, TimeProvider time) =>
        {
            if (await clients.OpenAsync(clientId, ClientOperation.Edit, cancellationToken: context.RequestAborted) is not { } client)
            {
                return TypedResults.NotFound();
            }

            var categories = new List<DataCategory>();
            foreach (var code in body.Categories ?? [])
            {
                if (!DataCategories.TryParse(code, out var category))
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["categories"] = [$"Unbekannte Datenkategorie: {code}"] });
                }

                categories.Add(category);
            }

            try
            {
                var consent = await service.RecordAsync(client.Id, client.OrganizationId, context.User.GetUserId()!.Value,
                    new ConsentInput(body.Kind ?? ConsentKind.Sharing, body.Recipients ?? [], body.Purposes ?? [], body.PurposeText, categories,
                        body.GivenOn, body.ValidUntil, body.FormLanguage, body.SignedCopyOnFile ?? false), context.RequestAborted);
                var saved = await service.FindAsync(consent.Id, context.RequestAborted);
                return TypedResults.Created($"/api/v1/consents/{consent.Id}", ConsentDto.From(saved!, DateOnly.FromDateTime(time.GetLocalNow().DateTime)));
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }
        })
        .WithSummary("Records a consent. Categories: name, birthDate, phone, email, address, languages, nationality, residenceStatus, message.");

        api.MapPost("/consents/{id:guid}/withdraw", async Task<Results<Ok<ConsentDto>, NotFound, ValidationProblem>> (Guid id, WithdrawRequest? body, HttpContext context,
            ConsentService service, ClientGate clients, TimeProvider time) =>
        {
            var consent = await service.FindAsync(id, context.RequestAborted);
            if (consent?.Client is null || await clients.AdmitAsync(consent.Client, ClientOperation.Edit, cancellationToken: context.RequestAborted) is null)
            {
                return TypedResults.NotFound();
            }

            try
            {
                await service.WithdrawAsync(consent, context.User.GetUserId()!.Value, body?.Note, context.RequestAborted);
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }

            return TypedResults.Ok(ConsentDto.From(consent, DateOnly.FromDateTime(time.GetLocalNow().DateTime)));
        })
        .RequireAuthorization(Policies.CaseWork)
        .WithTags("Consents")
        .WithSummary("Withdraws a consent at once; open referrals resting on it are withdrawn and their recipients lose the packet.");
    }

    private static void MapReferrals(RouteGroupBuilder api)
    {
        var caseReferrals = api.MapGroup("/cases/{caseId:guid}/referrals").RequireAuthorization(Policies.CaseWork).WithTags("Referrals");
        caseReferrals.MapGet("", async Task<Results<Ok<IReadOnlyList<ReferralDto>>, NotFound>> (Guid caseId, HttpContext context, CaseGate cases, ReferralService service) =>
        {
            if (await cases.OpenAsync(caseId, CaseOperation.Read, "Referrals", context.RequestAborted) is null)
            {
                return TypedResults.NotFound();
            }

            var referrals = await service.ForCaseAsync(caseId, context.RequestAborted);
            return TypedResults.Ok<IReadOnlyList<ReferralDto>>([.. referrals.Select(ReferralDto.From)]);
        })
        .WithSummary("The case's referrals and requests.");

        caseReferrals.MapPost("", async Task<Results<Created<ReferralDto>, NotFound, ValidationProblem>> (Guid caseId, ReferralCreate body, HttpContext context,
            CaseGate cases, ReferralService service) =>
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
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["fields"] = [$"Unbekanntes Feld: {code}"] });
                }

                fields.Add(field);
            }

            try
            {
                var kind = body.Kind ?? (body.OfferId is null && body.RecipientOrganizationId is not null ? ReferralKind.AuthorityRequest : ReferralKind.Offer);
                var referral = await service.CreateAsync(@case, new ReferralDraft(kind, body.OfferId, body.RecipientOrganizationId, body.NeedArea, body.GoalId, fields, body.Message),
                    context.User.GetUserId()!.Value, body.Send == true, context.RequestAborted);
                var saved = await service.FindAsync(referral.Id, context.RequestAborted);
                context.Response.Headers.ETag = ApiConventions.ETag(saved!.Version);
                return TypedResults.Created($"/api/v1/referrals/{referral.Id}", ReferralDto.From(saved));
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }
        })
        .WithSummary("Creates a referral as a draft, or sends it at once with \"send\": true. Sending checks the consent.");

        var referrals = api.MapGroup("/referrals").WithTags("Referrals");
        referrals.MapGet("", async Task<Results<Ok<PagedList<InboxReferralDto>>, ValidationProblem>> (bool? inbox, string? status, int? page, int? pageSize, HttpContext context,
            LotseDbContext db, ReferralService service) =>
        {
            if (inbox != true)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["inbox"] = ["Nur ?inbox=true: die Vermittlungen an die eigene Organisation. Gesendete Vermittlungen stehen am Fall."] });
            }

            var (p, size) = ApiConventions.Paging(page, pageSize);
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
        })
        .WithSummary("The caller's organisation's inbox (?inbox=true), without packets; status filters by code, e.g. gesendet.");

        referrals.MapGet("/{id:guid}", async Task<IResult> (Guid id, HttpContext context, CaseGate cases, ReferralGate gate, ReferralService service, AuditLog audit) =>
        {
            var referral = await service.FindAsync(id, context.RequestAborted);
            if (referral is null)
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
        })
        .WithSummary("One referral: for the recipient the packet and state only, for the sender the whole referral.");

        referrals.MapPost("/{id:guid}/{action}", async Task<IResult> (Guid id, string action, ReferralActionRequest? body, HttpContext context,
            CaseGate cases, ReferralGate gate, ReferralService service, AuditLog audit) =>
        {
            if (ReferralRules.ParseAction(action) is not { } parsed)
            {
                return TypedResults.NotFound();
            }

            var referral = await service.FindAsync(id, context.RequestAborted);
            if (referral is null)
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

            if (!string.IsNullOrEmpty(context.Request.Headers.IfMatch) && ApiConventions.CheckIfMatch(context, referral.Version) is { } precondition)
            {
                return precondition;
            }

            try
            {
                var answer = new ReferralAnswer(parsed == ReferralAction.Complete ? body?.Outcome ?? body?.Reason : body?.Reason, body?.ProposedOfferId, body?.Note);
                await service.ActAsync(referral, parsed, side, context.User.GetUserId(), answer, cancellationToken: context.RequestAborted);
            }
            catch (RuleViolationException violation)
            {
                return ClientApi.Problem(violation);
            }

            context.Response.Headers.ETag = ApiConventions.ETag(referral.Version);
            return side == ReferralSide.Sender
                ? TypedResults.Ok(ReferralDto.From(referral))
                : TypedResults.Ok(Inbox(referral, service, null));
        })
        .WithSummary("send | withdraw (sender); accept | decline (reason) | redirect (proposedOfferId or note) | start | complete (outcome) | not-attended (recipient). If-Match optional.");
    }

    private static InboxReferralDto Inbox(Referral r, ReferralService service, ReferralPacket? packet) => new(
        r.Id, r.Kind, r.OfferId, r.Offer?.Name, r.SenderOrganizationId, r.SenderOrganization?.Name ?? string.Empty, r.NeedAreaCode,
        ReferralRules.StatusCode(r.Status), ReferralDto.Utc(r.SentAt), service.IsOverdue(r), packet, r.Version);
}
