using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Lotse.Web;

/// <summary>The shape of every list the API answers.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>Lists that are not paged (the parts of one record) in the shape of a paged one.</summary>
public static class PagedList
{
    /// <summary>All items as one page.</summary>
    public static PagedList<T> All<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return new PagedList<T>(list, list.Count, 1, Math.Max(1, list.Count));
    }
}

/// <summary>The paging of every list endpoint, bound with <c>[AsParameters]</c>: page from 1, pageSize 1–200 (default 50).</summary>
public sealed record PageRequest([FromQuery(Name = "page")] int? Page, [FromQuery(Name = "pageSize")] int? PageSize)
{
    public (int Page, int PageSize) Normalized => ApiConventions.Paging(Page, PageSize);
}

/// <summary>
/// Conventions every endpoint of <c>/api/v1</c> follows: paging, ETags, If-Match. A broken rule is thrown as a
/// <see cref="RuleViolationException"/> and answered 400 with its field by <c>RuleViolationExceptionHandler</c>, the one place for it.
/// </summary>
public static class ApiConventions
{
    public const int MaxPageSize = 200;

    /// <summary>Normalises page (from 1) and page size (1–200, default 50).</summary>
    public static (int Page, int PageSize) Paging(int? page, int? pageSize) =>
        (Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? 50, 1, MaxPageSize));

    public static string ETag(int version) => $"\"{version}\"";

    /// <summary>
    /// Checks <c>If-Match</c> against the current version: null when it matches, otherwise the answer
    /// (428 when missing, 412 when stale).
    /// </summary>
    public static ProblemHttpResult? CheckIfMatch(HttpContext context, int currentVersion)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return TypedResults.Problem(
                title: "If-Match fehlt",
                detail: "Änderungen brauchen den Header If-Match mit dem ETag des zuletzt gelesenen Stands.",
                statusCode: StatusCodes.Status428PreconditionRequired);
        }

        return ifMatch == "*" || ifMatch.Split(',').Select(v => v.Trim()).Contains(ETag(currentVersion))
            ? null
            : TypedResults.Problem(
                title: "Inzwischen geändert",
                detail: "Der Datensatz wurde seit dem Lesen geändert. Lesen Sie ihn neu und wiederholen Sie die Änderung.",
                statusCode: StatusCodes.Status412PreconditionFailed);
    }

    /// <summary>
    /// For writes where If-Match is optional: null without the header or when it matches, otherwise 412
    /// (the change is made only on the version the caller names).
    /// </summary>
    public static ProblemHttpResult? CheckIfMatchWhenSent(HttpContext context, int currentVersion) =>
        string.IsNullOrEmpty(context.Request.Headers.IfMatch) ? null : CheckIfMatch(context, currentVersion);
}
