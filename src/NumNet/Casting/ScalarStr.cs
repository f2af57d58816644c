using System.Globalization;
using System.Numerics;
using NumNet.Formatting;

namespace NumNet.Casting;

/// <summary>
/// NumPy 2's <c>str()</c> of a scalar, the text a number becomes when cast to <c>U</c> or <c>S</c>. Floats print their
/// shortest round-trip digits in their own precision, positionally from 1e-4 up to a limit that depends on the type
/// (1e3 for float16, 1e6 for float32, 1e16 for float64 and long double) and in scientific notation outside it.
/// </summary>
internal static class ScalarStr
{
    private const double SmallestPositional = 1e-4;

    public static string Float16(Half x) => Either((double)x, 1e3, pos => FloatFormat.Positional(x, trim: pos), sci => FloatFormat.Scientific(x, trim: sci));

    public static string Float32(float x) => Either(x, 1e6, pos => FloatFormat.Positional(x, trim: pos), sci => FloatFormat.Scientific(x, trim: sci));

    public static string Float64(double x) => Either(x, 1e16, pos => FloatFormat.Positional(x, trim: pos), sci => FloatFormat.Scientific(x, trim: sci));

    // Long double carries its own shortest-digit printer with NumPy's layout.
    public static string Float128(LongDouble x) => x.ToString();

    public static string Complex64(Complex64 c) => ComplexText(c.Real, c.Imaginary, v => Float32(v), v => float.IsNaN(v), v => float.IsInfinity(v), v => float.IsNegative(v));

    public static string Complex128(Complex c) => ComplexText(c.Real, c.Imaginary, Float64Parts, double.IsNaN, double.IsInfinity, double.IsNegative);

    public static string Complex256(Complex256 c) =>
        ComplexText(c.Real, c.Imaginary, v => TrimLongDouble(v.ToString()), LongDouble.IsNaN, LongDouble.IsInfinity, LongDouble.IsNegative);

    private static string Float64Parts(double v) => Either(v, 1e16, pos => FloatFormat.Positional(v, trim: pos), sci => FloatFormat.Scientific(v, trim: sci), TrimMode.DotAndZeros);

    private static string TrimLongDouble(string s) => s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s;

    /// <summary>Positional or scientific by magnitude; positional keeps one zero after the point ("1.0") unless told otherwise.</summary>
    private static string Either(double value, double positionalBelow, Func<TrimMode, string> positional, Func<TrimMode, string> scientific,
        TrimMode positionalTrim = TrimMode.Zero)
    {
        double abs = Math.Abs(value);
        bool usePositional = double.IsNaN(value) || value == 0 || (abs < positionalBelow && abs >= SmallestPositional);
        return usePositional ? positional(positionalTrim) : scientific(TrimMode.DotAndZeros);
    }

    /// <summary>
    /// "(re+imj)", or just "imj" when the real part is +0. Parts print without a trailing ".0"; a non-finite part
    /// prints as nan/inf.
    /// </summary>
    private static string ComplexText<T>(T re, T im, Func<T, string> part, Func<T, bool> isNaN, Func<T, bool> isInf, Func<T, bool> isNegative)
    {
        string Part(T v) => isNaN(v) ? "nan" : isInf(v) ? (isNegative(v) ? "-inf" : "inf") : TrimDot(part(v));
        bool realIsPositiveZero = !isNaN(re) && !isInf(re) && !isNegative(re) && Part(re) == "0";
        if (realIsPositiveZero)
            return Part(im) + "j";
        string imText = Part(im);
        if (!imText.StartsWith('-'))
            imText = "+" + imText;
        return "(" + Part(re) + imText + "j)";
    }

    private static string TrimDot(string s) => s.EndsWith(".0", StringComparison.Ordinal) ? s[..^2] : s.EndsWith('.') ? s[..^1] : s;

    /// <summary>The text of any numeric .NET value as NumPy's str() of the matching scalar.</summary>
    public static string Format(object value) => value switch
    {
        bool b => b ? "True" : "False",
        Half h => Float16(h),
        float f => Float32(f),
        double d => Float64(d),
        LongDouble l => Float128(l),
        NumNet.Complex64 c => Complex64(c),
        Complex c => Complex128(c),
        NumNet.Complex256 c => Complex256(c),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
