namespace Lotse;

/// <summary>
/// The installation's time zone (<c>Lotse:TimeZone</c>, Europe/Berlin unless set): every time a user types
/// is read in it and every time shown is written in it, whatever zone the server runs in. Stored times are UTC.
/// The zone is the clock's <see cref="TimeProvider.LocalTimeZone"/>, so <c>GetLocalNow()</c> agrees with it;
/// the machine's own zone (<c>ToLocalTime()</c>, <see cref="DateTimeKind.Local"/>) is never used.
/// </summary>
public sealed class LocalZone(TimeProvider time)
{
    public TimeZoneInfo Zone => time.LocalTimeZone;

    /// <summary>A stored instant (UTC, or of unspecified kind as the database gives it back) as the wall-clock time here.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>
    /// A wall-clock time typed here as the instant to store. A time the clocks skip (02:30 on the spring
    /// day) is read with the offset before the change, so it moves forward by exactly the gap (03:30).
    /// </summary>
    public DateTime ToUtc(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var zone = Zone;
        if (!zone.IsInvalidTime(wall))
        {
            return TimeZoneInfo.ConvertTimeToUtc(wall, zone);
        }

        var before = wall;
        while (zone.IsInvalidTime(before))
        {
            before = before.AddMinutes(-15);
        }

        return DateTime.SpecifyKind(wall - zone.GetUtcOffset(before), DateTimeKind.Utc);
    }

    /// <summary>
    /// A time a client sent (JSON, query string): with <c>Z</c> or an offset it is that instant; without,
    /// it is a wall-clock time here, as a user would mean it.
    /// </summary>
    public DateTime FromClient(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        // The binder turned an offset into the machine's zone; back to the instant it named.
        DateTimeKind.Local => TimeZoneInfo.ConvertTimeToUtc(value),
        _ => ToUtc(value),
    };

    /// <summary>The instant at which a local day begins.</summary>
    public DateTime StartOf(DateOnly day) => ToUtc(day.ToDateTime(TimeOnly.MinValue));

    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public DateOnly Today => DateOf(time.GetUtcNow().UtcDateTime);

    public static TimeZoneInfo? Find(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : null;
}

/// <summary>The system clock in the installation's time zone instead of the machine's.</summary>
public sealed class InstallationClock(TimeZoneInfo zone) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => zone;
}

public static class LocalZoneExtensions
{
    /// <summary>For views: <c>@x.At.In(Zone).ToString("g")</c>.</summary>
    public static DateTime In(this DateTime utc, LocalZone zone) => zone.ToLocal(utc);
}
