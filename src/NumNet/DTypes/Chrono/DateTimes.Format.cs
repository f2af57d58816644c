using NumNet.DTypes.Chrono;

namespace NumNet;

public static partial class DateTimes
{
    /// <summary>
    /// The ISO text NumPy shows for a datetime64 in its dtype's unit (<c>str()</c> of the scalar, array printing
    /// without the quotes, <c>astype('U')</c>, <c>np.datetime_as_string</c>): "2003-10-02" in days and weeks (a
    /// week shows its first day), "2003-10-02T12:34" in minutes, "...T12:34:56.789" in ms, "2003" in years;
    /// "NaT" for NaT.
    /// </summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    /// <exception cref="ArgumentException">A non-NaT value in generic units.</exception>
    /// <exception cref="OverflowException">The multiplier pushes the value out of the int64 range.</exception>
    public static string Format(long value, DateTimeMetadata metadata) => Format(value, metadata, metadata.Unit);

    /// <summary>
    /// The ISO text of a datetime64 cut off (or extended with zeros) at <paramref name="unit"/>, as
    /// <c>np.datetime_as_string(value, unit=...)</c> gives it.
    /// </summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    /// <param name="unit">The unit to show; <see cref="DateTimeUnit.Generic"/> shows "NaT".</param>
    /// <exception cref="ArgumentException">A non-NaT value in generic units.</exception>
    /// <exception cref="OverflowException">The multiplier pushes the value out of the int64 range.</exception>
    public static string Format(long value, DateTimeMetadata metadata, DateTimeUnit unit) =>
        IsoDateTimeFormatter.Format(FieldsConversion.ToFields(value, metadata), unit);

    /// <summary>
    /// The text a datetime64 → <c>S</c>/<c>U</c> array cast writes into an element of <paramref name="width"/>
    /// characters: NumPy formats straight into the element (<c>NpyDatetime_MakeISO8601Datetime</c> in
    /// <c>numpy/_core/src/multiarray/datetime_strings.c</c>), so the whole text must fit, except that the year, written
    /// with C's <c>snprintf</c>, may fill the element exactly and then loses its last digit to the terminator
    /// (2003 in years into <c>S4</c> is <c>b'200'</c>); NaT needs 3 characters.
    /// </summary>
    /// <exception cref="InvalidOperationException">The text does not fit (NumPy's RuntimeError).</exception>
    internal static string FormatForTextCast(long value, DateTimeMetadata metadata, int width)
    {
        string text = Format(value, metadata);
        bool yearOnly = value != NaT && metadata.Unit == DateTimeUnit.Years;
        if (yearOnly && text.Length == width)
            return text[..^1];
        if (text.Length > width)
        {
            throw new InvalidOperationException(
                $"The string provided for NumPy ISO datetime formatting was too short, with length {width}");
        }
        return text;
    }

    /// <summary>
    /// NumPy 2's <c>repr()</c> of a datetime64 scalar: "np.datetime64('2003-10-02')", with the unit added when the
    /// text does not imply it ("np.datetime64('2003-10-02T12','h')", "np.datetime64('1970-01-01T00:02:05','25s')")
    /// and for NaT ("np.datetime64('NaT','generic')").
    /// </summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    /// <exception cref="ArgumentException">A non-NaT value in generic units.</exception>
    public static string Repr(long value, DateTimeMetadata metadata)
    {
        string iso = Format(value, metadata);
        bool textImpliesUnit = (metadata.Multiplier == 1 && metadata.Unit != DateTimeUnit.Hours) || metadata.IsGeneric;
        return textImpliesUnit && value != NaT
            ? $"np.datetime64('{iso}')"
            : $"np.datetime64('{iso}','{metadata.UnitText}')";
    }

    /// <summary>
    /// The number of characters NumPy sizes a string dtype to when a datetime64 array of this unit is cast with
    /// <c>astype('U')</c> or <c>astype('S')</c>: 28 for days (<c>&lt;U28</c>), 35 for minutes, 4 for generic.
    /// </summary>
    /// <param name="unit">The base unit of the datetime64 dtype.</param>
    public static int GetIsoStringLength(DateTimeUnit unit) => IsoDateTimeFormatter.IsoStringLength(unit);

    /// <summary>
    /// The element texts NumPy's array printing uses for a datetime64 array, before it joins them: each value
    /// quoted ("'2003-10-02'"), NaT as "'NaT'", all right-aligned to the width of the widest of the earliest value,
    /// the latest value and (when present) NaT.
    /// </summary>
    /// <param name="values">The elements, in any order.</param>
    /// <param name="metadata">Their unit.</param>
    /// <exception cref="ArgumentException">A non-NaT value in generic units.</exception>
    public static string[] FormatArrayElements(ReadOnlySpan<long> values, DateTimeMetadata metadata) =>
        TimelikeArrayFormat.Format(values, value => "'" + Format(value, metadata) + "'");
}
