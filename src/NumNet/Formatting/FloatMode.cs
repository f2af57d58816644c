namespace NumNet;

/// <summary>
/// How the <see cref="PrintOptions.Precision"/> print option is read for floating-point elements (NumPy's
/// <c>floatmode</c>).
/// </summary>
public enum FloatMode
{
    /// <summary><c>'fixed'</c>: always exactly <see cref="PrintOptions.Precision"/> fractional digits.</summary>
    Fixed,

    /// <summary><c>'unique'</c>: the fewest digits that identify each value; precision is ignored.</summary>
    Unique,

    /// <summary>
    /// <c>'maxprec'</c> (the default): at most <see cref="PrintOptions.Precision"/> fractional digits, fewer when
    /// a value is identified by fewer.
    /// </summary>
    MaxPrec,

    /// <summary>
    /// <c>'maxprec_equal'</c>: at most <see cref="PrintOptions.Precision"/> fractional digits, and every element
    /// gets as many as the element that needs the most.
    /// </summary>
    MaxPrecEqual,
}
