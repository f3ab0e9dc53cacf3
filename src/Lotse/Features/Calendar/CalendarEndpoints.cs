namespace Lotse.Features.Calendar;

public static class CalendarEndpoints
{
    /// <summary>
    /// The subscription URL calendar programs poll. It carries its own secret instead of a sign-in,
    /// so it is the one anonymous endpoint that returns data; an unknown or revoked secret gets 404.
    /// </summary>
    public static IEndpointRouteBuilder MapCalendarFeed(this IEndpointRouteBuilder app)
    {
        app.MapGet("/calendar/{secret}.ics", async (string secret, CalendarFeedService feeds, HttpContext context) =>
        {
            var text = await feeds.RenderAsync(secret, context.RequestAborted);
            if (text is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(text, "text/calendar; charset=utf-8");
        })
        .AllowAnonymous()
        .ExcludeFromDescription();
        return app;
    }
}
