namespace NumNet.DTypes.Chrono;

/// <summary>
/// The C library's <c>strtol</c> in base 10 on a 64-bit Linux <c>long</c>, which NumPy uses for metadata multipliers
/// and for timedelta strings; its quirks (leading white space, a sign, saturation instead of an error) are part of
/// what NumPy accepts.
/// </summary>
internal static class CIntegerScanner
{
    /// <summary>Whether <paramref name="c"/> is white space for C's <c>isspace</c> in the "C" locale.</summary>
    public static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>Whether <paramref name="c"/> is an ASCII digit (C's <c>isdigit</c>).</summary>
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>
    /// Scans an integer at <paramref name="start"/>. Returns false when no digit follows the optional white space and
    /// sign (C then reports no conversion, so <paramref name="end"/> is <paramref name="start"/>). Values past the
    /// range of <c>long</c> saturate.
    /// </summary>
    public static bool TryScan(ReadOnlySpan<char> text, int start, out long value, out int end)
    {
        int i = start;
        while (i < text.Length && IsCSpace(text[i]))
            i++;
        bool negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        int firstDigit = i;
        // Accumulate the magnitude as a negative number so that long.MinValue is reachable without overflow.
        long acc = 0;
        bool saturated = false;
        while (i < text.Length && IsDigit(text[i]))
        {
            int digit = text[i] - '0';
            if (!saturated)
            {
                if (acc < (long.MinValue + digit) / 10)
                    saturated = true;
                else
                    acc = acc * 10 - digit;
            }
            i++;
        }
        if (i == firstDigit)
        {
            value = 0;
            end = start;
            return false;
        }
        end = i;
        if (saturated)
            value = negative ? long.MinValue : long.MaxValue;
        else if (negative)
            value = acc;
        else
            value = acc == long.MinValue ? long.MaxValue : -acc;
        return true;
    }
}
