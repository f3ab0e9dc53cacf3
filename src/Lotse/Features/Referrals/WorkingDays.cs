namespace Lotse.Features.Referrals;

/// <summary>Working days in North Rhine-Westphalia: Monday to Friday without the public holidays of NRW.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day);

    /// <summary>The day that lies <paramref name="count"/> working days after <paramref name="start"/>.</summary>
    public static DateOnly Add(DateOnly start, int count)
    {
        var day = start;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                count--;
            }
        }

        return day;
    }

    public static bool IsPublicHoliday(DateOnly day)
    {
        var easter = EasterSunday(day.Year);
        return (day.Month, day.Day) is (1, 1) or (5, 1) or (10, 3) or (11, 1) or (12, 25) or (12, 26)
            || day == easter.AddDays(-2) // Karfreitag
            || day == easter.AddDays(1) // Ostermontag
            || day == easter.AddDays(39) // Christi Himmelfahrt
            || day == easter.AddDays(50) // Pfingstmontag
            || day == easter.AddDays(60); // Fronleichnam
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }
}
