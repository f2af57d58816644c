using System;

namespace NumNet.DTypes.Text.Digits;

/// <summary>Lays out generated digits as <c>ddd.ddd</c>, the way NumPy's positional printer does.</summary>
internal static class PositionalLayout
{
    /// <summary>Formats a finite value; every optional count uses -1 for "not given".</summary>
    public static string Format(
        in BinaryFloat value,
        char sign,
        DigitMode mode,
        CutoffMode cutoffMode,
        int precision,
        int minDigits,
        TrimMode trim,
        int padLeft,
        int padRight)
    {
        FormatScratch scratch = FormatScratch.Current;
        int leftPad = Write(value, ShortestDecimal.None, sign, mode, cutoffMode, precision, minDigits, trim, padLeft, padRight, scratch, out int length);
        return new TextBuilder(scratch.Text) { Length = length }.ToString(leftPad);
    }

    /// <summary>
    /// Formats a finite value into <see cref="FormatScratch.Text"/> without its left padding, and returns how many
    /// spaces belong in front of it (possibly negative, meaning none).
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="known">Its shortest digits if already computed, or <see cref="ShortestDecimal.None"/>.</param>
    /// <param name="sign">The sign character, or '\0' for none.</param>
    /// <param name="mode">Shortest-unique or exact digits.</param>
    /// <param name="cutoffMode">Whether the counts are significant digits or digits after the point.</param>
    /// <param name="precision">Most digits; -1 for no limit.</param>
    /// <param name="minDigits">Least digits in unique mode; -1 for none.</param>
    /// <param name="trim">What to do with trailing zeros and the point.</param>
    /// <param name="padLeft">Characters wanted before the point; -1 for no padding.</param>
    /// <param name="padRight">Characters wanted after the point; -1 for no padding.</param>
    /// <param name="scratch">The calling thread's storage.</param>
    /// <param name="length">Receives the number of characters written.</param>
    public static int Write(
        in BinaryFloat value,
        in ShortestDecimal known,
        char sign,
        DigitMode mode,
        CutoffMode cutoffMode,
        int precision,
        int minDigits,
        TrimMode trim,
        int padLeft,
        int padRight,
        FormatScratch scratch,
        out int length)
    {
        int signLength = sign == '\0' ? 0 : 1;
        int count = FastDigits.Generate(
            value,
            mode,
            cutoffMode,
            precision,
            minDigits,
            FormatLimits.MaxLength - signLength,
            cutoffMode == CutoffMode.FractionLength,
            known,
            scratch,
            out int exponent);
        char[] digits = scratch.Digits;

        var text = new TextBuilder(scratch.Text);
        if (signLength != 0)
        {
            text.Append(sign);
        }

        int whole;
        int fraction;
        if (exponent >= 0)
        {
            whole = exponent + 1;
            if (count <= whole)
            {
                text.Append(digits.AsSpan(0, count));
                text.Append('0', whole - count);
                fraction = 0;
            }
            else
            {
                text.Append(digits.AsSpan(0, whole));
                text.Append('.');
                text.Append(digits.AsSpan(whole, count - whole));
                fraction = count - whole;
            }
        }
        else
        {
            int leadingZeros = -exponent - 1;
            text.Append("0.");
            text.Append('0', leadingZeros);
            text.Append(digits.AsSpan(0, count));
            whole = 1;
            fraction = leadingZeros + count;
        }

        if (fraction == 0 && trim != TrimMode.DotAndZeros)
        {
            text.Append('.');
        }

        // Zero padding fills up to min_digits in unique mode and to the precision in exact mode; with a
        // significant-digit cutoff the digits before the point count towards it.
        int wanted = mode == DigitMode.Unique ? minDigits : precision;
        int wantedFraction = cutoffMode == CutoffMode.TotalLength ? wanted - whole : Math.Max(wanted, 0);
        if (trim == TrimMode.Zero)
        {
            if (fraction == 0)
            {
                text.Append('0');
                fraction = 1;
            }
        }
        else if (trim == TrimMode.Keep && wantedFraction > fraction)
        {
            text.Append('0', wantedFraction - fraction);
            fraction = wantedFraction;
        }

        if (trim != TrimMode.Keep && fraction > 0)
        {
            fraction = TrailingZeros.Trim(ref text, fraction, trim);
        }

        if (padRight >= fraction)
        {
            if (trim == TrimMode.DotAndZeros && fraction == 0)
            {
                // Keeps columns aligned with values that do show a decimal point.
                text.Append(' ');
            }

            text.Append(' ', padRight - fraction);
        }

        length = text.Length;
        return padLeft - (whole + signLength);
    }
}
