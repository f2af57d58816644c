using System.Globalization;
using System.Numerics;

namespace NumNet.DTypes;

/// <summary>
/// Text as NumPy's <c>LONGDOUBLE_setitem</c> reads it (<c>string_to_long_double</c> in
/// <c>numpy/_core/src/multiarray/arraytypes.c.src</c>, with <c>NumPyOS_ascii_strtold</c> in
/// <c>numpy/_core/src/common/numpyos.c</c>): C's <c>strtold</c>, not Python's <c>float()</c>.
/// </summary>
/// <remarks>
/// NumPyOS skips the leading ASCII white space before it calls <c>strtold</c>, and NumPy's "nothing parsed" test
/// compares the end with the text as it was before that skip, so text of white space alone is 0 while empty text is
/// refused. The C grammar also takes hexadecimal floats (<c>0x10</c> is 16, <c>0x1.8p1</c> is 3), and nothing may
/// follow the number: no trailing space, no Python digit underscores.
/// </remarks>
internal static class CLongDoubleSyntax
{
    // Binary exponents beyond these leave the long double range whatever the hexadecimal digits are.
    private const int MaxBinaryExponent = 20000;

    /// <summary>The long double <paramref name="text"/> spells in C's <c>strtold</c> grammar, or false.</summary>
    public static bool TryParse(string text, out LongDouble value)
    {
        value = LongDouble.Zero;
        int start = 0;
        while (start < text.Length && IsCSpace(text[start]))
            start++;
        if (start == text.Length)
            return start > 0;
        var rest = text.AsSpan(start);
        // Python's syntax, which LongDouble.Parse reads, allows what strtold stops at: underscores, other white space.
        if (rest.Contains('_') || char.IsWhiteSpace(rest[0]) || char.IsWhiteSpace(rest[^1]))
            return false;
        int sign = rest[0] is '+' or '-' ? 1 : 0;
        if (rest.Length > sign + 1 && rest[sign] == '0' && rest[sign + 1] is 'x' or 'X')
            return TryParseHex(rest[(sign + 2)..], rest[0] == '-', out value);
        return LongDouble.TryParse(rest, out value);
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    // [hex digits][.hex digits][p[sign]decimal digits], at least one hex digit; the value is rounded once, to nearest
    // even, by handing its exact decimal expansion to the decimal parser.
    private static bool TryParseHex(ReadOnlySpan<char> s, bool negative, out LongDouble value)
    {
        value = LongDouble.Zero;
        BigInteger mantissa = BigInteger.Zero;
        int i = 0, digits = 0, fractionDigits = 0;
        bool inFraction = false;
        for (; i < s.Length; i++)
        {
            if (s[i] == '.' && !inFraction)
            {
                inFraction = true;
                continue;
            }
            if (!char.IsAsciiHexDigit(s[i]))
                break;
            mantissa = (mantissa << 4) + HexValue(s[i]);
            digits++;
            if (inFraction)
                fractionDigits++;
        }
        if (digits == 0)
            return false;
        long exponent = 0;
        if (i < s.Length && s[i] is 'p' or 'P')
        {
            var e = s[(i + 1)..];
            int signLength = e.Length > 0 && e[0] is '+' or '-' ? 1 : 0;
            if (e.Length == signLength || !AllDigits(e[signLength..]))
                return false;
            var magnitude = e[signLength..].TrimStart('0');
            exponent = magnitude.Length > 9 ? int.MaxValue : magnitude.IsEmpty ? 0 : long.Parse(magnitude, CultureInfo.InvariantCulture);
            if (e[0] == '-')
                exponent = -exponent;
            i = s.Length;
        }
        if (i != s.Length)
            return false;
        exponent -= 4L * fractionDigits;
        value = Scale(mantissa, exponent);
        if (negative)
            value = -value;
        return true;
    }

    private static int HexValue(char c) => char.IsAsciiDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10;

    private static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    // mantissa * 2^exponent, correctly rounded.
    private static LongDouble Scale(BigInteger mantissa, long exponent)
    {
        if (mantissa.IsZero)
            return LongDouble.Zero;
        if (exponent > MaxBinaryExponent)
            return LongDouble.PositiveInfinity;
        if (exponent < -MaxBinaryExponent - (long)mantissa.GetBitLength())
            return LongDouble.Zero;
        string text = exponent >= 0
            ? (mantissa << (int)exponent).ToString(CultureInfo.InvariantCulture)
            // m / 2^k is m * 5^k / 10^k: an exact decimal.
            : (mantissa * BigInteger.Pow(5, (int)-exponent)).ToString(CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        return LongDouble.Parse(text);
    }
}
