using NumNet.DTypes.Chrono;

namespace NumNet;

public static partial class DateTimes
{
    /// <summary>The text of the UserWarning NumPy 2 emits when a datetime string carries a time zone (DeprecationWarning before NumPy 2).</summary>
    public const string TimezoneWarningMessage = "no explicit representation of timezones available for np.datetime64";

    /// <summary>
    /// Reads a datetime64 from text as <c>np.datetime64(text)</c> and <c>np.array([text], 'M8[...]')</c> do:
    /// "2003", "2003-10", "2003-10-02", then "T" or a blank and "12", ":34", ":56", ".789..." (up to 18 fraction
    /// digits); any number of year digits with an optional sign ("-0001", "10000"); "NaT" in any case and "" for
    /// NaT; "today" (the local date) and "now" (UTC, to the second); and a "Z" or "+hh:mm"/"-hhmm" suffix after a
    /// time, converted to UTC and reported in <see cref="DateTimeParseResult.HasTimezoneWarning"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="metadata">
    /// The unit to store the value in (coarser units truncate: "2003-10-02T12" in days is 2003-10-02), or null to
    /// use the unit the text's precision implies. Generic units only accept NaT.
    /// </param>
    /// <param name="casting">
    /// The rule between the text's precision and <paramref name="metadata"/>: "same_kind" (NumPy's default when
    /// storing strings) accepts any unit; "safe" refuses to drop precision.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> or <paramref name="casting"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The text is not a datetime (NumPy's ValueError: "Error parsing datetime string ... at position ...", "Month
    /// out of range ...", "Day out of range ..."), or a non-NaT value was given generic units.
    /// </exception>
    /// <exception cref="InvalidCastException">The text's precision cannot go into the unit under <paramref name="casting"/>.</exception>
    public static DateTimeParseResult Parse(string text, DateTimeMetadata? metadata = null, string casting = "same_kind") =>
        Parse(text, metadata, casting, TimeProvider.System);

    /// <summary>
    /// The unit <paramref name="text"/> adds when a datetime64 without a unit is discovered from an element: the unit
    /// of its precision ("2001-02" is months; NaT and "" are generic), or generic when the text is no datetime.
    /// </summary>
    /// <remarks>
    /// NumPy's <c>find_object_datetime64_meta</c> (<c>numpy/_core/src/multiarray/datetime.c</c>) clears the
    /// ValueError of a text it cannot parse: such an element tells discovery nothing and raises only when it is stored
    /// in the unit the other elements decide ("Cannot create a NumPy datetime other than NaT with generic units" when
    /// none does), after the elements stored before it. Text arrays are parsed strictly instead
    /// (<c>find_string_array_datetime64_type</c>): use <see cref="Parse(string, DateTimeMetadata?, string)"/> there.
    /// </remarks>
    internal static DateTimeMetadata DiscoveredUnit(string text)
    {
        try
        {
            return Parse(text).Metadata;
        }
        catch (ArgumentException)
        {
            return DateTimeMetadata.Generic;
        }
    }

    internal static DateTimeParseResult Parse(string text, DateTimeMetadata? metadata, string casting, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rule = CastingRules.Parse(casting);
        var parsed = IsoDateTimeParser.Parse(text, metadata?.Unit, rule, clock);
        var meta = metadata ?? new DateTimeMetadata(parsed.BestUnit);
        long value = FieldsConversion.FromFields(parsed.Fields, meta);
        return new DateTimeParseResult(value, meta, parsed.HadTimezone);
    }
}
