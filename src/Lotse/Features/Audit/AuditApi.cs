using Lotse.Security;
using Lotse.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lotse.Features.Audit;

/// <summary>The audit log over the API, for the data protection officer only.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").RequireAuthorization(Policies.DataProtection).WithTags("Audit");

        audit.MapGet("", async Task<Ok<PagedList<AuditRow>>> (Guid? userId, Guid? clientId, Guid? organizationId, AuditOperation? operation, DateOnly? from, DateOnly? to,
            int? page, int? pageSize, HttpContext context, AuditSearch search, AuditLog log) =>
        {
            var (p, size) = ApiConventions.Paging(page, pageSize);
            var filter = new AuditFilter(userId, clientId, organizationId, operation, from, to);
            var (rows, total) = await search.SearchAsync(filter, p, size, context.RequestAborted);
            await log.RecordAsync(AuditOperation.Search, "AuditLog", null, clientId, filter.ToString(), context.RequestAborted);
            return TypedResults.Ok(new PagedList<AuditRow>(rows, total, p, size));
        })
        .WithSummary("Searches the audit log by user, client, organisation, operation and period (dates inclusive). The search itself is audited.");

        audit.MapPost("/verify", async Task<Ok<AuditVerification>> (HttpContext context, AuditChain chain) =>
        {
            await chain.SealAsync(context.RequestAborted);
            return TypedResults.Ok(await chain.VerifyAsync(context.RequestAborted));
        })
        .WithSummary("Seals new entries and checks the whole hash chain; names the first broken entry.");

        audit.MapGet("/verify", async Task<Ok<AuditVerification>> (HttpContext context, AuditChain chain) =>
            TypedResults.Ok(await chain.VerifyAsync(context.RequestAborted)))
        .WithSummary("Checks the hash chain as sealed so far.");

        return api;
    }
}
