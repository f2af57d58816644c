using System.Globalization;
using System.Numerics;
using System.Text;

namespace NumNet;

public readonly partial struct LongDouble
{
    /// <summary>The long double nearest 1e-4: NumPy's repr switches to scientific notation below it.</summary>
    private static LongDouble ScientificBelow => new(0xD1B71758E219652C, 0x3FF1);

    /// <summary>1e16, exactly: NumPy's repr switches to scientific notation from it on.</summary>
    private static LongDouble ScientificFrom => new(0x8E1BC9BF04000000, 0x4034);

    /// <summary>
    /// The shortest decimal that reads back as this value at long double precision, laid out as NumPy 1.24's
    /// <c>repr(np.longdouble(x))</c>: positional with at least one fractional digit when 1e-4 &lt;= |x| &lt; 1e16
    /// or x is zero, otherwise scientific with at least two exponent digits; "inf", "-inf" and "nan" (NaNs print
    /// without sign). Encodings the x87 rejects print as "nan".
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        switch (Classify())
        {
            case Kind.NaN or Kind.Invalid:
                return "nan";
            case Kind.Infinity:
                return SignBit ? "-inf" : "inf";
            case Kind.Zero:
                return SignBit ? "-0.0" : "0.0";
        }

        string digits = ShortestDigits(out int exponent10);
        var sb = new StringBuilder(digits.Length + 8);
        if (SignBit)
        {
            sb.Append('-');
        }

        LongDouble magnitude = Abs(this);
        if (magnitude >= ScientificBelow && magnitude < ScientificFrom)
        {
            AppendPositional(sb, digits, exponent10);
        }
        else
        {
            AppendScientific(sb, digits, exponent10);
        }

        return sb.ToString();
    }

    private static void AppendPositional(StringBuilder sb, string digits, int exponent10)
    {
        if (exponent10 < 0)
        {
            sb.Append("0.").Append('0', -exponent10 - 1).Append(digits);
            return;
        }

        int whole = exponent10 + 1;
        if (digits.Length <= whole)
        {
            sb.Append(digits).Append('0', whole - digits.Length).Append(".0");
            return;
        }

        sb.Append(digits, 0, whole).Append('.').Append(digits, whole, digits.Length - whole);
    }

    private static void AppendScientific(StringBuilder sb, string digits, int exponent10)
    {
        sb.Append(digits[0]);
        if (digits.Length > 1)
        {
            sb.Append('.').Append(digits, 1, digits.Length - 1);
        }

        sb.Append('e').Append(exponent10 < 0 ? '-' : '+');
        sb.Append(Math.Abs(exponent10).ToString("00", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Shortest digits that identify this finite nonzero value among its neighbours (Steele-White / Burger-Dybvig
    /// with exact integers), with NumPy's Dragon4 rules: the rounding interval is closed when the significand is
    /// even, and a final digit that could go either way is rounded half to even.
    /// </summary>
    /// <param name="exponent10">The power of ten of the first digit.</param>
    /// <returns>The digits, without leading or trailing zeros.</returns>
    internal string ShortestDigits(out int exponent10)
    {
        // Read the value the way NumPy's Dragon4 does: the integer bit is implied by a nonzero exponent.
        int biased = BiasedExponent;
        ulong fraction = _significand & ~IntegerBit;
        ulong mantissa;
        int exponent;
        bool unequalMargins;
        if (biased != 0)
        {
            mantissa = IntegerBit | fraction;
            exponent = biased - ExponentBias - 63;
            unequalMargins = biased != 1 && fraction == 0;
        }
        else
        {
            mantissa = _significand;
            exponent = 1 - ExponentBias - 63;
            unequalMargins = false;
        }

        bool isEven = (mantissa & 1) == 0;
        int mantissaBit = 63 - BitOperations.LeadingZeroCount(mantissa);

        // value = scaledValue / scale; the margins are half the gaps to the neighbours, on the same scale.
        BigInteger scaledValue;
        BigInteger scale;
        BigInteger marginLow;
        BigInteger marginHigh;
        int marginShift = unequalMargins ? 1 : 0;
        if (exponent > 0)
        {
            scaledValue = new BigInteger(mantissa) << (exponent + 1 + marginShift);
            scale = new BigInteger(2) << marginShift;
            marginLow = BigInteger.One << exponent;
        }
        else
        {
            scaledValue = new BigInteger(mantissa) << (1 + marginShift);
            scale = BigInteger.One << (-exponent + 1 + marginShift);
            marginLow = BigInteger.One;
        }

        int digitExponent = (int)Math.Ceiling(((mantissaBit + exponent) * 0.30102999566398119521373889472449) - 0.69);
        if (digitExponent > 0)
        {
            scale *= BigInteger.Pow(10, digitExponent);
        }
        else if (digitExponent < 0)
        {
            BigInteger pow10 = BigInteger.Pow(10, -digitExponent);
            scaledValue *= pow10;
            marginLow *= pow10;
        }

        marginHigh = marginLow << marginShift;

        // The estimate is exact or one too small.
        if (scaledValue >= scale)
        {
            digitExponent++;
        }
        else
        {
            scaledValue *= 10;
            marginLow *= 10;
            marginHigh *= 10;
        }

        exponent10 = digitExponent - 1;
        var digits = new StringBuilder(24);
        int digit;
        bool low;
        bool high;
        while (true)
        {
            BigInteger quotient = BigInteger.DivRem(scaledValue, scale, out scaledValue);
            digit = (int)quotient;
            int cmpLow = scaledValue.CompareTo(marginLow);
            int cmpHigh = (scaledValue + marginHigh).CompareTo(scale);
            low = isEven ? cmpLow <= 0 : cmpLow < 0;
            high = isEven ? cmpHigh >= 0 : cmpHigh > 0;
            if (low || high)
            {
                break;
            }

            digits.Append((char)('0' + digit));
            scaledValue *= 10;
            marginLow *= 10;
            marginHigh *= 10;
        }

        bool roundDown = low;
        if (low == high)
        {
            int compare = (scaledValue << 1).CompareTo(scale);
            roundDown = compare < 0 || (compare == 0 && (digit & 1) == 0);
        }

        if (roundDown)
        {
            digits.Append((char)('0' + digit));
        }
        else if (digit < 9)
        {
            digits.Append((char)('0' + digit + 1));
        }
        else
        {
            // Carry through trailing nines; all nines become a single 1 at the next power of ten.
            int i = digits.Length - 1;
            while (i >= 0 && digits[i] == '9')
            {
                i--;
            }

            if (i < 0)
            {
                digits.Clear().Append('1');
                exponent10++;
            }
            else
            {
                digits[i]++;
                digits.Length = i + 1;
            }
        }

        int end = digits.Length;
        while (end > 1 && digits[end - 1] == '0')
        {
            end--;
        }

        return digits.ToString(0, end);
    }
}
