using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lotse.Features.Audit;

/// <summary>The audit search's filters, bound from the query with <c>[AsParameters]</c>.</summary>
public sealed record AuditQuery(
    [FromQuery(Name = "userId")] Guid? UserId,
    [FromQuery(Name = "clientId")] Guid? ClientId,
    [FromQuery(Name = "organizationId")] Guid? OrganizationId,
    [FromQuery(Name = "operation")] AuditOperation? Operation,
    [FromQuery(Name = "from")] DateOnly? From,
    [FromQuery(Name = "to")] DateOnly? To)
{
    public AuditFilter ToFilter() => new(UserId, ClientId, OrganizationId, Operation, From, To);
}

/// <summary>The audit log over the API, for the data protection officer only: search and the hash chain's check.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.DataProtection).WithTags("Audit");
        audit.MapGet("", SearchAsync)
            .WithSummary("Searches the audit log by user, client, organisation, operation and period (dates inclusive). The search itself is audited.");
        audit.MapPost("/verify", SealAndVerifyAsync)
            .WithSummary("Seals new entries and checks the whole hash chain; names the first broken entry.");
        audit.MapGet("/verify", VerifyAsync)
            .WithSummary("Checks the hash chain as sealed so far.");
        return api;
    }

    private static async Task<Ok<PagedList<AuditRow>>> SearchAsync([AsParameters] AuditQuery query, [AsParameters] PageRequest paging, HttpContext context, AuditSearch search, AuditLog log)
    {
        var (p, size) = paging.Normalized;
        var filter = query.ToFilter();
        var (rows, total) = await search.SearchAsync(filter, p, size, context.RequestAborted);
        await log.RecordAsync(AuditOperation.Search, "AuditLog", null, query.ClientId, filter.ToString(), context.RequestAborted);
        return TypedResults.Ok(new PagedList<AuditRow>(rows, total, p, size));
    }

    private static async Task<Ok<AuditVerification>> SealAndVerifyAsync(HttpContext context, AuditChain chain)
    {
        await chain.SealAsync(context.RequestAborted);
        return TypedResults.Ok(await chain.VerifyAsync(context.RequestAborted));
    }

    private static async Task<Ok<AuditVerification>> VerifyAsync(HttpContext context, AuditChain chain) =>
        TypedResults.Ok(await chain.VerifyAsync(context.RequestAborted));
}
