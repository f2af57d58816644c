using System;

namespace NumNet.DTypes.Text.Digits;

/// <summary>Lays out generated digits as <c>d.ddde+XX</c>, the way NumPy's scientific printer does.</summary>
internal static class ScientificLayout
{
    /// <summary>Formats a finite value; every optional count uses -1 for "not given".</summary>
    public static string Format(
        in BinaryFloat value,
        char sign,
        DigitMode mode,
        int precision,
        int minDigits,
        TrimMode trim,
        int padLeft,
        int expDigits)
    {
        FormatScratch scratch = FormatScratch.Current;
        int length = Write(value, ShortestDecimal.None, sign, mode, precision, minDigits, trim, padLeft, expDigits, scratch);
        return new string(scratch.Text, 0, length);
    }

    /// <summary>Formats a finite value, left padding included, into <see cref="FormatScratch.Text"/> and returns its length.</summary>
    /// <param name="value">The value.</param>
    /// <param name="known">Its shortest digits if already computed, or <see cref="ShortestDecimal.None"/>.</param>
    /// <param name="sign">The sign character, or '\0' for none.</param>
    /// <param name="mode">Shortest-unique or exact digits.</param>
    /// <param name="precision">Most digits after the point; -1 for no limit.</param>
    /// <param name="minDigits">Least digits after the point in unique mode; -1 for none.</param>
    /// <param name="trim">What to do with trailing zeros and the point.</param>
    /// <param name="padLeft">Characters wanted before the point; -1 for no padding.</param>
    /// <param name="expDigits">Least exponent digits; -1 for the default of two.</param>
    /// <param name="scratch">The calling thread's storage.</param>
    public static int Write(
        in BinaryFloat value,
        in ShortestDecimal known,
        char sign,
        DigitMode mode,
        int precision,
        int minDigits,
        TrimMode trim,
        int padLeft,
        int expDigits,
        FormatScratch scratch)
    {
        int signLength = sign == '\0' ? 0 : 1;
        int leftPad = Math.Max(padLeft - (1 + signLength), 0);

        // Precision counts digits after the point, so one more significant digit is wanted.
        int count = FastDigits.Generate(
            value,
            mode,
            CutoffMode.TotalLength,
            precision < 0 ? -1 : precision + 1,
            minDigits < 0 ? -1 : minDigits + 1,
            Math.Max(FormatLimits.MaxLength + 1 - leftPad - signLength, 1),
            // Dragon4 leaves out zeros it carries into, which decides whether a bare point stays ("7e-05" against
            // "7.e-05"), so only that trim mode needs the exact digit count.
            zeroTailInsignificant: trim != TrimMode.DotAndZeros,
            known,
            scratch,
            out int exponent);
        char[] digits = scratch.Digits;

        var text = new TextBuilder(scratch.Text);
        text.Append(' ', leftPad);
        if (signLength != 0)
        {
            text.Append(sign);
        }

        text.Append(digits[0]);
        int fraction = count - 1;
        if (fraction > 0)
        {
            text.Append('.');
            text.Append(digits.AsSpan(1, fraction));
        }
        else if (trim != TrimMode.DotAndZeros)
        {
            text.Append('.');
        }

        int wanted = Math.Max(mode == DigitMode.Unique ? minDigits : precision, 0);
        if (trim == TrimMode.Zero)
        {
            if (fraction == 0)
            {
                text.Append('0');
                fraction = 1;
            }
        }
        else if (trim == TrimMode.Keep && wanted > fraction)
        {
            text.Append('0', wanted - fraction);
            fraction = wanted;
        }

        if (trim != TrimMode.Keep && fraction > 0)
        {
            TrailingZeros.Trim(ref text, fraction, trim, dropBarePoint: false);
        }

        AppendExponent(ref text, exponent, expDigits);
        return text.Length;
    }

    private static void AppendExponent(ref TextBuilder text, int exponent, int expDigits)
    {
        // Unspecified means at least two digits; NumPy never pads beyond five.
        int minWidth = expDigits < 0 ? 2 : Math.Min(expDigits, 5);
        text.Append('e');
        text.Append(exponent < 0 ? '-' : '+');

        Span<char> buffer = stackalloc char[11];
        int magnitude = Math.Abs(exponent);
        int length = 0;
        while (magnitude != 0)
        {
            buffer[buffer.Length - ++length] = (char)('0' + (magnitude % 10));
            magnitude /= 10;
        }

        // An exponent of zero with a minimum width of zero prints no digits at all ("1.e+"), as NumPy does.
        text.Append('0', minWidth - length);
        text.Append(buffer[^length..]);
    }
}
