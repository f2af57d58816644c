using System;

namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// Produces the digits <see cref="DigitGenerator"/> would produce in unique mode, starting from the shortest
/// round-trip digits <see cref="ShortestDecimal"/> gets from .NET, and falling back to the exact generator in the
/// few cases where that cannot be shown to give the same answer.
/// </summary>
/// <remarks>
/// <para>
/// In unique mode Dragon4 stops at the first place where the digits identify the value (the place of the last
/// shortest digit, <c>pS</c>), unless a minimum pushes it further down or a cutoff stops it earlier. Let <c>p</c> be
/// where it stops. Past the shortest digits' own place it rounds the exact binary value <c>x</c> to place
/// <c>p</c>, half to even, so three cases remain:
/// </para>
/// <list type="bullet">
/// <item><c>p == pS</c>: the shortest digits themselves.</item>
/// <item>
/// <c>p &gt; pS</c> (a cutoff): rounding the shortest digits <c>S</c> at <c>p</c> rounds <c>x</c> the same way,
/// because a rounding midpoint lying between <c>S</c> and <c>x</c> would itself be a shorter decimal inside the
/// round-trip interval, or one of the same length nearer to <c>x</c>. The one undecidable case is <c>S</c> being
/// the midpoint itself (one digit past <c>p</c>, a 5); that goes to Dragon4.
/// </item>
/// <item>
/// <c>p &lt; pS</c> (a minimum): <c>x</c> rounded to <c>P</c> significant digits is <c>S</c> followed by zeros as
/// long as half an ulp is below half a unit of the last place, which holds for normal values when
/// <c>10^P &lt;= 2^(precision - 1)</c>: up to 15 digits for double, 6 for float, 3 for half. Beyond that a float or
/// half is widened to double (exactly) and the rule applied to double's shortest digits.
/// </item>
/// </list>
/// <para>
/// A shortest result of a single 1 may belong to the decade above <c>x</c> (the double nearest 1e23 is below it);
/// cutoffs counted from the first digit would then start one place off, so that case goes to Dragon4 unless
/// <c>x</c> is exactly that power of ten. The sweep tests in <c>FastDigitsTests</c> compare both paths.
/// </para>
/// </remarks>
internal static class FastDigits
{
    // Exact in binary64, so comparing a widened value against them is exact.
    private static readonly double[] s_powersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// Digits as <see cref="DigitGenerator.Generate"/> returns them, from the fast path when it applies.
    /// </summary>
    /// <param name="value">A finite value.</param>
    /// <param name="mode">Shortest-unique or exact digits.</param>
    /// <param name="cutoffMode">Whether the cutoffs count significant digits or digits after the point.</param>
    /// <param name="cutoffMax">Stop after this many digits; -1 for no limit.</param>
    /// <param name="cutoffMin">In unique mode, keep going until at least this many digits; -1 for none.</param>
    /// <param name="maxDigits">Hard limit on the number of digits.</param>
    /// <param name="zeroTailInsignificant">
    /// Whether the caller pads with zeros to the minimum anyway, so digits padded with zeros print the same as the
    /// shorter string Dragon4 leaves when it carries into them. True for scientific and fractional positional
    /// layouts; false for positional with significant-digit counts.
    /// </param>
    /// <param name="known">The value's shortest digits if already computed, or <see cref="ShortestDecimal.None"/>.</param>
    /// <param name="scratch">Working storage; <see cref="FormatScratch.Digits"/> receives the digits.</param>
    /// <param name="decimalExponent">Receives the power of ten of the first digit.</param>
    /// <returns>The number of digits written.</returns>
    public static int Generate(
        in BinaryFloat value,
        DigitMode mode,
        CutoffMode cutoffMode,
        int cutoffMax,
        int cutoffMin,
        int maxDigits,
        bool zeroTailInsignificant,
        in ShortestDecimal known,
        FormatScratch scratch,
        out int decimalExponent)
    {
        if (mode == DigitMode.Unique && value.Format != BinaryFloatFormat.Other && value.Significand != UInt128.Zero)
        {
            ShortestDecimal shortest = known.IsKnown ? known : ShortestDecimal.Of(value);
            char[] digits = scratch.EnsureDigitCapacity(Math.Max(maxDigits, 32));
            if (shortest.IsKnown && TryGenerate(
                    value, shortest, cutoffMode, cutoffMax, cutoffMin, maxDigits, zeroTailInsignificant, digits,
                    out int count, out decimalExponent))
            {
                return count;
            }
        }

        return DigitGenerator.Generate(value, mode, cutoffMode, cutoffMax, cutoffMin, maxDigits, scratch, out decimalExponent);
    }

