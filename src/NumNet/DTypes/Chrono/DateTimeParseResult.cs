namespace NumNet;

/// <summary>A datetime64 value read from text by <see cref="DateTimes.Parse(string, DateTimeMetadata?, string)"/>.</summary>
/// <param name="Value">The count in <paramref name="Metadata"/> units, or <see cref="DateTimes.NaT"/>.</param>
/// <param name="Metadata">
/// The unit the value is in: the one asked for, or when none was, the unit the text's precision implies
/// ("2003-10-02" gives days, "2003-10-02T12:34:56.789" milliseconds, "NaT" generic).
/// </param>
/// <param name="HasTimezoneWarning">
/// True when text followed the time (a time-zone suffix such as "Z" or "+05:30", which was converted to UTC, or
/// trailing blanks): NumPy then emits a UserWarning with <see cref="DateTimes.TimezoneWarningMessage"/>, which the
/// caller should surface.
/// </param>
public readonly record struct DateTimeParseResult(long Value, DateTimeMetadata Metadata, bool HasTimezoneWarning);
