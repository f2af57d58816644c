using NumNet.DTypes.Chrono;

namespace NumNet;

public static partial class TimeDeltas
{
    // A .NET tick is 100 ns, which NumPy can name exactly as the unit [100ns].
    private static readonly DateTimeMetadata TickUnit = new(DateTimeUnit.Nanoseconds, 100);

    /// <summary>
    /// The timedelta64 count of a <see cref="TimeSpan"/> in the given unit, rounded towards negative infinity when
    /// the unit is coarser than a tick.
    /// </summary>
    /// <param name="value">The duration.</param>
    /// <param name="metadata">The unit wanted: weeks to attoseconds.</param>
    /// <exception cref="ArgumentException">The unit is years, months or generic, which have no fixed length.</exception>
    /// <exception cref="OverflowException">The count does not fit in int64 (or NumPy refuses the unit ratio, as from ticks to attoseconds).</exception>
    public static long FromTimeSpan(TimeSpan value, DateTimeMetadata metadata)
    {
        RequireFixedLength(metadata);
        return Cast(value.Ticks, TickUnit, metadata);
    }

    /// <summary>The <see cref="TimeSpan"/> of a timedelta64 count; parts finer than a tick are dropped towards negative infinity.</summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit: weeks to attoseconds.</param>
    /// <exception cref="ArgumentException">The value is NaT, or the unit is years, months or generic.</exception>
    /// <exception cref="OverflowException">The duration does not fit in a <see cref="TimeSpan"/>.</exception>
    public static TimeSpan ToTimeSpan(long value, DateTimeMetadata metadata)
    {
        if (value == NaT)
            throw new ArgumentException("NaT has no .NET duration", nameof(value));
        RequireFixedLength(metadata);
        return TimeSpan.FromTicks(Cast(value, metadata, TickUnit));
    }

    private static void RequireFixedLength(DateTimeMetadata metadata)
    {
        if (metadata.Unit.IsNonlinear() || metadata.IsGeneric)
        {
            throw new ArgumentException(
                $"timedelta64{metadata} has no fixed length in .NET ticks; cast it to a unit from weeks to attoseconds first",
                nameof(metadata));
        }
    }
}
