using System.Runtime.CompilerServices;
using NumNet.DTypes.Builtin;

namespace NumNet.DTypes.Chrono;

/// <summary>
/// .NET's <see cref="System.DateTime"/>, <see cref="DateTimeOffset"/> and <see cref="TimeSpan"/> as the typed values of
/// datetime64 and timedelta64 elements (<c>GetItem&lt;DateTime&gt;</c>, <c>ToArray&lt;TimeSpan&gt;</c>,
/// <c>SetItem(dateTime, i)</c>). A value that does not fit the other side is refused, never truncated: NaT, dates
/// outside the years 1 to 9999, parts finer than a .NET tick (100 ns) or finer than the element's unit, and
/// timedeltas in years or months, which have no fixed length (NumPy refuses those to <c>datetime.timedelta</c> too).
/// </summary>
/// <remarks>
/// NumPy's datetimes are naive: a <see cref="System.DateTime"/> is read as a wall-clock time whatever its
/// <see cref="System.DateTime.Kind"/>, and read back with <see cref="DateTimeKind.Unspecified"/>. A
/// <see cref="DateTimeOffset"/> is stored as its UTC instant (NumPy converts time-zone-aware values to UTC) and read
/// back at offset zero; a non-zero offset raises NumPy's UserWarning "no explicit representation of timezones
/// available for np.datetime64", as NumPy 2 does for a time-zone-aware string or datetime.
/// </remarks>
internal static class ClrTimeInterop
{
    private const int PicosecondsPerTick = 100_000;
    private static readonly long EpochTicks = System.DateTime.UnixEpoch.Ticks;
    private static readonly DateTimeMetadata TickUnit = new(DateTimeUnit.Nanoseconds, 100);

    /// <summary>True when <typeparamref name="T"/> is one of the .NET time types this class converts.</summary>
    public static bool IsTimeType<T>() =>
        typeof(T) == typeof(System.DateTime) || typeof(T) == typeof(DateTimeOffset) || typeof(T) == typeof(TimeSpan);

    /// <summary>Refuses (with <see cref="InvalidCastException"/>) a dtype whose elements are not values of <typeparamref name="T"/>.</summary>
    public static void RequireTimeKind<T>(DType dtype) => _ = MetadataFor<T>(dtype);

    /// <summary>One element (in the dtype's byte order) as a <typeparamref name="T"/>.</summary>
    /// <inheritdoc cref="FromCount{T}(long, DType, bool)"/>
    public static T Read<T>(ReadOnlySpan<byte> element, DType dtype, bool exact)
    {
        _ = MetadataFor<T>(dtype);
        return FromCount<T>(Counts(dtype).Read(element, dtype), dtype, exact);
    }

    /// <summary>Stores <paramref name="value"/> into one element (in the dtype's byte order); nothing is written when it is refused.</summary>
    /// <inheritdoc cref="ToCount{T}(T, DType, bool)"/>
    public static void Write<T>(Span<byte> element, T value, DType dtype, bool exact)
    {
        long count = ToCount(value, dtype, exact);
        Counts(dtype).Write(element, count, dtype);
    }

