using NumNet.DTypes.Chrono;

namespace NumNet;

/// <summary>
/// NumPy's <c>timedelta64</c> machinery on raw values: a timedelta64 is an int64 count of units (see
/// <see cref="DateTimeMetadata"/>), and <see cref="NaT"/> (<see cref="long.MinValue"/>) is "not a time".
/// </summary>
public static partial class TimeDeltas
{
    /// <summary>The NaT ("not a time") value: <see cref="long.MinValue"/>.</summary>
    public const long NaT = long.MinValue;

    /// <summary>
    /// The number of characters NumPy sizes a string dtype to when a timedelta64 array is cast with
    /// <c>astype('U')</c>/<c>astype('S')</c> (longer texts are cut).
    /// </summary>
    public const int StringLength = 21;

    /// <summary>
    /// Converts a timedelta64 count to another unit as NumPy's <c>astype</c> does: multiply by the exact unit ratio
    /// and round towards negative infinity (-5 hours is -1 day). Years and months use their average length over the
    /// 400-year Gregorian cycle (a year is 365.2425 days, a month a twelfth of that), which NumPy only allows under
    /// "unsafe" casting (see <see cref="DateTimeMetadata.CanCastTimeDeltaUnits"/>). NaT stays NaT.
    /// </summary>
    /// <param name="value">The count in <paramref name="from"/> units.</param>
    /// <param name="from">The unit of <paramref name="value"/>.</param>
    /// <param name="to">The unit wanted.</param>
    /// <exception cref="ArgumentException"><paramref name="to"/> is generic while <paramref name="from"/> is not, or a multiplier is below 1.</exception>
    /// <exception cref="OverflowException">The unit ratio is too large (hours to attoseconds) or the value leaves the int64 range (NumPy 2.5).</exception>
    public static long Cast(long value, DateTimeMetadata from, DateTimeMetadata to)
    {
        long result = 0;
        Cast(new ReadOnlySpan<long>(in value), new Span<long>(ref result), from, to);
        return result;
    }

    /// <summary>Converts timedelta64 counts element by element with the rules of <see cref="Cast(long, DateTimeMetadata, DateTimeMetadata)"/>.</summary>
    /// <param name="source">The counts in <paramref name="from"/> units.</param>
    /// <param name="destination">Receives the counts in <paramref name="to"/> units; may be the same memory.</param>
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
        var (num, denom) = ConversionFactor.Get(from, to);
        for (int i = 0; i < source.Length; i++)
            destination[i] = LinearScale.Apply(source[i], num, denom, "timedelta64");
    }
}
