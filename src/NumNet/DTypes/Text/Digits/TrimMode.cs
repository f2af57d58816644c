namespace NumNet;

/// <summary>
/// How trailing zeros and a trailing decimal point are treated after the digits are generated,
/// matching the <c>trim</c> argument of NumPy's <c>format_float_positional</c> and
/// <c>format_float_scientific</c>.
/// </summary>
public enum TrimMode
{
    /// <summary><c>'k'</c>: keep trailing zeros and the decimal point; pad with zeros up to the requested precision.</summary>
    Keep,

    /// <summary><c>'.'</c>: remove all trailing zeros but keep the decimal point (<c>"1."</c>).</summary>
    Dot,

    /// <summary><c>'0'</c>: remove trailing zeros but leave one zero after the decimal point (<c>"1.0"</c>).</summary>
    Zero,

    /// <summary><c>'-'</c>: remove trailing zeros and a trailing decimal point (<c>"1"</c>).</summary>
    DotAndZeros,
}
