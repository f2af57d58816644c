using System;
using NumNet.DTypes.Text.Digits;

namespace NumNet;

/// <summary>
/// Formats floating-point scalars exactly as NumPy's <c>np.format_float_positional</c> and
/// <c>np.format_float_scientific</c> do, digit for digit, for <see cref="Half"/> (float16),
/// <see cref="float"/> (float32) and <see cref="double"/> (float64). Each type is printed with the
/// shortest digits that round-trip in that type, or with correctly rounded (round-half-even on the exact
/// binary value) digits when <c>unique</c> is false.
/// </summary>
public static partial class FloatFormat
{
    /// <summary>
    /// Formats <paramref name="x"/> in positional notation (<c>"123.456"</c>), like NumPy's
    /// <c>format_float_positional</c>. All digits are printed however large or small the value is
    /// (<c>1e20</c> gives <c>"100000000000000000000."</c>).
    /// </summary>
    /// <param name="x">The value; NaN gives <c>"nan"</c> and infinities <c>"inf"</c> / <c>"-inf"</c>.</param>
    /// <param name="precision">
    /// The most digits to print: after the decimal point when <paramref name="fractional"/> is true,
    /// significant digits otherwise. Required when <paramref name="unique"/> is false.
    /// </param>
    /// <param name="unique">
    /// True for the shortest digits that identify the value within its type (rounded to at most
    /// <paramref name="precision"/> digits); false for the exact value rounded half-to-even to
    /// <paramref name="precision"/> digits.
    /// </param>
    /// <param name="fractional">
    /// Whether <paramref name="precision"/> and <paramref name="minDigits"/> count digits after the
    /// decimal point (true) or significant digits (false).
    /// </param>
    /// <param name="trim">What to do with trailing zeros and the decimal point.</param>
    /// <param name="sign">Which sign, if any, to show for non-negative values.</param>
    /// <param name="padLeft">Pad with spaces on the left until this many characters precede the decimal point.</param>
    /// <param name="padRight">Pad with spaces on the right until this many characters follow the decimal point.</param>
    /// <param name="minDigits">
    /// In unique mode, print at least this many digits (counted like <paramref name="precision"/>),
    /// rounding the last one.
    /// </param>
    /// <returns>The formatted text.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="precision"/> is missing with <paramref name="unique"/> false, is 0 with
    /// <paramref name="fractional"/> false, or is smaller than <paramref name="minDigits"/>.
    /// </exception>
    /// <exception cref="InvalidOperationException">The result would exceed NumPy's 16383-character limit.</exception>
    public static string Positional(
        double x,
        int? precision = null,
        bool unique = true,
        bool fractional = true,
        TrimMode trim = TrimMode.Keep,
        SignMode sign = SignMode.Minus,
        int? padLeft = null,
        int? padRight = null,
        int? minDigits = null) =>
        Positional(BinaryFloat.FromDouble(x), precision, unique, fractional, trim, sign, padLeft, padRight, minDigits);

    /// <summary>
    /// Formats a float32 in positional notation with float32's own shortest round-trip digits
    /// (<c>0.1f</c> gives <c>"0.1"</c>), like NumPy's <c>format_float_positional(np.float32(x))</c>.
    /// </summary>
    /// <inheritdoc cref="Positional(double, int?, bool, bool, TrimMode, SignMode, int?, int?, int?)"/>
    public static string Positional(
        float x,
        int? precision = null,
        bool unique = true,
        bool fractional = true,
        TrimMode trim = TrimMode.Keep,
        SignMode sign = SignMode.Minus,
        int? padLeft = null,
        int? padRight = null,
        int? minDigits = null) =>
        Positional(BinaryFloat.FromSingle(x), precision, unique, fractional, trim, sign, padLeft, padRight, minDigits);

    /// <summary>
    /// Formats a float16 in positional notation with float16's own shortest round-trip digits,
    /// like NumPy's <c>format_float_positional(np.float16(x))</c>.
    /// </summary>
    /// <inheritdoc cref="Positional(double, int?, bool, bool, TrimMode, SignMode, int?, int?, int?)"/>
    public static string Positional(
        Half x,
        int? precision = null,
        bool unique = true,
        bool fractional = true,
        TrimMode trim = TrimMode.Keep,
        SignMode sign = SignMode.Minus,
        int? padLeft = null,
        int? padRight = null,
        int? minDigits = null) =>
        Positional(BinaryFloat.FromHalf(x), precision, unique, fractional, trim, sign, padLeft, padRight, minDigits);

    private static string Positional(
        in BinaryFloat value,
        int? precision,
        bool unique,
        bool fractional,
        TrimMode trim,
        SignMode sign,
        int? padLeft,
        int? padRight,
        int? minDigits)
    {
        int p = CountOrDefault(precision, nameof(precision));
        int left = CountOrDefault(padLeft, nameof(padLeft));
        int right = CountOrDefault(padRight, nameof(padRight));
        int min = CountOrDefault(minDigits, nameof(minDigits));
        if (!fractional && p == 0)
        {
            throw new ArgumentException("precision must be greater than 0 if fractional is false.", nameof(precision));
        }

        CheckPrecisionCombination(p, min, unique);
        return FloatFormatCore.Positional(value, p, unique, fractional, trim, sign, left, right, min);
    }
}
