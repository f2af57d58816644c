using NumNet.DTypes.Chrono;

namespace NumNet;

public static partial class DateTimes
{
    /// <summary>
    /// The datetime64 count of a <see cref="System.DateTime"/> in the given unit. The value is read as a wall-clock
    /// time, whatever its <see cref="System.DateTime.Kind"/> (NumPy's datetime64 has no time zone, like a naive
    /// Python datetime); coarser units round towards the past (2003-10-02T12:00 in weeks is the week starting
    /// 2003-09-25), finer units are exact (a tick is 100 ns).
    /// </summary>
    /// <param name="value">The date and time.</param>
    /// <param name="metadata">The unit wanted.</param>
    /// <exception cref="ArgumentException"><paramref name="metadata"/> is generic.</exception>
    /// <exception cref="OverflowException">The count does not fit in int64 (for example a date after 2262 in nanoseconds).</exception>
    public static long FromDateTime(System.DateTime value, DateTimeMetadata metadata)
    {
        long ticks = value.Ticks;
        var f = DateTimeFields.Epoch;
        f.Year = value.Year;
        f.Month = value.Month;
        f.Day = value.Day;
        f.Hour = value.Hour;
        f.Minute = value.Minute;
        f.Second = value.Second;
        f.Microsecond = (int)(ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond);
        f.Picosecond = (int)(ticks % TimeSpan.TicksPerMicrosecond) * PicosecondsPerTick;
        return FieldsConversion.FromFields(f, metadata, checkOverflow: true);
    }

    /// <summary>The datetime64 count of the UTC instant of a <see cref="DateTimeOffset"/> (NumPy converts aware times to UTC).</summary>
    /// <param name="value">The instant.</param>
    /// <param name="metadata">The unit wanted.</param>
    /// <exception cref="ArgumentException"><paramref name="metadata"/> is generic.</exception>
    /// <exception cref="OverflowException">The count does not fit in int64.</exception>
    public static long FromDateTimeOffset(DateTimeOffset value, DateTimeMetadata metadata) =>
        FromDateTime(value.UtcDateTime, metadata);

    /// <summary>The datetime64 count of midnight at the start of a <see cref="DateOnly"/>.</summary>
    /// <param name="value">The date.</param>
    /// <param name="metadata">The unit wanted.</param>
    /// <exception cref="ArgumentException"><paramref name="metadata"/> is generic.</exception>
    /// <exception cref="OverflowException">The count does not fit in int64.</exception>
    public static long FromDateOnly(DateOnly value, DateTimeMetadata metadata)
    {
        var f = DateTimeFields.Epoch;
        f.Year = value.Year;
        f.Month = value.Month;
        f.Day = value.Day;
        return FieldsConversion.FromFields(f, metadata, checkOverflow: true);
    }

    /// <summary>
    /// The <see cref="System.DateTime"/> (of kind <see cref="DateTimeKind.Unspecified"/>) a datetime64 count stands
    /// for; parts finer than a tick (100 ns) are dropped towards the past.
    /// </summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    /// <exception cref="ArgumentException">The value is NaT or in generic units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside years 1 to 9999.</exception>
    public static System.DateTime ToDateTime(long value, DateTimeMetadata metadata)
    {
        var f = ToValidFields(value, metadata);
        var date = new System.DateTime((int)f.Year, f.Month, f.Day, f.Hour, f.Minute, f.Second, DateTimeKind.Unspecified);
        return date.AddTicks(f.Microsecond * TimeSpan.TicksPerMicrosecond + f.Picosecond / PicosecondsPerTick);
    }

    /// <summary>The <see cref="DateTimeOffset"/> at offset zero (UTC) a datetime64 count stands for.</summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    /// <exception cref="ArgumentException">The value is NaT or in generic units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside years 1 to 9999.</exception>
    public static DateTimeOffset ToDateTimeOffset(long value, DateTimeMetadata metadata) =>
        new(System.DateTime.SpecifyKind(ToDateTime(value, metadata), DateTimeKind.Utc));

    /// <summary>The calendar date of a datetime64 count (the time of day is dropped).</summary>
    /// <param name="value">The count.</param>
    /// <param name="metadata">Its unit.</param>
    /// <exception cref="ArgumentException">The value is NaT or in generic units.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside years 1 to 9999.</exception>
    public static DateOnly ToDateOnly(long value, DateTimeMetadata metadata)
    {
        var f = ToValidFields(value, metadata);
        return new DateOnly((int)f.Year, f.Month, f.Day);
    }

    private const int PicosecondsPerTick = 100_000;

    private static DateTimeFields ToValidFields(long value, DateTimeMetadata metadata)
    {
        if (value == NaT)
            throw new ArgumentException("NaT has no .NET date and time", nameof(value));
        var f = FieldsConversion.ToFields(value, metadata);
        if (f.Year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value,
                $"{Format(value, metadata)} is outside the years 1 to 9999 that .NET dates can hold");
        }
        return f;
    }
}
