using System.Globalization;

namespace OobWizard.Logs;

/// <summary>
/// The ConfigMgr timestamp: local date <c>MM-DD-YYYY</c>, local time <c>HH:MM:SS.fff</c> and a bias
/// in minutes with the Windows sign, so UTC = local + bias (<c>+300</c> is US Eastern standard time).
/// </summary>
internal static class LogTime
{
    /// <summary>Parses <paramref name="date"/> and <paramref name="timeWithBias"/>; null when either is not a valid time.</summary>
    public static DateTimeOffset? Parse(ReadOnlySpan<char> date, ReadOnlySpan<char> timeWithBias)
    {
        date = date.Trim();
        timeWithBias = timeWithBias.Trim();
        if (!TryDate(date, out var year, out var month, out var day))
        {
            return null;
        }

        var signAt = timeWithBias.IndexOfAny('+', '-');
        var time = signAt >= 0 ? timeWithBias[..signAt] : timeWithBias;
        var bias = 0;
        if (signAt >= 0 && !int.TryParse(timeWithBias[signAt..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out bias))
        {
            return null;
        }

        if (Math.Abs(bias) > 14 * 60 || !TryTime(time, out var timeOfDay))
        {
            return null;
        }

        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var local = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified).Add(timeOfDay);
        return new DateTimeOffset(local, TimeSpan.FromMinutes(-bias));
    }

    private static bool TryDate(ReadOnlySpan<char> s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        var first = s.IndexOf('-');
        if (first <= 0)
        {
            return false;
        }

        var rest = s[(first + 1)..];
        var second = rest.IndexOf('-');
        return second > 0
            && int.TryParse(s[..first], NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(rest[..second], NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && int.TryParse(rest[(second + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out year)
            && month is >= 1 and <= 12 && day >= 1 && year is >= 1 and <= 9999;
    }

    private static bool TryTime(ReadOnlySpan<char> s, out TimeSpan time)
    {
        time = default;
        var dot = s.IndexOf('.');
        var hms = dot >= 0 ? s[..dot] : s;
        var fraction = dot >= 0 ? s[(dot + 1)..] : [];
        var c1 = hms.IndexOf(':');
        if (c1 <= 0)
        {
            return false;
        }

        var rest = hms[(c1 + 1)..];
        var c2 = rest.IndexOf(':');
        if (c2 <= 0
            || !int.TryParse(hms[..c1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || !int.TryParse(rest[..c2], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(rest[(c2 + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var sec)
            || h > 23 || m > 59 || sec > 59)
        {
            return false;
        }

        long ticks = 0;
        if (fraction.Length > 0)
        {
            var digits = fraction.Length > 7 ? fraction[..7] : fraction;
            if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out ticks))
            {
                return false;
            }

            for (var i = digits.Length; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        time = new TimeSpan(h, m, sec) + TimeSpan.FromTicks(ticks);
        return true;
    }
}
