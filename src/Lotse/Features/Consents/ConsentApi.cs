using Lotse.Features.Clients;
using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lotse.Features.Consents;

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

/// <summary>Consents over the API.</summary>
public static class ConsentApi
{
    public static RouteGroupBuilder MapConsentApi(this RouteGroupBuilder api)
    {
        var clientConsents = api.MapGroup("/clients/{clientId:guid}/consents").RequireAuthorization(Policies.CaseWork).WithTags("Consents");
        clientConsents.MapGet("", ForClientAsync)
            .WithSummary("The client's consents, newest first.");
        clientConsents.MapPost("", RecordAsync)
            .WithSummary("Records a consent. Categories: name, birthDate, phone, email, address, languages, nationality, residenceStatus, message.");
        api.MapPost("/consents/{id:guid}/withdraw", WithdrawAsync)
            .AcceptsIfMatch()
            .RequireAuthorization(Policies.CaseWork)
            .WithTags("Consents")
            .WithSummary("Withdraws a consent at once; open referrals resting on it are withdrawn and their recipients lose the packet. With If-Match only on that version (412 otherwise).");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<ConsentDto>>, NotFound>> ForClientAsync(Guid clientId, HttpContext context, ConsentService service, ClientGate clients, TimeProvider time)
    {
        if (await clients.OpenAsync(clientId, ClientOperation.Read, "Consents", context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        var today = DateOnly.FromDateTime(time.GetLocalNow().DateTime);
        var consents = await service.ForClientAsync(clientId, context.RequestAborted);
        return TypedResults.Ok<IReadOnlyList<ConsentDto>>([.. consents.Select(c => ConsentDto.From(c, today))]);
    }

    private static async Task<Results<Created<ConsentDto>, NotFound>> RecordAsync(Guid clientId, ConsentWrite body, HttpContext context, ConsentService service, ClientGate clients, TimeProvider time)
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
                throw new RuleViolationException("categories", "Unbekannte Datenkategorie: {0}", code);
            }

            categories.Add(category);
        }

        var consent = await service.RecordAsync(client.Id, client.OrganizationId, context.User.GetUserId()!.Value,
            new ConsentInput(body.Kind ?? ConsentKind.Sharing, body.Recipients ?? [], body.Purposes ?? [], body.PurposeText, categories,
                body.GivenOn, body.ValidUntil, body.FormLanguage, body.SignedCopyOnFile ?? false), context.RequestAborted);
        var saved = await service.FindAsync(consent.Id, context.RequestAborted);
        return TypedResults.Created($"/api/v1/consents/{consent.Id}", ConsentDto.From(saved!, DateOnly.FromDateTime(time.GetLocalNow().DateTime)));
    }

    private static async Task<Results<Ok<ConsentDto>, NotFound, ProblemHttpResult>> WithdrawAsync(Guid id, WithdrawRequest? body, HttpContext context, ConsentService service, ClientGate clients, TimeProvider time)
    {
        var consent = await service.FindAsync(id, context.RequestAborted);
        if (consent?.Client is null || await clients.AdmitAsync(consent.Client, ClientOperation.Edit, cancellationToken: context.RequestAborted) is null)
        {
            return TypedResults.NotFound();
        }

        if (ApiConventions.CheckIfMatchWhenSent(context, consent.Version) is { } precondition)
        {
            return precondition;
        }

        await service.WithdrawAsync(consent, context.User.GetUserId()!.Value, body?.Note, context.RequestAborted);
        return TypedResults.Ok(ConsentDto.From(consent, DateOnly.FromDateTime(time.GetLocalNow().DateTime)));
    }
}
