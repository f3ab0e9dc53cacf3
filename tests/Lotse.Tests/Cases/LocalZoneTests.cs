namespace Lotse.Tests.Cases;

/// <summary>What <see cref="LocalZone"/> makes of typed times on the days the clocks change, in any configured zone.</summary>
public sealed class LocalZoneTests
{
    private static LocalZone In(string id) => new(new InstallationClock(TimeZoneInfo.FindSystemTimeZoneById(id)));

    [Fact]
    public void A_time_the_clocks_skip_moves_forward_by_exactly_the_gap()
    {
        // 28.03.2027, Berlin: 02:00 becomes 03:00. 02:30 typed is 03:30 summer time, 01:30 UTC.
        var berlin = In("Europe/Berlin");
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), berlin.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0)));
        Assert.Equal(new DateTime(2027, 3, 28, 3, 30, 0), berlin.ToLocal(berlin.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0))));
        Assert.Equal(new DateTime(2027, 3, 28, 1, 59, 0, DateTimeKind.Utc), berlin.ToUtc(new DateTime(2027, 3, 28, 2, 59, 0)));
    }

    [Fact]
    public void A_day_the_clocks_change_is_as_long_as_it_really_is()
    {
        var berlin = In("Europe/Berlin");
        Assert.Equal(TimeSpan.FromHours(23), berlin.StartOf(new DateOnly(2027, 3, 29)) - berlin.StartOf(new DateOnly(2027, 3, 28)));
        Assert.Equal(TimeSpan.FromHours(25), berlin.StartOf(new DateOnly(2027, 11, 1)) - berlin.StartOf(new DateOnly(2027, 10, 31)));
    }

    [Fact]
    public void Another_installations_zone_is_used_instead_of_Berlin()
    {
        // An installation configured for New York: 09:00 in January is 14:00 UTC, and its own spring gap applies.
        var newYork = In("America/New_York");
        Assert.Equal(new DateTime(2027, 1, 15, 14, 0, 0, DateTimeKind.Utc), newYork.ToUtc(new DateTime(2027, 1, 15, 9, 0, 0)));
        Assert.Equal(new DateTime(2027, 3, 14, 7, 30, 0, DateTimeKind.Utc), newYork.ToUtc(new DateTime(2027, 3, 14, 2, 30, 0)));
        Assert.Equal(new DateOnly(2027, 1, 14), newYork.DateOf(new DateTime(2027, 1, 15, 3, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void A_time_with_its_offset_or_Z_keeps_its_instant()
    {
        var berlin = In("Europe/Berlin");
        var utc = new DateTime(2027, 6, 1, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(utc, berlin.FromClient(utc));
        Assert.Equal(utc, berlin.FromClient(new DateTime(2027, 6, 1, 9, 0, 0)));
    }
}
