using System.Globalization;
using System.Numerics;
using System.Text;

namespace NumNet;

public readonly partial struct LongDouble
{
    /// <summary>
    /// Significant digits kept before the rest collapse into a sticky digit. Every halfway point between two
    /// neighbouring values has a finite decimal expansion ending no lower than 10^-16446, and any input whose
    /// leading digit is low enough for that to lie beyond this many digits underflows to zero anyway.
    /// </summary>
    private const int MaxSignificantDigits = 21000;

    /// <summary>
    /// Parses a decimal string, correctly rounded to nearest even, with the syntax Python's <c>float()</c>
    /// accepts: surrounding whitespace, an optional sign, digits with an optional '.' and exponent, single '_'
    /// between digits, or 'inf', 'infinity', 'nan' in any case. Overflow gives infinity, underflow zero.
    /// </summary>
    /// <param name="s">The text to parse.</param>
    /// <returns>The nearest value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a number in that syntax.</exception>
    public static LongDouble Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <summary>Parses a decimal string as <see cref="Parse(string)"/> does.</summary>
    /// <param name="s">The text to parse.</param>
    /// <returns>The nearest value.</returns>
    /// <exception cref="FormatException">The text is not a number in that syntax.</exception>
    public static LongDouble Parse(ReadOnlySpan<char> s)
    {
        if (!TryParse(s, out LongDouble result))
        {
            throw new FormatException($"could not convert string to longdouble: '{s.ToString()}'");
        }

        return result;
    }

    /// <summary>Tries to parse a decimal string as <see cref="Parse(string)"/> does.</summary>
    /// <param name="s">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="result">The nearest value, or zero on failure.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse(string? s, out LongDouble result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParse(s.AsSpan(), out result);
    }

    /// <summary>Tries to parse a decimal string as <see cref="Parse(string)"/> does.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="result">The nearest value, or zero on failure.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out LongDouble result)
    {
        result = default;
        s = TrimPythonWhitespace(s);
        if (s.IsEmpty)
        {
            return false;
        }

        bool negative = false;
        if (s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        ushort sign = negative ? SignMask : (ushort)0;
        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            result = new(IntegerBit, (ushort)(sign | MaxBiasedExponent));
            return true;
        }

        if (s.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            result = new(IntegerBit | QuietBit, (ushort)(sign | MaxBiasedExponent));
            return true;
        }

        var digits = new StringBuilder();
        bool sticky = false;
        long pointShift = 0;
        int pos = 0;
        int intDigits = ScanDigitPart(s, ref pos, digits, ref sticky, ref pointShift, false);
        if (intDigits < 0)
        {
            return false;
        }

        int fracDigits = 0;
        if (pos < s.Length && s[pos] == '.')
        {
            pos++;
            fracDigits = ScanDigitPart(s, ref pos, digits, ref sticky, ref pointShift, true);
            if (fracDigits < 0)
            {
                return false;
            }
        }

        if (intDigits == 0 && fracDigits == 0)
        {
            return false;
        }

        long exponent = 0;
        if (pos < s.Length && s[pos] is 'e' or 'E')
        {
            pos++;
            bool negativeExponent = false;
            if (pos < s.Length && s[pos] is '+' or '-')
            {
                negativeExponent = s[pos] == '-';
                pos++;
            }

            var exponentDigits = new StringBuilder();
            bool ignored = false;
            long unused = 0;
            if (ScanDigitPart(s, ref pos, exponentDigits, ref ignored, ref unused, false) <= 0)
            {
                return false;
            }

            // Exponents past any meaningful range only need to keep their direction.
            exponent = exponentDigits.Length switch
            {
                0 => 0,
                > 12 => 1_000_000_000_000L,
                _ => long.Parse(exponentDigits.ToString(), CultureInfo.InvariantCulture),
            };
            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        if (pos != s.Length)
        {
            return false;
        }

        if (sticky)
        {
            digits.Append('1');
            pointShift--;
        }

        result = FromDecimal(negative, digits.ToString(), exponent + pointShift);
        return true;
    }

    /// <summary>Parses as <see cref="Parse(string)"/>; the format provider is ignored (the syntax is culture-invariant).</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The nearest value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="s"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not a number in that syntax.</exception>
    public static LongDouble Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <summary>Parses as <see cref="Parse(string)"/>; the format provider is ignored (the syntax is culture-invariant).</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <returns>The nearest value.</returns>
    /// <exception cref="FormatException">The text is not a number in that syntax.</exception>
    public static LongDouble Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <summary>Tries to parse as <see cref="Parse(string)"/>; the format provider is ignored.</summary>
    /// <param name="s">The text to parse; <see langword="null"/> fails.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The nearest value, or zero on failure.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse(string? s, IFormatProvider? provider, out LongDouble result) => TryParse(s, out result);

    /// <summary>Tries to parse as <see cref="Parse(string)"/>; the format provider is ignored.</summary>
    /// <param name="s">The text to parse.</param>
    /// <param name="provider">Ignored.</param>
    /// <param name="result">The nearest value, or zero on failure.</param>
    /// <returns>Whether the text was a number.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out LongDouble result) => TryParse(s, out result);

    /// <summary>
    /// Reads a Python "digitpart" (digits with single underscores between them), appending the significant
    /// digits. Returns the number of digits read, or -1 when the underscores are misplaced.
    /// </summary>
    private static int ScanDigitPart(ReadOnlySpan<char> s, ref int pos, StringBuilder digits, ref bool sticky, ref long pointShift, bool fraction)
    {
        int count = 0;
        while (pos < s.Length)
        {
            char c = s[pos];
            if (c == '_')
            {
                if (count == 0 || pos + 1 >= s.Length || DecimalDigitValue(s[pos + 1]) < 0)
                {
                    return -1;
                }

                pos++;
                continue;
            }

            int d = DecimalDigitValue(c);
            if (d < 0)
            {
                break;
            }

            count++;
            pos++;
            if (digits.Length == 0 && d == 0)
            {
                // Leading zeros carry no digits, but after the point they still scale the value.
                if (fraction)
                {
                    pointShift--;
                }

                continue;
            }

            if (digits.Length < MaxSignificantDigits)
            {
                digits.Append((char)('0' + d));
                if (fraction)
                {
                    pointShift--;
                }
            }
            else
            {
                sticky |= d != 0;
                if (!fraction)
                {
                    pointShift++;
                }
            }
        }

        return count;
    }

    /// <summary>Python's <c>float()</c> takes any Unicode decimal digit, not just ASCII ones.</summary>
    private static int DecimalDigitValue(char c)
    {
        if (c is >= '0' and <= '9')
        {
            return c - '0';
        }

        return c < 128 ? -1 : CharUnicodeInfo.GetDecimalDigitValue(c);
    }

    private static ReadOnlySpan<char> TrimPythonWhitespace(ReadOnlySpan<char> s)
    {
        int start = 0;
        int end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(s[end - 1]))
        {
            end--;
        }

        return s[start..end];
    }

    private const int MaxExactPowerOfTen = 27;

    // 10^0 .. 10^27, each exact: built by multiplying by ten, which stays exact while 5^k fits in 64 bits.
    private static readonly LongDouble[] ExactPowersOfTen = BuildExactPowersOfTen();

    private static LongDouble[] BuildExactPowersOfTen()
    {
        var powers = new LongDouble[MaxExactPowerOfTen + 1];
        powers[0] = new LongDouble(1UL);
        var ten = new LongDouble(10UL);
        for (int k = 1; k < powers.Length; k++)
        {
            powers[k] = powers[k - 1] * ten;
        }

        return powers;
    }

    /// <summary>Correctly rounds digits * 10^exponent10, where digits has no leading zeros.</summary>
    private static LongDouble FromDecimal(bool negative, string digits, long exponent10)
    {
        ushort sign = negative ? SignMask : (ushort)0;
        int end = digits.Length;
        while (end > 0 && digits[end - 1] == '0')
        {
            end--;
            exponent10++;
        }

        if (end == 0)
        {
            return new(0, sign);
        }

        // The value lies in [10^(magnitude-1), 10^magnitude): bounds just outside the format's range.
        long magnitude = end + exponent10;
        if (magnitude > 4934)
        {
            return new(IntegerBit, (ushort)(sign | MaxBiasedExponent));
        }

        if (magnitude < -4952)
        {
            return new(0, sign);
        }

        // Clinger's fast path: at most 19 digits are exact in the 64-bit significand, and so is 10^k for k <= 27
        // (5^27 < 2^64), so one correctly rounded multiplication or division gives the correctly rounded result.
        if (end <= 19 && exponent10 is >= -MaxExactPowerOfTen and <= MaxExactPowerOfTen)
        {
            var significand = new LongDouble(ulong.Parse(digits.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture));
            var power = ExactPowersOfTen[(int)Math.Abs(exponent10)];
            var magnitudeValue = exponent10 >= 0 ? significand * power : significand / power;
            return negative ? -magnitudeValue : magnitudeValue;
        }

        BigInteger m = BigInteger.Parse(digits.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture);
        if (exponent10 >= 0)
        {
            return RoundPackBig(negative, 0, m * BigInteger.Pow(10, (int)exponent10));
        }

        BigInteger denominator = BigInteger.Pow(10, (int)-exponent10);
        long shift = Math.Max(0, 68 + (long)denominator.GetBitLength() - (long)m.GetBitLength());
        BigInteger quotient = BigInteger.DivRem(m << (int)shift, denominator, out BigInteger remainder);
        if (!remainder.IsZero)
        {
            quotient |= BigInteger.One;
        }

        return RoundPackBig(negative, -shift, quotient);
    }

    /// <summary>Rounds a nonnegative big integer times 2^exp2, folding low bits into a sticky bit first.</summary>
    private static LongDouble RoundPackBig(bool negative, long exp2, BigInteger mant)
    {
        long bits = (long)mant.GetBitLength();
        if (bits > 127)
        {
            int drop = (int)(bits - 127);
            bool lost = !(mant & ((BigInteger.One << drop) - 1)).IsZero;
            mant >>= drop;
            if (lost)
            {
                mant |= BigInteger.One;
            }

            exp2 += drop;
        }

        return RoundPack(negative, exp2, (UInt128)mant);
    }
}
