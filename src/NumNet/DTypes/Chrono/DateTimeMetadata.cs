namespace NumNet;

/// <summary>
/// The unit of a <c>datetime64</c>/<c>timedelta64</c> dtype: a base <see cref="Unit"/> and a <see cref="Multiplier"/>,
/// so that <c>M8[25s]</c> counts steps of 25 seconds. Equality compares both parts, as NumPy's dtype equality does
/// (<c>M8[3generic]</c> differs from <c>M8</c>).
/// </summary>
/// <remarks>
/// The multiplier is kept as NumPy stores it, even the 0 or negative values that some spellings produce
/// (<c>M8[0s]</c>, <c>M8[5s/-2]</c>); conversions between units reject those. <c>default</c> is <c>[0Y]</c>, not
/// generic: use <see cref="Generic"/>.
/// </remarks>
/// <param name="Unit">The base unit.</param>
/// <param name="Multiplier">How many base units one count stands for.</param>
public readonly partial record struct DateTimeMetadata(DateTimeUnit Unit, int Multiplier)
{
    /// <summary>The metadata of one <paramref name="unit"/> per count.</summary>
    /// <param name="unit">The base unit.</param>
    public DateTimeMetadata(DateTimeUnit unit) : this(unit, 1)
    {
    }

    /// <summary>Generic units (<c>M8</c>, <c>m8</c>): NaT or a count that takes its unit from context.</summary>
    public static DateTimeMetadata Generic => new(DateTimeUnit.Generic, 1);

    /// <summary>Whether the base unit is <see cref="DateTimeUnit.Generic"/>.</summary>
    public bool IsGeneric => Unit == DateTimeUnit.Generic;

    /// <summary>
    /// NumPy's suffix as it appears in <c>dtype.str</c> and <c>dtype.name</c>: "[ns]", "[25s]", and "" for generic
    /// units (<c>'&lt;m8'</c>, <c>'timedelta64'</c>).
    /// </summary>
    public override string ToString() => IsGeneric ? "" : "[" + UnitText + "]";

    /// <summary>
    /// The unit without brackets as NumPy's scalar repr shows it: "ns", "25s", "generic"
    /// (<c>np.timedelta64(5,'25s')</c>).
    /// </summary>
    public string UnitText => IsGeneric ? "generic" : Multiplier == 1 ? Unit.ToCode() : Multiplier + Unit.ToCode();

    /// <summary>NumPy's <c>np.datetime_data(dtype)</c> / <c>datetime_unit</c> tuple: ("s", 25), ("generic", 1).</summary>
    public (string Unit, int Multiplier) UnitTuple => (Unit.ToCode(), Multiplier);
}
