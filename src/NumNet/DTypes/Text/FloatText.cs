using NumNet.DTypes.Text.Digits;

namespace NumNet.DTypes.Text;

/// <summary>
/// The text NumPy 2 gives a float or complex scalar on its own (its <c>str()</c>, which for float64 equals Python's
/// float repr): shortest round-trip digits, positional with at least one fractional digit between 1e-4 and a
/// type-dependent limit, scientific outside it.
/// </summary>
internal static class FloatText
{
    // NumPy compares magnitudes with the long double nearest 1e-4 (float16 uses the double).
    private static readonly LongDouble LowerLongDouble = LongDouble.Parse("1e-4");

    /// <summary>Python's repr of a float, identical to NumPy's str of a float64.</summary>
    public static string PythonFloat(double x) => Scalar(x);

    /// <summary>str of np.float64.</summary>
    public static string Scalar(double x) => Either<double, DoubleOps>(x, TrimMode.Zero, TrimMode.DotAndZeros, false);

    /// <summary>str of np.float32 (scientific from 1e6 on, NumPy 2.3).</summary>
    public static string Scalar(float x) => Either<float, SingleOps>(x, TrimMode.Zero, TrimMode.DotAndZeros, false);

    /// <summary>str of np.float16 (scientific from 1e3 on, NumPy 2.3).</summary>
    public static string Scalar(Half x) => Either<Half, HalfOps>(x, TrimMode.Zero, TrimMode.DotAndZeros, false);

    /// <summary>str of np.longdouble.</summary>
    public static string Scalar(LongDouble x) => Either<LongDouble, LongDoubleOps>(x, TrimMode.Zero, TrimMode.DotAndZeros, false);

    /// <summary>str of a complex scalar whose parts are float64: "(1+2j)", or "2j" when the real part is +0.</summary>
    public static string ComplexScalar(double re, double im) => Complex<double, DoubleOps>(re, im);

    /// <summary>str of np.complex64.</summary>
    public static string ComplexScalar(float re, float im) => Complex<float, SingleOps>(re, im);

    /// <summary>str of np.clongdouble.</summary>
    public static string ComplexScalar(LongDouble re, LongDouble im) => Complex<LongDouble, LongDoubleOps>(re, im);

    private static string Complex<T, TOps>(T re, T im) where T : unmanaged where TOps : IFloatOps<T>
    {
        if (TOps.IsZero(re) && !TOps.IsSignBitSet(re))
            return Either<T, TOps>(im, TrimMode.DotAndZeros, TrimMode.DotAndZeros, false) + "j";
        string r = TOps.IsFinite(re) ? Either<T, TOps>(re, TrimMode.DotAndZeros, TrimMode.DotAndZeros, false)
            : TOps.IsNaN(re) ? "nan" : TOps.IsSignBitSet(re) ? "-inf" : "inf";
        string i = TOps.IsFinite(im) ? Either<T, TOps>(im, TrimMode.DotAndZeros, TrimMode.DotAndZeros, true)
            : TOps.IsNaN(im) ? "+nan" : TOps.IsSignBitSet(im) ? "-inf" : "+inf";
        return "(" + r + i + "j)";
    }

    private static string Either<T, TOps>(T x, TrimMode positionalTrim, TrimMode scientificTrim, bool sign)
        where T : unmanaged where TOps : IFloatOps<T>
    {
        var bits = TOps.Decompose(x);
        var signMode = sign ? SignMode.Plus : SignMode.Minus;
        bool positional = TOps.IsNaN(x) || TOps.IsZero(x) || (TOps.IsFinite(x) && InPositionalRange<T, TOps>(TOps.Abs(x)));
        return positional
            ? FloatFormatCore.Positional(bits, -1, true, true, positionalTrim, signMode, -1, -1, -1)
            : FloatFormatCore.Scientific(bits, -1, true, scientificTrim, signMode, -1, -1, -1);
    }

    private static bool InPositionalRange<T, TOps>(T magnitude) where T : unmanaged where TOps : IFloatOps<T>
    {
        // NumPy 2.3 narrowed the positional range of float16 and float32 scalars to their own precision.
        double upper = TOps.DecimalPrecision switch { 3 => 1e3, 6 => 1e6, _ => 1e16 };
        if (!TOps.Less(magnitude, TOps.FromDouble(upper)))
            return false;
        if (typeof(T) == typeof(Half))
            return !TOps.Less(magnitude, TOps.FromDouble(1e-4));
        LongDouble wide = magnitude switch
        {
            LongDouble ld => ld,
            double d => d,
            float f => f,
            _ => throw new InvalidOperationException(),
        };
        return wide >= LowerLongDouble;
    }
}
