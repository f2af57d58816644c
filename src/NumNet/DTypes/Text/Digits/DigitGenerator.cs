using System;

namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// Turns a <see cref="BinaryFloat"/> into decimal digits with exact integer arithmetic, following the
/// free-format and fixed-format algorithms of Steele &amp; White and Burger &amp; Dybvig with the rounding
/// and cutoff rules NumPy's Dragon4 printer applies, so every digit string matches NumPy's.
/// </summary>
internal static class DigitGenerator
{
    private const double Log10Of2 = 0.30102999566398119521;

    /// <summary>
    /// Writes the significant digits of <paramref name="value"/> (sign ignored) as ASCII characters.
    /// </summary>
    /// <param name="value">A finite value.</param>
    /// <param name="mode">Shortest-unique or exact digits.</param>
    /// <param name="cutoffMode">Whether the cutoffs count significant digits or digits after the point.</param>
    /// <param name="cutoffMax">Stop after this many digits (rounding the last one); -1 for no limit.</param>
    /// <param name="cutoffMin">In unique mode, keep going until at least this many digits; -1 for none.</param>
    /// <param name="maxDigits">Hard limit on the number of digits, standing in for NumPy's output buffer.</param>
    /// <param name="scratch">Working storage; <see cref="FormatScratch.Digits"/> receives the digits.</param>
    /// <param name="decimalExponent">Receives the power of ten of the first digit.</param>
    /// <returns>The number of digits written; at least one. Trailing zeros may be dropped by rounding.</returns>
    public static int Generate(
        in BinaryFloat value,
        DigitMode mode,
        CutoffMode cutoffMode,
        int cutoffMax,
        int cutoffMin,
        int maxDigits,
        FormatScratch scratch,
        out int decimalExponent)
    {
        char[] digits = scratch.EnsureDigitCapacity(Math.Max(maxDigits, 1));
        if (value.Significand == UInt128.Zero)
        {
            digits[0] = '0';
            decimalExponent = 0;
            return 1;
        }

        // v / scale is the value divided by 10^k. margin / scale is the distance from the value to the
        // midpoint between it and its lower neighbour; the distance to the upper midpoint is the same, or
        // twice as large when the value is the lowest of its binade. Everything carries a factor of 4 so
        // that both distances are integers.
        BigNatural v = scratch.Value;
        BigNatural scale = scratch.Scale;
        BigNatural margin = scratch.Margin;
        BigNatural upper = scratch.Temp;
        bool unique = mode == DigitMode.Unique;
        bool doubleUpper = value.UnequalMargins;
        bool inclusive = (value.Significand & UInt128.One) == UInt128.Zero;
        int e = value.Exponent;

        v.Set(value.Significand);
        if (e >= 0)
        {
            v.ShiftLeft(e + 2);
            scale.Set(4);
            margin.SetPowerOfTwo(doubleUpper ? e : e + 1);
        }
        else
        {
            v.ShiftLeft(2);
            scale.SetPowerOfTwo(2 - e);
            margin.Set(doubleUpper ? 1u : 2u);
        }

        // k is where the first digit goes: the value is below 10^k. Start from an estimate that is exact
        // or one too small (log10 of the leading power of two, rounded down), then check it.
        int k = (int)Math.Floor((value.SignificandTopBit + e) * Log10Of2) + 1;

        // With a cutoff after the decimal point, a value below the last printed place starts at that
        // place, so its single digit is 0 or a rounded-up 1.
        bool fractional = cutoffMode == CutoffMode.FractionLength;
        if (fractional && cutoffMax >= 0 && k < 1 - cutoffMax)
        {
            k = 1 - cutoffMax;
        }

        if (k > 0)
        {
            scale.MultiplyByPowerOfTen(k);
        }
        else if (k < 0)
        {
            v.MultiplyByPowerOfTen(-k);
            if (unique)
            {
                margin.MultiplyByPowerOfTen(-k);
            }
        }

        if (BigNatural.Compare(v, scale) >= 0)
        {
            k++;
        }
        else
        {
            v.Multiply(10);
            if (unique)
            {
                margin.Multiply(10);
            }
        }

        int lastPlace = k - maxDigits;
        if (cutoffMax >= 0)
        {
            lastPlace = Math.Max(lastPlace, fractional ? -cutoffMax : k - cutoffMax);
        }

        int minPlace = k;
        if (cutoffMin >= 0)
        {
            minPlace = Math.Min(minPlace, fractional ? -cutoffMin : k - cutoffMin);
        }

        decimalExponent = k - 1;
        int count = 0;
        int place = k;
        uint digit;
        bool low = false;
        bool high = false;
        while (true)
        {
            place--;
            digit = v.DivideAndKeepRemainder(scale);
            if (unique)
            {
                // low: the digits so far, rounded down, already lie inside the round-trip interval;
                // high: rounding them up would. Ties count as inside only when the significand is even,
                // because round-half-even parsing sends the midpoint to the even neighbour.
                int cmp = BigNatural.Compare(v, margin);
                low = inclusive ? cmp <= 0 : cmp < 0;
                upper.CopyFrom(v);
                upper.Add(margin);
                if (doubleUpper)
                {
                    upper.Add(margin);
                }

                cmp = BigNatural.Compare(upper, scale);
                high = inclusive ? cmp >= 0 : cmp > 0;
                if (((low || high) && place <= minPlace) || place <= lastPlace)
                {
                    break;
                }
            }
            else if (v.IsZero || place <= lastPlace)
            {
                break;
            }

            digits[count++] = (char)('0' + digit);
            v.Multiply(10);
            if (unique)
            {
                margin.Multiply(10);
            }
        }

        bool roundDown = low;
        if (low == high)
        {
            // Either both roundings are acceptable or neither is forced: take the nearer one, and on an
            // exact tie the even digit.
            v.ShiftLeft(1);
            int cmp = BigNatural.Compare(v, scale);
            roundDown = cmp < 0 || (cmp == 0 && (digit & 1) == 0);
        }

        if (roundDown || digit < 9)
        {
            digits[count++] = (char)('0' + digit + (roundDown ? 0u : 1u));
            return count;
        }

        // Rounding a 9 up carries into earlier digits; the zeros it leaves behind are not emitted.
        while (count > 0)
        {
            if (digits[count - 1] != '9')
            {
                digits[count - 1]++;
                return count;
            }

            count--;
        }

        digits[0] = '1';
        decimalExponent++;
        return 1;
    }
}
