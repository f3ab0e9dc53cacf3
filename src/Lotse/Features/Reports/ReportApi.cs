using System.Linq.Expressions;
using Lotse.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lotse.Features.Reports;

/// <summary><c>GET /api/v1/reports/kim</c>: the KIM report as JSON, CSV or XLSX, always with small numbers suppressed.</summary>
public static class ReportApi
{
    public static RouteGroupBuilder MapReportApi(this RouteGroupBuilder api)
    {
        api.MapGet("/reports/kim", KimAsync)
            .RequireAuthorization(Policies.Reports).WithTags("Reports")
            .WithSummary("The KIM report for a period (from, to: dates, default the current year), for the installation or an organisation or district; counts perturbed (cell key method), cells below 5 as \"< 5\", with secondary suppression; a calendar month, quarter, half-year or year only. Team leads get their own organisation.");
        return api;
    }

    private static async Task<Results<Ok<KimReportData>, FileContentHttpResult>> KimAsync(DateOnly? from, DateOnly? to, string? format, Guid? organizationId, Guid? districtId,
        HttpContext context, KimReportService reports, FirstPrints prints, TimeProvider time)
    {
        var period = ReportPeriod.Resolve(from, to, time, onGrid: true);
        if (period.Error is { } error)
        {
            throw new RuleViolationException("to", error);
        }

        var kind = (format ?? "json").ToLowerInvariant();
        if (kind is not ("json" or "csv" or "xlsx"))
        {
            throw new RuleViolationException("format", "format ist json, csv oder xlsx.");
        }

        var scope = ReportPeriod.ScopeFor(context.User, organizationId, districtId);
        var report = await prints.CompareAsync(await reports.BuildAsync(period.From, period.To, scope, suppress: true, context.RequestAborted), scope, context.RequestAborted);
        var name = $"kim-bericht-{period.From:yyyy-MM-dd}-{period.To:yyyy-MM-dd}";
        return kind switch
        {
            "csv" => TypedResults.File(ReportFiles.Csv(report), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => TypedResults.File(ReportFiles.Xlsx(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
            _ => TypedResults.Ok(report),
        };
    }
}

/// <summary>The period and scope rules shared by the report page and the API.</summary>
public static class ReportPeriod
{
    /// <summary>The time zone of the days a report counts: a day of the KIM report is a day in Germany, whatever the server's zone.</summary>
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>Midnight at the start of <paramref name="day"/> in Germany, as a UTC instant (stored times are UTC).</summary>
    public static DateTime StartOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);

    /// <summary>The lengths in months of the periods figures that leave may cover, each aligned to the calendar year.</summary>
    private static readonly int[] GridMonths = [1, 3, 6, 12];

    public const string OffGrid = "Zahlen, die die Organisation verlassen, gibt es nur für einen Kalendermonat, ein Quartal, ein Halbjahr oder ein Kalenderjahr.";

    /// <summary>
    /// The period of a request. <paramref name="onGrid"/> for figures that leave: only a calendar
    /// month, quarter, half-year or year (ADR 012), so that no one can ask for two periods that differ
    /// by a few days and subtract them.
    /// </summary>
    /// <remarks>
    /// Figures that leave a period not yet over end with the last complete month (the "Stand"): a
    /// running month would be drawn afresh with every record added, and asking day by day would date
    /// each event. The current year asked for in December gives January to November.
    /// </remarks>
    public static (DateOnly From, DateOnly To, string? Error) Resolve(DateOnly? from, DateOnly? to, TimeProvider time, bool onGrid = false)
    {
        var today = Today(time);
        // By default the current year; in January, for figures that leave, the last one (the current has no complete month yet).
        var start = from ?? new DateOnly(onGrid && today.Month == 1 ? today.Year - 1 : today.Year, 1, 1);
        var end = to ?? new DateOnly(start.Year, 12, 31);
        if (end < start)
        {
            return (start, end, "Das Ende des Zeitraums liegt vor seinem Beginn.");
        }

        if (end.DayNumber - start.DayNumber > 3660)
        {
            return (start, end, "Der Zeitraum darf höchstens zehn Jahre umfassen.");
        }

        if (!onGrid)
        {
            return (start, end, null);
        }

        if (!OnGrid(start, end))
        {
            return (start, end, OffGrid);
        }

        var lastComplete = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        return end <= lastComplete ? (start, end, null)
            : start <= lastComplete ? (start, lastComplete, null)
            : (start, end, NoCompleteMonth);
    }

    public const string NoCompleteMonth = "Für Zahlen, die die Organisation verlassen, hat dieser Zeitraum noch keinen abgeschlossenen Monat.";

    /// <summary>Today in Germany: the days of the report are German days, whatever the server's zone.</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    /// <summary>The calendar months [from, to] touches, each cut to the period.</summary>
    public static IEnumerable<(DateOnly From, DateOnly To)> Months(DateOnly from, DateOnly to)
    {
        for (var start = from; start <= to; start = new DateOnly(start.Year, start.Month, 1).AddMonths(1))
        {
            var end = new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1);
            yield return (start, end < to ? end : to);
        }
    }

    /// <summary>
    /// The index of the calendar month (in Germany) of [from, to] an instant falls in, as an expression
    /// the database evaluates (a CASE over the months' first instants), for one GROUP BY per period.
    /// </summary>
    public static Expression<Func<T, int>> MonthIndex<T>(Expression<Func<T, DateTime>> instant, DateOnly from, DateOnly to)
    {
        var starts = Months(from, to).Skip(1).Select(m => StartOf(m.From)).ToList();
        Expression index = Expression.Constant(starts.Count);
        for (var i = starts.Count - 1; i >= 0; i--)
        {
            index = Expression.Condition(
                Expression.LessThan(instant.Body, Expression.Constant(starts[i])),
                Expression.Constant(i), index);
        }

        return Expression.Lambda<Func<T, int>>(index, instant.Parameters);
    }

    /// <summary>The calendar month (in Germany) of a stored instant, as year × 12 + month.</summary>
    public static int MonthOf(DateTime instant)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(instant, DateTimeKind.Utc), Zone);
        return (local.Year * 12) + local.Month;
    }

    /// <summary>Whether [from, to] is a calendar month, quarter, half-year or year.</summary>
    public static bool OnGrid(DateOnly from, DateOnly to) =>
        from.Day == 1 && GridMonths.Any(months => (from.Month - 1) % months == 0 && to == from.AddMonths(months).AddDays(-1));

    /// <summary>Coordinators choose any organisation; a team lead always gets their own.</summary>
    public static ReportScope ScopeFor(System.Security.Claims.ClaimsPrincipal user, Guid? organizationId, Guid? districtId) =>
        ReportAccess.SeesEveryOrganization(user) ? new ReportScope(organizationId, districtId) : new ReportScope(user.GetOrganizationId(), districtId);
}
