using System;
using NumNet.DTypes.Text.Digits;

namespace NumNet;

public static partial class FloatFormat
{
    /// <summary>
    /// Formats <paramref name="x"/> in scientific notation (<c>"1.2345e+02"</c>), like NumPy's
    /// <c>format_float_scientific</c>.
    /// </summary>
    /// <param name="x">The value; NaN gives <c>"nan"</c> and infinities <c>"inf"</c> / <c>"-inf"</c>.</param>
    /// <param name="precision">
    /// The most digits to print after the decimal point. Required when <paramref name="unique"/> is false.
    /// </param>
    /// <param name="unique">
    /// True for the shortest digits that identify the value within its type (rounded to at most
    /// <paramref name="precision"/> fraction digits); false for the exact value rounded half-to-even to
    /// <paramref name="precision"/> fraction digits.
    /// </param>
    /// <param name="trim">What to do with trailing zeros and the decimal point.</param>
    /// <param name="sign">Which sign, if any, to show for non-negative values.</param>
    /// <param name="padLeft">Pad with spaces on the left until this many characters precede the decimal point.</param>
    /// <param name="expDigits">The minimum number of exponent digits (default 2, at most 5 are padded).</param>
    /// <param name="minDigits">In unique mode, print at least this many digits after the decimal point.</param>
    /// <returns>The formatted text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="precision"/> is missing with <paramref name="unique"/> false, or is smaller than
    /// <paramref name="minDigits"/>.
    /// </exception>
    /// <exception cref="InvalidOperationException">The result would exceed NumPy's 16383-character limit.</exception>
    public static string Scientific(
        double x,
        int? precision = null,
        bool unique = true,
        TrimMode trim = TrimMode.Keep,
        SignMode sign = SignMode.Minus,
        int? padLeft = null,
        int? expDigits = null,
        int? minDigits = null) =>
        Scientific(BinaryFloat.FromDouble(x), precision, unique, trim, sign, padLeft, expDigits, minDigits);

    /// <summary>
    /// Formats a float32 in scientific notation with float32's own shortest round-trip digits,
    /// like NumPy's <c>format_float_scientific(np.float32(x))</c>.
    /// </summary>
    /// <inheritdoc cref="Scientific(double, int?, bool, TrimMode, SignMode, int?, int?, int?)"/>
    public static string Scientific(
        float x,
        int? precision = null,
        bool unique = true,
        TrimMode trim = TrimMode.Keep,
        SignMode sign = SignMode.Minus,
        int? padLeft = null,
        int? expDigits = null,
        int? minDigits = null) =>
        Scientific(BinaryFloat.FromSingle(x), precision, unique, trim, sign, padLeft, expDigits, minDigits);

    /// <summary>
    /// Formats a float16 in scientific notation with float16's own shortest round-trip digits,
    /// like NumPy's <c>format_float_scientific(np.float16(x))</c>.
    /// </summary>
    /// <inheritdoc cref="Scientific(double, int?, bool, TrimMode, SignMode, int?, int?, int?)"/>
    public static string Scientific(
        Half x,
        int? precision = null,
        bool unique = true,
        TrimMode trim = TrimMode.Keep,
        SignMode sign = SignMode.Minus,
        int? padLeft = null,
        int? expDigits = null,
        int? minDigits = null) =>
        Scientific(BinaryFloat.FromHalf(x), precision, unique, trim, sign, padLeft, expDigits, minDigits);

    private static string Scientific(
        in BinaryFloat value,
        int? precision,
        bool unique,
        TrimMode trim,
        SignMode sign,
        int? padLeft,
        int? expDigits,
        int? minDigits)
    {
        int p = CountOrDefault(precision, nameof(precision));
        int left = CountOrDefault(padLeft, nameof(padLeft));
        int exp = CountOrDefault(expDigits, nameof(expDigits));
        int min = CountOrDefault(minDigits, nameof(minDigits));
        CheckPrecisionCombination(p, min, unique);
        return FloatFormatCore.Scientific(value, p, unique, trim, sign, left, exp, min);
    }
}
