using System;

namespace NumNet.Formatting.Float;

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
        int signLength = sign == '\0' ? 0 : 1;
        int count = DigitGenerator.Generate(
            value, mode, cutoffMode, precision, minDigits, FormatLimits.MaxLength - signLength, scratch, out int exponent);
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

        return text.ToString(padLeft - (whole + signLength));
    }
}