    /// <summary>
    /// The unique-mode digits of <paramref name="value"/> derived from its shortest digits; false when only
    /// Dragon4 can tell.
    /// </summary>
    public static bool TryGenerate(
        in BinaryFloat value,
        in ShortestDecimal shortest,
        CutoffMode cutoffMode,
        int cutoffMax,
        int cutoffMin,
        int maxDigits,
        bool zeroTailInsignificant,
        Span<char> digits,
        out int count,
        out int decimalExponent)
    {
        count = 0;
        int e = shortest.Exponent;
        decimalExponent = e;
        bool fractional = cutoffMode == CutoffMode.FractionLength;
        bool hasCutoff = cutoffMax >= 0 || cutoffMin >= 0;
        if (hasCutoff && shortest.Significand == 1 && !IsPowerOfTen(value, e))
            return false;

        // A value below the last printed place makes Dragon4 start its digits at that place instead.
        if (fractional && cutoffMax >= 0 && e < -cutoffMax)
            return false;

        int lastPlace = e + 1 - maxDigits;
        if (cutoffMax >= 0)
            lastPlace = Math.Max(lastPlace, fractional ? -cutoffMax : e + 1 - cutoffMax);
        int minPlace = e + 1;
        if (cutoffMin >= 0)
            minPlace = Math.Min(minPlace, fractional ? -cutoffMin : e + 1 - cutoffMin);
        int stop = Math.Max(Math.Min(shortest.LastPlace, minPlace), lastPlace);
        if (stop > e || e - stop + 1 > digits.Length)
            return false;

        if (stop >= shortest.LastPlace)
        {
            // A tie on a float's or half's own digits is often settled by double's longer ones.
            return TryRound(shortest, stop, digits, out count, out decimalExponent) ||
                TryWidened(value, shortest, stop, digits, out count, out decimalExponent);
        }

        if (!zeroTailInsignificant)
            return false;

        return TryPad(value, shortest, stop, digits, out count, out decimalExponent);
    }

    // x rounded half-even at place `stop`, from shortest digits that end at or below it.
    private static bool TryRound(in ShortestDecimal shortest, int stop, Span<char> digits, out int count, out int decimalExponent)
    {
        decimalExponent = shortest.Exponent;
        Span<char> all = stackalloc char[20];
        shortest.CopyDigitsTo(all);
        int n = shortest.Count;
        count = shortest.Exponent - stop + 1;
        all[..count].CopyTo(digits);
        if (count == n)
            return true;

        char next = all[count];
        if (next == '5' && count + 1 == n)
            return false;
        if (next < '5')
            return true;

        // Rounding up carries through nines, and Dragon4 leaves the zeros they become unwritten.
        while (count > 0)
        {
            if (digits[count - 1] != '9')
            {
                digits[count - 1]++;
                return true;
            }

            count--;
        }

        digits[0] = '1';
        count = 1;
        decimalExponent++;
        return true;
    }

    // x rounded at a place below its shortest digits: those digits followed by zeros, when provably so.
    private static bool TryPad(in BinaryFloat value, in ShortestDecimal shortest, int stop, Span<char> digits, out int count, out int decimalExponent)
    {
        count = 0;
        decimalExponent = shortest.Exponent;
        int wanted = shortest.Exponent - stop + 1;
        (int precisionBits, int maxPadded) = value.Format switch
        {
            BinaryFloatFormat.Double => (53, 15),
            BinaryFloatFormat.Single => (24, 6),
            BinaryFloatFormat.Half => (11, 3),
            _ => (0, 0),
        };

        bool normal = value.SignificandTopBit == precisionBits - 1;
        if (wanted > maxPadded || !normal)
            return TryWidened(value, shortest, stop, digits, out count, out decimalExponent);

        shortest.CopyDigitsTo(digits);
        digits[shortest.Count..wanted].Fill('0');
        count = wanted;
        return true;
    }

    // x rounded at `stop` from the digits of x widened to double, which is exact.
    private static bool TryWidened(in BinaryFloat value, in ShortestDecimal shortest, int stop, Span<char> digits, out int count, out int decimalExponent)
    {
        count = 0;
        decimalExponent = shortest.Exponent;
        if (value.Format is not (BinaryFloatFormat.Single or BinaryFloatFormat.Half))
            return false;

        var wide = BinaryFloat.FromDouble(Math.ScaleB((double)(ulong)value.Significand, value.Exponent));
        ShortestDecimal wideShortest = ShortestDecimal.Of(wide);
        if (!wideShortest.IsKnown || wideShortest.Exponent != shortest.Exponent ||
            (wideShortest.Significand == 1 && !IsPowerOfTen(wide, wideShortest.Exponent)))
            return false;

        // Double's shortest digits are the nearest of their length to x only up to a tie, and x, a float, may sit
        // exactly on one; stopping above them leaves no tie undetected.
        if (stop == wideShortest.LastPlace)
            return false;
        if (stop > wideShortest.LastPlace)
            return TryRound(wideShortest, stop, digits, out count, out decimalExponent);
        return TryPad(wide, wideShortest, stop, digits, out count, out decimalExponent);
    }

    private static bool IsPowerOfTen(in BinaryFloat value, int exponent)
    {
        if ((uint)exponent >= (uint)s_powersOfTen.Length)
            return false;
        return Math.ScaleB((double)(ulong)value.Significand, value.Exponent) == s_powersOfTen[exponent];
    }
}
