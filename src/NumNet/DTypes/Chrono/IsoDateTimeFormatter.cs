using System.Globalization;
using System.Text;

namespace NumNet.DTypes.Chrono;

/// <summary>
/// Writes fields as NumPy's ISO 8601 text, cut off at a unit: "2003" (Y), "2003-10" (M), "2003-10-02" (W and D),
/// then "T12", ":34", ":56", and three fraction digits per unit from ms to as. Years take at least four
/// characters sign included, as C's "%04lld" gives them ("0005", "-001", "10000").
/// </summary>
internal static class IsoDateTimeFormatter
{
    public static string Format(in DateTimeFields f, DateTimeUnit unit)
    {
        if (f.IsNaT || unit == DateTimeUnit.Generic)
            return "NaT";
        if (unit == DateTimeUnit.Weeks)
            unit = DateTimeUnit.Days;

        var text = new StringBuilder(40);
        AppendYear(text, f.Year);
        if (unit == DateTimeUnit.Years)
            return text.ToString();
        AppendTwo(text.Append('-'), f.Month);
        if (unit == DateTimeUnit.Months)
            return text.ToString();
        AppendTwo(text.Append('-'), f.Day);
        if (unit == DateTimeUnit.Days)
            return text.ToString();
        AppendTwo(text.Append('T'), f.Hour);
        if (unit == DateTimeUnit.Hours)
            return text.ToString();
        AppendTwo(text.Append(':'), f.Minute);
        if (unit == DateTimeUnit.Minutes)
            return text.ToString();
        AppendTwo(text.Append(':'), f.Second);
        if (unit == DateTimeUnit.Seconds)
            return text.ToString();

        text.Append('.');
        AppendThree(text, f.Microsecond / 1000);
        if (unit == DateTimeUnit.Milliseconds)
            return text.ToString();
        AppendThree(text, f.Microsecond % 1000);
        if (unit == DateTimeUnit.Microseconds)
            return text.ToString();
        AppendThree(text, f.Picosecond / 1000);
        if (unit == DateTimeUnit.Nanoseconds)
            return text.ToString();
        AppendThree(text, f.Picosecond % 1000);
        if (unit == DateTimeUnit.Picoseconds)
            return text.ToString();
        AppendThree(text, f.Attosecond / 1000);
        if (unit == DateTimeUnit.Femtoseconds)
            return text.ToString();
        AppendThree(text, f.Attosecond % 1000);
        return text.ToString();
    }

    /// <summary>
    /// The string size NumPy gives <c>astype('U')</c>/<c>astype('S')</c> of a datetime64 in this unit: room for a
    /// 64-bit year, the parts down to the unit, a time-zone mark for time units, and a terminator.
    /// </summary>
    public static int IsoStringLength(DateTimeUnit unit)
    {
        if (unit == DateTimeUnit.Generic)
            return 4;
        int length = 21;
        if (unit >= DateTimeUnit.Months)
            length += 3;
        if (unit >= DateTimeUnit.Weeks)
            length += 3;
        if (unit >= DateTimeUnit.Hours)
            length += 3 + 1;
        if (unit >= DateTimeUnit.Minutes)
            length += 3;
        if (unit >= DateTimeUnit.Seconds)
            length += 3;
        if (unit >= DateTimeUnit.Milliseconds)
            length += 4;
        if (unit > DateTimeUnit.Milliseconds)
            length += 3 * (unit - DateTimeUnit.Milliseconds);
        return length + 1;
    }

    private static void AppendYear(StringBuilder text, long year)
    {
        if (year >= 0)
        {
            text.Append(year.ToString("D4", CultureInfo.InvariantCulture));
            return;
        }
        // Negate through ulong so that long.MinValue keeps its magnitude.
        string digits = unchecked((ulong)-year).ToString(CultureInfo.InvariantCulture);
        text.Append('-').Append(digits.PadLeft(3, '0'));
    }

    private static void AppendTwo(StringBuilder text, int value) =>
        text.Append((char)('0' + value / 10 % 10)).Append((char)('0' + value % 10));

    private static void AppendThree(StringBuilder text, int value) =>
        text.Append((char)('0' + value / 100 % 10)).Append((char)('0' + value / 10 % 10)).Append((char)('0' + value % 10));
}