    /// <summary>The <typeparamref name="T"/> of every count, in order.</summary>
    /// <inheritdoc cref="FromCount{T}(long, DType, bool)"/>
    public static T[] FromCounts<T>(ReadOnlySpan<long> counts, DType dtype, bool exact)
    {
        var values = new T[counts.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = FromCount<T>(counts[i], dtype, exact);
        return values;
    }

    /// <summary>The <typeparamref name="T"/> an element count of <paramref name="dtype"/> stands for.</summary>
    /// <param name="count">The element's int64 count.</param>
    /// <param name="dtype">The array's dtype: datetime64 for dates, timedelta64 for <see cref="TimeSpan"/>.</param>
    /// <param name="exact">Refuse parts finer than a tick (else they are dropped towards the past, as <c>unsafe</c> casting allows).</param>
    /// <exception cref="InvalidCastException">The dtype is not the time kind of <typeparamref name="T"/>, its unit is generic or nonlinear (timedelta in years or months), or the value is NaT.</exception>
    /// <exception cref="OverflowException">The value is outside what <typeparamref name="T"/> holds, or has parts finer than a tick while <paramref name="exact"/>.</exception>
    public static T FromCount<T>(long count, DType dtype, bool exact)
    {
        var meta = MetadataFor<T>(dtype);
        if (count == DateTimes.NaT)
            throw new InvalidCastException($"NaT has no {typeof(T).Name} value");
        if (typeof(T) == typeof(TimeSpan))
        {
            var span = TimeSpan.FromTicks(Rescale(count, meta, TickUnit, exact, dtype));
            return Unsafe.As<TimeSpan, T>(ref span);
        }
        var date = ToDateTime(count, meta, exact);
        if (typeof(T) == typeof(System.DateTime))
            return Unsafe.As<System.DateTime, T>(ref date);
        var instant = new DateTimeOffset(date, TimeSpan.Zero);
        return Unsafe.As<DateTimeOffset, T>(ref instant);
    }

    /// <summary>The element count of <paramref name="dtype"/> that stands for <paramref name="value"/>.</summary>
    /// <param name="value">A <see cref="System.DateTime"/>, <see cref="DateTimeOffset"/> or <see cref="TimeSpan"/>.</param>
    /// <param name="dtype">The array's dtype.</param>
    /// <param name="exact">Refuse a value finer than the unit (else it rounds towards the past, as <c>unsafe</c> casting allows).</param>
    /// <exception cref="InvalidCastException">The dtype is not the time kind of <typeparamref name="T"/>, or its unit is generic or (for a TimeSpan) years or months.</exception>
    /// <exception cref="OverflowException">The count does not fit int64, or the value is finer than the unit while <paramref name="exact"/>.</exception>
    public static long ToCount<T>(T value, DType dtype, bool exact)
    {
        var meta = MetadataFor<T>(dtype);
        if (typeof(T) == typeof(TimeSpan))
            return Rescale(Unsafe.As<T, TimeSpan>(ref value).Ticks, TickUnit, meta, exact, dtype);
        System.DateTime wallClock;
        if (typeof(T) == typeof(DateTimeOffset))
        {
            var offset = Unsafe.As<T, DateTimeOffset>(ref value);
            if (offset.Offset != TimeSpan.Zero)
                NumNet.Warnings.Warn(NumPyWarningKind.UserWarning, DateTimes.TimezoneWarningMessage);
            wallClock = offset.UtcDateTime;
        }
        else
        {
            wallClock = Unsafe.As<T, System.DateTime>(ref value);
        }
        long count = DateTimes.FromDateTime(wallClock, meta);
        if (exact && TicksOf(FieldsConversion.ToFields(count, meta)) != wallClock.Ticks)
        {
            throw new OverflowException(
                $"{wallClock:yyyy-MM-ddTHH:mm:ss.fffffff} does not fit {dtype} exactly; cast with CastingRule.Unsafe to round it towards the past");
        }
        return count;
    }

    // Both time classes keep their elements as int64 counts.
    private static FixedSizeClass<long> Counts(DType dtype) => (FixedSizeClass<long>)dtype.Family;

    // The unit of dtype when it is the time kind T is read from and written to, with a fixed length where T needs one.
    private static DateTimeMetadata MetadataFor<T>(DType dtype)
    {
        bool wantsDelta = typeof(T) == typeof(TimeSpan);
        var code = wantsDelta ? DTypeCode.TimeDelta64 : DTypeCode.DateTime64;
        if (dtype.Code != code || dtype.DateTimeMeta is not { } meta)
        {
            string kind = wantsDelta ? "timedelta64 (m8)" : "datetime64 (M8)";
            throw new InvalidCastException($"a {typeof(T).Name} is the value of a {kind} element, not of {dtype}");
        }
        if (meta.IsGeneric)
            throw new InvalidCastException($"{dtype} has no unit, so its values are no {typeof(T).Name}; give the array a unit first");
        if (wantsDelta && meta.Unit.IsNonlinear())
        {
            throw new InvalidCastException(
                $"{dtype} has no fixed length (a year or month varies), so it has no TimeSpan; cast it to a unit from weeks to attoseconds first");
        }
        return meta;
    }

    private static System.DateTime ToDateTime(long count, DateTimeMetadata meta, bool exact)
    {
        var f = FieldsConversion.ToFields(count, meta);
        if (f.Year is < 1 or > 9999)
            throw new OverflowException($"{DateTimes.Format(count, meta)} is outside the years 1 to 9999 a .NET DateTime holds");
        if (exact && (f.Picosecond % PicosecondsPerTick != 0 || f.Attosecond != 0))
        {
            throw new OverflowException(
                $"{DateTimes.Format(count, meta)} has parts finer than the 100 ns of a .NET tick; read it with CastingRule.Unsafe to drop them");
        }
        return new System.DateTime(TicksOf(f), DateTimeKind.Unspecified);
    }

    // The .NET ticks of broken-down fields in years 1 to 9999 (parts finer than a tick dropped), or -1 outside them.
    private static long TicksOf(in DateTimeFields f)
    {
        if (f.IsNaT || f.Year is < 1 or > 9999)
            return -1;
        var date = new System.DateTime((int)f.Year, f.Month, f.Day, f.Hour, f.Minute, f.Second, DateTimeKind.Unspecified);
        return date.Ticks + f.Microsecond * TimeSpan.TicksPerMicrosecond + f.Picosecond / PicosecondsPerTick;
    }

    // A count in one linear unit as a count in another, exactly (refusing a remainder when exact) or rounded towards
    // negative infinity; the product is formed in 128 bits, so only a result outside int64 (or NaT itself) overflows.
    private static long Rescale(long count, DateTimeMetadata from, DateTimeMetadata to, bool exact, DType dtype)
    {
        var (num, denom) = ConversionFactor.Get(from, to);
        Int128 product = (Int128)count * num;
        Int128 quotient = Int128.DivRem(product, denom).Quotient;
        Int128 remainder = product - quotient * denom;
        if (remainder != 0)
        {
            if (exact)
            {
                throw new OverflowException(to == TickUnit
                    ? $"{TimeDeltas.Format(count, from)} of {dtype} has parts finer than the 100 ns of a .NET tick; read it with CastingRule.Unsafe to drop them"
                    : $"{TimeSpan.FromTicks(count)} does not fit {dtype} exactly; cast with CastingRule.Unsafe to round it towards negative infinity");
            }
            if (remainder < 0)
                quotient--;
        }
        if (quotient <= long.MinValue || quotient > long.MaxValue)
        {
            throw new OverflowException(to == TickUnit
                ? $"{TimeDeltas.Format(count, from)} is longer than a TimeSpan holds"
                : $"{TimeSpan.FromTicks(count)} does not fit the int64 count of {dtype}");
        }
        return (long)quotient;
    }
}
