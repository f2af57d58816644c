using System.Globalization;
using NumNet.DTypes.Chrono;

namespace NumNet;

public static partial class TimeDeltas
{
    /// <summary>
    /// Reads a timedelta64 count from text as NumPy stores a string into a timedelta64 array: "NaT" in any case and
    /// "" are NaT, otherwise the whole text must be a base-10 integer, optionally signed and preceded by blanks
    /// (" 5", "-3"), read in the dtype's unit as it stands. Out-of-range numbers saturate, as C's <c>strtol</c> does.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is not an integer (NumPy's "Could not convert object to NumPy timedelta").</exception>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out long value))
            return value;
        throw new ArgumentException($"Could not convert object to NumPy timedelta: \"{text}\"", nameof(text));
    }

    /// <summary>Like <see cref="Parse"/>, without throwing.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The count, or <see cref="NaT"/>.</param>
    public static bool TryParse(string? text, out long value)
    {
        value = NaT;
        if (text is null)
            return false;
        if (text.Length == 0 || text.Equals("nat", StringComparison.OrdinalIgnoreCase))
            return true;
        return CIntegerScanner.TryScan(text, 0, out value, out int end) && end == text.Length;
    }

    /// <summary>
    /// NumPy's <c>str()</c> of a timedelta64 scalar, also what <c>astype('U')</c> writes: the count times the
    /// multiplier and the unit's plural name ("5 days", "75 seconds" for 3 in <c>[25s]</c>, "1 generic time
    /// units"), or "NaT".
    /// </summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    public static string Format(long value, DateTimeMetadata metadata)
    {
        if (value == NaT)
            return "NaT";
        long scaled = unchecked(value * metadata.Multiplier);
        return scaled.ToString(CultureInfo.InvariantCulture) + " " + metadata.Unit.ToVerboseName();
    }

    /// <summary>
    /// NumPy 2's <c>repr()</c> of a timedelta64 scalar: "np.timedelta64(5,'s')", "np.timedelta64('NaT','25s')",
    /// and without the unit for generic ones ("np.timedelta64(5)").
    /// </summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    public static string Repr(long value, DateTimeMetadata metadata)
    {
        string shown = value == NaT ? "'NaT'" : value.ToString(CultureInfo.InvariantCulture);
        return metadata.IsGeneric ? $"np.timedelta64({shown})" : $"np.timedelta64({shown},'{metadata.UnitText}')";
    }

    /// <summary>
    /// The element texts NumPy's array printing uses for a timedelta64 array: the bare counts (no unit, multiplier
    /// not applied) and "'NaT'", all right-aligned to the width of the widest of the smallest count, the largest
    /// count and (when present) NaT.
    /// </summary>
    /// <param name="values">The elements.</param>
    public static string[] FormatArrayElements(ReadOnlySpan<long> values) =>
        TimelikeArrayFormat.Format(values, value => value.ToString(CultureInfo.InvariantCulture));
}
