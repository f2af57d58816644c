using NumNet.DTypes.Chrono;

namespace NumNet;

/// <summary>
/// NumPy's <c>datetime64</c> machinery on raw values: a datetime64 is an int64 count of units (see
/// <see cref="DateTimeMetadata"/>) since 1970-01-01T00:00 in the proleptic Gregorian calendar, without time zone,
/// and <see cref="NaT"/> (<see cref="long.MinValue"/>) is "not a time".
/// </summary>
public static partial class DateTimes
{
    /// <summary>The NaT ("not a time") value of datetime64 and timedelta64: <see cref="long.MinValue"/>.</summary>
    public const long NaT = long.MinValue;

    /// <summary>
    /// Converts one datetime64 count to another unit as NumPy's <c>astype</c> does: always rounding towards the
    /// past (so 1969-12-31T23 in days is 1969-12-31), through the calendar when years or months are involved
    /// (2003-10 in days is 2003-10-01), and keeping NaT.
    /// </summary>
    /// <param name="value">The count in <paramref name="from"/> units.</param>
    /// <param name="from">The unit of <paramref name="value"/>.</param>
    /// <param name="to">The unit wanted.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="to"/> is generic while <paramref name="from"/> is not, or a non-NaT generic value meets
    /// years/months (NumPy's ValueError), or a multiplier is below 1.
    /// </exception>
    /// <exception cref="OverflowException">
    /// The unit ratio is too large (NumPy refuses seconds to attoseconds outright) or the value leaves the int64
    /// range (NumPy 2.5 raises; older NumPy wrapped around).
    /// </exception>
    public static long Cast(long value, DateTimeMetadata from, DateTimeMetadata to)
    {
        long result = 0;
        Cast(new ReadOnlySpan<long>(in value), new Span<long>(ref result), from, to);
        return result;
    }

    /// <summary>
    /// Converts datetime64 counts from one unit to another element by element, with the rules of
    /// <see cref="Cast(long, DateTimeMetadata, DateTimeMetadata)"/>. The spans may be the same memory.
    /// </summary>
    /// <param name="source">The counts in <paramref name="from"/> units.</param>
    /// <param name="destination">Receives the counts in <paramref name="to"/> units; at least as long as <paramref name="source"/>.</param>
    /// <param name="from">The unit of <paramref name="source"/>.</param>
    /// <param name="to">The unit wanted.</param>
    /// <exception cref="ArgumentException">As for the single-value overload, or <paramref name="destination"/> is too short.</exception>
    /// <exception cref="OverflowException">As for the single-value overload.</exception>
    public static void Cast(ReadOnlySpan<long> source, Span<long> destination, DateTimeMetadata from, DateTimeMetadata to)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("Destination is shorter than the source.", nameof(destination));
        if (from == to)
        {
            source.CopyTo(destination);
            return;
        }
        // NumPy computes the factor even when it goes through the calendar, so its overflow error comes first.
        var (num, denom) = ConversionFactor.Get(from, to);
        if (from.Unit.IsNonlinear() || to.Unit.IsNonlinear())
        {
            for (int i = 0; i < source.Length; i++)
                destination[i] = FieldsConversion.FromFields(FieldsConversion.ToFields(source[i], from), to);
            return;
        }
        for (int i = 0; i < source.Length; i++)
            destination[i] = LinearScale.Apply(source[i], num, denom, "datetime64");
    }

    /// <summary>
    /// Converts one datetime64 count to another unit as NumPy's datetime64 setitem does with a datetime64 scalar
    /// (<c>cast_datetime_to_datetime</c>, <c>numpy/_core/src/multiarray/datetime.c</c>): through the calendar for
    /// every pair of units and without the conversion factor an array cast computes first, so a unit pair whose
    /// factor leaves int64 (<c>Y</c> → <c>ps</c>) still converts, and a count that leaves int64 wraps as NumPy's C
    /// arithmetic does. The caller has checked the unit change is allowed (same_kind); NaT stays NaT.
    /// </summary>
    /// <exception cref="ArgumentException">A non-NaT value with generic units on either side.</exception>
    /// <exception cref="OverflowException">The source multiplier pushes the count out of range (NumPy 2.5).</exception>
    internal static long CastScalar(long value, DateTimeMetadata from, DateTimeMetadata to) =>
        from == to ? value : FieldsConversion.FromFields(FieldsConversion.ToFields(value, from), to);
}
