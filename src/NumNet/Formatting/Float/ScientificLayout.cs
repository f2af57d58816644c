using System;

namespace NumNet.Formatting.Float;

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
        int signLength = sign == '\0' ? 0 : 1;
        int leftPad = Math.Max(padLeft - (1 + signLength), 0);

        // Precision counts digits after the point, so one more significant digit is wanted.
        int count = DigitGenerator.Generate(
            value,
            mode,
            CutoffMode.TotalLength,
            precision < 0 ? -1 : precision + 1,
            minDigits < 0 ? -1 : minDigits + 1,
            Math.Max(FormatLimits.MaxLength + 1 - leftPad - signLength, 1),
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
        return text.ToString();
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
