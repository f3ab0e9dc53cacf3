using Microsoft.AspNetCore.Http.HttpResults;

namespace Lotse.Features.Calendar;

public static class CalendarEndpoints
{
    /// <summary>
    /// The subscription URL calendar programs poll. It carries its own secret instead of a sign-in,
    /// so it is the one anonymous endpoint that returns data; an unknown or revoked secret gets 404.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", FeedAsync)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(string secret, CalendarFeedService feeds, HttpContext context)
    {
        if (await feeds.RenderAsync(secret, context.RequestAborted) is not { } text)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.Text(text, "text/calendar; charset=utf-8");
    }
}
