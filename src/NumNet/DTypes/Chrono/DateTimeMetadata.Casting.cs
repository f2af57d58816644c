using NumNet.DTypes.Chrono;

namespace NumNet;

public readonly partial record struct DateTimeMetadata
{
    /// <summary>
    /// NumPy's <c>np.can_cast</c> between two datetime64 dtypes of the same byte order:
    /// <c>M8[D]</c> to <c>M8[s]</c> is "safe", the reverse only "same_kind"; equal units (and NumPy's SI respellings
    /// such as <c>[1000ms]</c> to <c>[s]</c>) need only "no"; generic to any unit is "safe", any unit to generic
    /// needs "unsafe".
    /// </summary>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <param name="casting">"no", "equiv", "safe", "same_kind" or "unsafe".</param>
    /// <exception cref="ArgumentException"><paramref name="casting"/> is not a casting kind.</exception>
    public static bool CanCastDateTimeUnits(DateTimeMetadata from, DateTimeMetadata to, string casting) =>
        UnitCastRules.MinimumCasting(from, to, isTimedelta: false) <= CastingRules.Parse(casting);

    /// <summary>
    /// NumPy's <c>np.can_cast</c> between two timedelta64 dtypes of the same byte order. Like
    /// <see cref="CanCastDateTimeUnits"/>, except that crossing between years/months and the other units is
    /// "unsafe" (<c>m8[Y]</c> to <c>m8[D]</c> uses an average year), and years/months never divide other units.
    /// </summary>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <param name="casting">"no", "equiv", "safe", "same_kind" or "unsafe".</param>
    /// <exception cref="ArgumentException"><paramref name="casting"/> is not a casting kind.</exception>
    public static bool CanCastTimeDeltaUnits(DateTimeMetadata from, DateTimeMetadata to, string casting) =>
        UnitCastRules.MinimumCasting(from, to, isTimedelta: true) <= CastingRules.Parse(casting);

    /// <summary>
    /// The least permissive casting kind ("no", "safe", "same_kind" or "unsafe") NumPy needs to cast a datetime64
    /// (or, with <paramref name="isTimedelta"/>, a timedelta64) from one unit to another of the same byte order.
    /// </summary>
    /// <param name="from">The source unit.</param>
    /// <param name="to">The target unit.</param>
    /// <param name="isTimedelta">True for timedelta64, false for datetime64.</param>
    public static string MinimumCasting(DateTimeMetadata from, DateTimeMetadata to, bool isTimedelta) =>
        UnitCastRules.MinimumCasting(from, to, isTimedelta).ToName();

    /// <summary>
    /// The unit two datetime/timedelta dtypes promote to (<c>np.result_type</c>): generic yields to the other unit,
    /// otherwise the finer unit with the greatest common multiplier (<c>[s]</c> and <c>[ms]</c> give <c>[ms]</c>,
    /// <c>[2h]</c> and <c>[3m]</c> give <c>[3m]</c>, <c>[Y]</c> and <c>[M]</c> give <c>[M]</c>).
    /// </summary>
    /// <param name="a">The first unit.</param>
    /// <param name="b">The second unit.</param>
    /// <param name="isTimedelta">
    /// True when both operands are timedelta64: then years/months cannot combine with the other units. False when
    /// either is a datetime64 (NumPy promotes datetime with timedelta to datetime first, so a timedelta in years
    /// then mixes freely too).
    /// </param>
    /// <exception cref="InvalidCastException">Timedeltas in years/months meet other units (NumPy's promotion TypeError).</exception>
    /// <exception cref="OverflowException">The common multiplier would overflow (for example attoseconds with weeks).</exception>
    public static DateTimeMetadata Promote(DateTimeMetadata a, DateTimeMetadata b, bool isTimedelta) =>
        UnitCastRules.CommonMetadata(a, isTimedelta, b, isTimedelta);
}
