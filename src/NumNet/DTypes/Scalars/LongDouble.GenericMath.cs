using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace NumNet;

/// <summary>
/// Generic math: the interfaces whose every member this type can give exactly or correctly rounded. The elementary
/// functions (<see cref="IFloatingPointIeee754{TSelf}"/>: exp, log, trigonometry), the remainder operator and
/// <see cref="INumber{TSelf}"/> (which needs it) are left out rather than approximated through double.
/// </summary>
public readonly partial struct LongDouble :
    ISignedNumber<LongDouble>,
    IComparisonOperators<LongDouble, LongDouble, bool>,
    IMinMaxValue<LongDouble>
{
    /// <summary>The radix of the representation, 2.</summary>
    public static int Radix => 2;

    /// <summary>The additive identity, +0.</summary>
    public static LongDouble AdditiveIdentity => Zero;

    /// <summary>The multiplicative identity, 1.</summary>
    public static LongDouble MultiplicativeIdentity => One;

    /// <summary>Adds one, correctly rounded.</summary>
    /// <param name="value">The operand.</param>
    /// <returns><paramref name="value"/> + 1.</returns>
    public static LongDouble operator ++(LongDouble value) => value + One;

    /// <summary>Subtracts one, correctly rounded.</summary>
    /// <param name="value">The operand.</param>
    /// <returns><paramref name="value"/> - 1.</returns>
    public static LongDouble operator --(LongDouble value) => value - One;

    /// <summary>
    /// Whether the encoding is the one the x87 itself produces for its value: false for pseudo-denormals (integer bit
    /// set with a zero exponent) and for the encodings the x87 rejects (unnormals, pseudo-infinities, pseudo-NaNs).
    /// </summary>
    /// <param name="value">The value to test.</param>
    /// <returns>Whether the encoding is canonical.</returns>
    public static bool IsCanonical(LongDouble value) =>
        value.Classify() != Kind.Invalid && !(value.BiasedExponent == 0 && (value._significand & IntegerBit) != 0);

    /// <summary>Always false: a long double has no imaginary part.</summary>
    /// <param name="value">Ignored.</param>
    /// <returns><see langword="false"/>.</returns>
    public static bool IsComplexNumber(LongDouble value) => false;

    /// <summary>Always false: a long double has no imaginary part.</summary>
    /// <param name="value">Ignored.</param>
    /// <returns><see langword="false"/>.</returns>
    public static bool IsImaginaryNumber(LongDouble value) => false;

    /// <summary>Whether the value is real, that is not a NaN.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>The negation of <see cref="IsNaN(LongDouble)"/>.</returns>
    public static bool IsRealNumber(LongDouble value) => !IsNaN(value);

    /// <summary>Whether the sign bit is clear (true for +0 and positive NaNs too, as <see cref="double.IsPositive"/>).</summary>
    /// <param name="value">The value to test.</param>
    /// <returns>The negation of <see cref="IsNegative(LongDouble)"/>.</returns>
    public static bool IsPositive(LongDouble value) => !value.SignBit;

    /// <summary>Whether the value is a finite integer (zeros included).</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when the value has no fractional part.</returns>
    public static bool IsInteger(LongDouble value) => FractionBits(value, out _) == 0;

    /// <summary>Whether the value is an even integer (zeros included).</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for even integers.</returns>
    public static bool IsEvenInteger(LongDouble value) => FractionBits(value, out bool odd) == 0 && !odd;

    /// <summary>Whether the value is an odd integer.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> for odd integers.</returns>
    public static bool IsOddInteger(LongDouble value) => FractionBits(value, out bool odd) == 0 && odd;

    /// <summary>
    /// The significand bits below the binary point (-1 for NaN and infinities), and whether the units bit is set.
    /// </summary>
    private static int FractionBits(LongDouble value, out bool odd)
    {
        odd = false;
        if (!value.TryDecompose(out _, out ulong significand, out int exponent))
        {
            return -1;
        }

        if (significand == 0 || exponent >= 1)
        {
            return 0;
        }

        if (exponent <= -64)
        {
            return 64;
        }

        int shift = -exponent;
        odd = ((significand >> shift) & 1) != 0;
        return (significand & ((1UL << shift) - 1)) == 0 ? 0 : shift;
    }

    /// <summary>The operand of greater magnitude; NaN if either is NaN; +x over -x on a tie, as <see cref="double.MaxMagnitude"/>.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    /// <returns>The operand of greater magnitude.</returns>
    public static LongDouble MaxMagnitude(LongDouble x, LongDouble y)
    {
        LongDouble ax = Abs(x);
        LongDouble ay = Abs(y);
        if (ax > ay || IsNaN(ax))
        {
            return x;
        }

        return ax == ay ? (x.SignBit ? y : x) : y;
    }

    /// <summary>As <see cref="MaxMagnitude"/>, but a NaN operand loses to a number, as <see cref="double.MaxMagnitudeNumber"/>.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    /// <returns>The operand of greater magnitude.</returns>
    public static LongDouble MaxMagnitudeNumber(LongDouble x, LongDouble y)
    {
        LongDouble ax = Abs(x);
        LongDouble ay = Abs(y);
        if (ax > ay || IsNaN(ay))
        {
            return x;
        }

        return ax == ay ? (x.SignBit ? y : x) : y;
    }

    /// <summary>The operand of smaller magnitude; NaN if either is NaN; -x over +x on a tie, as <see cref="double.MinMagnitude"/>.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    /// <returns>The operand of smaller magnitude.</returns>
    public static LongDouble MinMagnitude(LongDouble x, LongDouble y)
    {
        LongDouble ax = Abs(x);
        LongDouble ay = Abs(y);
        if (ax < ay || IsNaN(ax))
        {
            return x;
        }

        return ax == ay ? (x.SignBit ? x : y) : y;
    }

    /// <summary>As <see cref="MinMagnitude"/>, but a NaN operand loses to a number, as <see cref="double.MinMagnitudeNumber"/>.</summary>
    /// <param name="x">The first operand.</param>
    /// <param name="y">The second operand.</param>
    /// <returns>The operand of smaller magnitude.</returns>
    public static LongDouble MinMagnitudeNumber(LongDouble x, LongDouble y)
    {
        LongDouble ax = Abs(x);
        LongDouble ay = Abs(y);
        if (ax < ay || IsNaN(ay))
        {
            return x;
        }

        return ax == ay ? (x.SignBit ? x : y) : y;
    }

    /// <summary>
    /// Parses Python float syntax as <see cref="Parse(string)"/>. Of <paramref name="style"/> only the hexadecimal and
    /// binary specifiers matter: they are refused, since that syntax has neither.
    /// </summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="style">Must not ask for hexadecimal or binary digits.</param>
    /// <param name="provider">Ignored: the syntax is culture-invariant.</param>
    /// <returns>The nearest value.</returns>
    /// <exception cref="ArgumentException"><paramref name="style"/> asks for hexadecimal or binary digits.</exception>
    /// <exception cref="FormatException">The text is not a number in that syntax.</exception>
    public static LongDouble Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider)
    {
        CheckStyle(style);
        return Parse(s);
    }

    /// <inheritdoc cref="Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    public static LongDouble Parse(string s, NumberStyles style, IFormatProvider? provider)
    {
        CheckStyle(style);
        return Parse(s);
    }

    /// <summary>Tries to parse as <see cref="Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/>.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="style">Must not ask for hexadecimal or binary digits.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The nearest value, or zero on failure.</param>
    /// <returns>Whether the text was a number.</returns>
    /// <exception cref="ArgumentException"><paramref name="style"/> asks for hexadecimal or binary digits.</exception>
    public static bool TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out LongDouble result)
    {
        CheckStyle(style);
        return TryParse(s, out result);
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?, out LongDouble)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out LongDouble result)
    {
        CheckStyle(style);
        return TryParse(s, out result);
    }

    private static void CheckStyle(NumberStyles style)
    {
        if ((style & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
        {
            throw new ArgumentException("LongDouble parses decimal text only.", nameof(style));
        }
    }

    /// <summary>
    /// Formats the value: <c>"R"</c>, <c>"G"</c> (either case) or an empty format give the shortest text that reads
    /// back to the same value, as <see cref="ToString()"/> (NumPy's <c>str</c>).
    /// </summary>
    /// <param name="format">"R", "G" or empty.</param>
    /// <param name="formatProvider">Ignored: the text is culture-invariant, as NumPy's.</param>
    /// <returns>The text.</returns>
    /// <exception cref="FormatException">Any other format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        CheckFormat(format);
        return ToString();
    }

    /// <summary>Formats into a span as <see cref="ToString(string?, IFormatProvider?)"/>.</summary>
    /// <param name="destination">Where to write the text.</param>
    /// <param name="charsWritten">How many characters were written (0 when the span is too short).</param>
    /// <param name="format">"R", "G" or empty.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>Whether the text fitted.</returns>
    /// <exception cref="FormatException">Any other format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        CheckFormat(format);
        string text = ToString();
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    private static void CheckFormat(ReadOnlySpan<char> format)
    {
        if (!(format.IsEmpty || format is "R" or "r" or "G" or "g"))
        {
            throw new FormatException($"LongDouble supports the formats \"R\" and \"G\" only, not \"{format}\".");
        }
    }

    // Conversions from other numbers: every one of these is exact or correctly rounded, so checked, saturating and
    // truncating agree; other types are declined and generic math then reports them as unsupported.
    static bool INumberBase<LongDouble>.TryConvertFromChecked<TOther>(TOther value, out LongDouble result) => TryConvertFrom(value, out result);

    static bool INumberBase<LongDouble>.TryConvertFromSaturating<TOther>(TOther value, out LongDouble result) => TryConvertFrom(value, out result);

    static bool INumberBase<LongDouble>.TryConvertFromTruncating<TOther>(TOther value, out LongDouble result) => TryConvertFrom(value, out result);

    private static bool TryConvertFrom<TOther>(TOther value, out LongDouble result)
        where TOther : INumberBase<TOther>
    {
        switch (value)
        {
            case double d: result = d; return true;
            case float f: result = f; return true;
            case Half h: result = h; return true;
            case long l: result = l; return true;
            case ulong u: result = u; return true;
            case int i: result = i; return true;
            case uint u: result = u; return true;
            case short s: result = s; return true;
            case ushort u: result = u; return true;
            case sbyte s: result = s; return true;
            case byte b: result = b; return true;
            case char c: result = (ushort)c; return true;
            case nint n: result = (long)n; return true;
            case nuint n: result = (ulong)n; return true;
            case Int128 i:
                bool negative = Int128.IsNegative(i);
                result = RoundPack(negative, 0, negative ? (UInt128)(-(i + 1)) + 1 : (UInt128)i);
                return true;
            case UInt128 u: result = RoundPack(false, 0, u); return true;
            default: result = default; return false;
        }
    }

    // Conversions to other numbers: floats are correctly rounded (float16 once, not through float32); integers truncate
    // toward zero, and out-of-range values throw (checked) or clamp with NaN giving 0 (saturating and truncating, as
    // .NET's double does).
    static bool INumberBase<LongDouble>.TryConvertToChecked<TOther>(LongDouble value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, true, out result);

    static bool INumberBase<LongDouble>.TryConvertToSaturating<TOther>(LongDouble value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, false, out result);

    static bool INumberBase<LongDouble>.TryConvertToTruncating<TOther>(LongDouble value, [MaybeNullWhen(false)] out TOther result) =>
        TryConvertTo(value, false, out result);

    private static bool TryConvertTo<TOther>(LongDouble value, bool isChecked, [MaybeNullWhen(false)] out TOther result)
        where TOther : INumberBase<TOther>
    {
        object? boxed = typeof(TOther) switch
        {
            _ when typeof(TOther) == typeof(double) => (double)value,
            _ when typeof(TOther) == typeof(float) => (float)value,
            _ when typeof(TOther) == typeof(Half) => ToHalfCorrectlyRounded(value),
            _ when typeof(TOther) == typeof(long) => (long)ToInteger(value, long.MinValue, long.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(ulong) => (ulong)ToInteger(value, ulong.MinValue, ulong.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(int) => (int)ToInteger(value, int.MinValue, int.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(uint) => (uint)ToInteger(value, uint.MinValue, uint.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(short) => (short)ToInteger(value, short.MinValue, short.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(ushort) => (ushort)ToInteger(value, ushort.MinValue, ushort.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(sbyte) => (sbyte)ToInteger(value, sbyte.MinValue, sbyte.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(byte) => (byte)ToInteger(value, byte.MinValue, byte.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(char) => (char)ToInteger(value, char.MinValue, char.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(nint) => (nint)ToInteger(value, nint.MinValue, nint.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(nuint) => (nuint)ToInteger(value, nuint.MinValue, nuint.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(Int128) => ToInteger(value, Int128.MinValue, Int128.MaxValue, isChecked),
            _ when typeof(TOther) == typeof(UInt128) => unchecked((UInt128)ToInteger(value, 0, 0, isChecked, unsignedFull: true)),
            _ => null,
        };

        if (boxed is null)
        {
            result = default;
            return false;
        }

        result = (TOther)boxed;
        return true;
    }

    /// <summary>
    /// Truncates toward zero into [min, max]; NaN and values outside throw when checked and otherwise clamp (NaN to 0).
    /// With <paramref name="unsignedFull"/> the range is that of <see cref="UInt128"/> and the result is its bits.
    /// </summary>
    private static Int128 ToInteger(LongDouble value, Int128 min, Int128 max, bool isChecked, bool unsignedFull = false)
    {
        if (IsNaN(value))
        {
            return isChecked ? throw new OverflowException("NaN has no integer value.") : 0;
        }

        bool negative = value.SignBit;
        UInt128 magnitude = TruncatedMagnitude(value, out bool huge);
        if (unsignedFull)
        {
            if (negative && magnitude != 0)
            {
                return isChecked ? throw new OverflowException("Negative value for an unsigned type.") : 0;
            }

            if (huge)
            {
                return isChecked ? throw new OverflowException("Value outside the range of UInt128.") : unchecked((Int128)UInt128.MaxValue);
            }

            return unchecked((Int128)magnitude);
        }

        UInt128 limit = negative ? (UInt128)(-(min + 1)) + 1 : (UInt128)max;
        if (huge || magnitude > limit)
        {
            return isChecked ? throw new OverflowException("Value outside the range of the integer type.") : (negative ? min : max);
        }

        return negative ? -unchecked((Int128)magnitude) : unchecked((Int128)magnitude);
    }

    /// <summary>|trunc(value)| for finite values; <paramref name="huge"/> when it needs more than 128 bits (and for infinities).</summary>
    private static UInt128 TruncatedMagnitude(LongDouble value, out bool huge)
    {
        huge = false;
        if (!value.TryDecompose(out _, out ulong significand, out int exponent))
        {
            huge = true;
            return 0;
        }

        if (exponent >= 0)
        {
            huge = exponent > 64;
            return huge ? 0 : (UInt128)significand << exponent;
        }

        return exponent <= -64 ? 0 : significand >> -exponent;
    }
}
