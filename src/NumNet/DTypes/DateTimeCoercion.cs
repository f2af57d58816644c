using System.Numerics;
using NumNet.DTypes.Text;

namespace NumNet.DTypes;

/// <summary>Turns .NET values into datetime64/timedelta64 counts of a given unit.</summary>
internal static class DateTimeCoercion
{
    /// <summary>
    /// A datetime64 count in <paramref name="unit"/>: None is NaT, integers are counts, ISO text is parsed, other
    /// datetime64 values and .NET dates are converted to the unit.
    /// </summary>
    /// <exception cref="ArgumentException">Text that is not a date, or a value of a kind datetime64 cannot take.</exception>
    public static long ToDateTimeCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTime64.NaTValue,
        DateTime64 d when d.Unit == unit || d.IsNaT => d.Value,
        // NumPy's setitem converts a datetime64 scalar through the calendar, without an array cast's factor check.
        DateTime64 d => DateTimes.CastScalar(d.Value, d.Unit, unit),
        // A timedelta stored into a datetime is the same count since the epoch.
        TimeDelta64 t when t.Unit == unit || t.IsNaT || t.Unit.IsGeneric => t.Value,
        TimeDelta64 t => DateTimes.Cast(t.Value, t.Unit, unit),
        string s => ParsedCount(s, unit, "same_kind"),
        // NumPy decodes bytes as UTF-8 first (convert_pyobject_to_datetime), so bad bytes raise Python's decode error.
        Bytes b => ParsedCount(PythonUtf8.Decode(b.Span), unit, "same_kind"),
        System.DateTime t => DateTimes.FromDateTime(t, unit),
        DateTimeOffset t => OffsetCount(t, unit),
        DateOnly d => DateTimes.FromDateOnly(d, unit),
        // A count means nothing without a unit to count in (a timedelta count does: it stays generic).
        // (NaT needs none: casts hand its count over as a long.)
        _ when (IsInteger(value) || value is bool) && unit.IsGeneric && value is not DateTime64.NaTValue => throw new ArgumentException("Converting an integer to a NumPy datetime requires a specified unit"),
        _ when IsInteger(value) => ScalarCoercion.ToInteger<long>(value, np.int64),
        bool b => b ? 1 : 0,
        _ => throw new ArgumentException($"Could not convert object to NumPy datetime: a {value.GetType().Name} is not a date"),
    };

    /// <summary>A timedelta64 count in <paramref name="unit"/>: None is NaT, integers and integer text are counts, <see cref="TimeSpan"/> converts.</summary>
    /// <exception cref="ArgumentException">A value of a kind timedelta64 cannot take.</exception>
    public static long ToTimeDeltaCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTime64.NaTValue,
        TimeDelta64 d when d.Unit == unit || d.IsNaT => d.Value,
        TimeDelta64 d => TimeDeltas.Cast(d.Value, d.Unit, unit),
        TimeSpan t => TimeDeltas.FromTimeSpan(t, unit),
        string s => ParseTimeDeltaText(s),
        Bytes b => ParseTimeDeltaText(PythonUtf8.Decode(b.Span)),
        _ when IsInteger(value) => ScalarCoercion.ToInteger<long>(value, np.int64),
        bool b => b ? 1 : 0,
        _ => throw new ArgumentException($"Could not convert object to NumPy timedelta: a {value.GetType().Name} is not a duration"),
    };

    /// <summary>
    /// A timedelta64 count from text, as NumPy's <c>convert_pyobject_to_timedelta</c> reads it: empty text or
    /// <c>NaT</c> in any case is NaT, anything else must be one C <c>strtol</c> number with nothing after it (leading
    /// white space and a sign allowed; no trailing space, no underscores; out-of-range counts clamp to the int64 range).
    /// </summary>
    /// <exception cref="ArgumentException">Text that is not a count.</exception>
    public static long ParseTimeDeltaText(string text)
    {
        if (text.Length == 0 || text.Equals("NaT", StringComparison.OrdinalIgnoreCase))
            return DateTime64.NaTValue;
        int i = 0;
        while (i < text.Length && text[i] is ' ' or '\t' or '\n' or '\v' or '\f' or '\r')
            i++;
        bool negative = i < text.Length && text[i] == '-';
        if (i < text.Length && text[i] is '+' or '-')
            i++;
        int digits = i;
        BigInteger magnitude = BigInteger.Zero;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            magnitude = magnitude * 10 + (text[i++] - '0');
        if (i == digits || i != text.Length)
            throw new ArgumentException("Could not convert object to NumPy timedelta");
        var value = negative ? -magnitude : magnitude;
        return value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;
    }

    /// <summary>
    /// The count of ISO text in <paramref name="unit"/>, raising NumPy 2's UserWarning when the text carries a time
    /// zone (which is converted to UTC), as every NumPy parse of such text does.
    /// </summary>
    public static long ParsedCount(string text, DateTimeMetadata unit, string casting)
    {
        var parsed = DateTimes.Parse(text, unit, casting);
        if (parsed.HasTimezoneWarning)
            Warnings.Warn(NumPyWarningKind.UserWarning, DateTimes.TimezoneWarningMessage);
        return parsed.Value;
    }

    // A DateTimeOffset is its UTC instant; a non-zero offset warns as NumPy warns for a time-zone-aware datetime.
    private static long OffsetCount(DateTimeOffset value, DateTimeMetadata unit)
    {
        if (value.Offset != TimeSpan.Zero)
            Warnings.Warn(NumPyWarningKind.UserWarning, DateTimes.TimezoneWarningMessage);
        return DateTimes.FromDateTimeOffset(value, unit);
    }

    private static bool IsInteger(object? value) => value is not char && ScalarCoercion.IsInteger(value);
}
