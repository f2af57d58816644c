using System.Globalization;

namespace NumNet.Casting;

/// <summary>
/// NumPy's <c>str()</c> of a float64 (the text it becomes in a <c>U</c> array) written into a caller's buffer, for
/// casts that format millions of elements. Same text as <see cref="ScalarStr.Float64"/>: shortest round-trip digits,
/// positional from 1e-4 up to 1e16 with at least one digit after the point, scientific outside with a two-digit
/// minimum exponent.
/// </summary>
/// <remarks>
/// The digits come from .NET's own shortest round-trip formatting ("R"), which picks the same digits as NumPy's Dragon4
/// in unique mode (shortest, then closest) except at the bottom of a binade (see <see cref="IsBinadeBottom"/>); only
/// the layout is rebuilt here.
/// </remarks>
internal static class Float64Text
{
    /// <summary>Longest text this can produce ("-1.2345678901234567e-308" is 24).</summary>
    public const int MaxLength = 32;

    /// <summary>Writes the text of <paramref name="x"/> to <paramref name="destination"/> (at least <see cref="MaxLength"/> long) and returns its length.</summary>
    public static int Format(double x, Span<char> destination)
    {
        if (!double.IsFinite(x))
            return Copy(double.IsNaN(x) ? "nan" : x > 0 ? "inf" : "-inf", destination);
        if (x == 0)
            return Copy(double.IsNegative(x) ? "-0.0" : "0.0", destination);

        Span<char> raw = stackalloc char[MaxLength];
        x.TryFormat(raw, out int rawLength, "R", CultureInfo.InvariantCulture);
        Span<char> digits = stackalloc char[MaxLength];
        int count = 0, pointAt = -1, exponent = 0;
        for (int i = x < 0 ? 1 : 0; i < rawLength; i++)
        {
            char c = raw[i];
            if (c == '.')
                pointAt = count;
            else if (c == 'E')
            {
                exponent = int.Parse(raw[(i + 1)..rawLength], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
            }
            else
                digits[count++] = c;
        }
        if (pointAt < 0)
            pointAt = count;
        // Normalise to 0.d1d2… × 10^(pointAt + exponent) with d1 ≠ 0 and no trailing zeros.
        int lead = 0;
        while (digits[lead] == '0')
            lead++;
        int end = count;
        while (digits[end - 1] == '0')
            end--;
        var significant = digits[lead..end];
        int firstPower = pointAt - lead + exponent - 1;
        if (significant.Length >= 16 && IsBinadeBottom(x))
            return Copy(ScalarStr.Float64(x), destination);

        int n = 0;
        if (x < 0)
            destination[n++] = '-';
        double abs = Math.Abs(x);
        if (abs >= 1e-4 && abs < 1e16)
        {
            if (firstPower >= 0)
            {
                int whole = firstPower + 1;
                for (int i = 0; i < whole; i++)
                    destination[n++] = i < significant.Length ? significant[i] : '0';
                destination[n++] = '.';
                if (whole >= significant.Length)
                    destination[n++] = '0';
                else
                    n += Copy(significant[whole..], destination[n..]);
            }
            else
            {
                destination[n++] = '0';
                destination[n++] = '.';
                for (int i = -1; i > firstPower; i--)
                    destination[n++] = '0';
                n += Copy(significant, destination[n..]);
            }
            return n;
        }
        destination[n++] = significant[0];
        if (significant.Length > 1)
        {
            destination[n++] = '.';
            n += Copy(significant[1..], destination[n..]);
        }
        destination[n++] = 'e';
        destination[n++] = firstPower < 0 ? '-' : '+';
        int power = Math.Abs(firstPower);
        if (power < 10)
            destination[n++] = '0';
        power.TryFormat(destination[n..], out int written, default, CultureInfo.InvariantCulture);
        return n + written;
    }

    // A power of two has a lower neighbour half as far as its upper one. .NET's shortest digits can land in the
    // wider gap there and come out one digit shorter than Dragon4's ("2.980232238769531e-08" for 2^-25, which does not
    // round-trip); exact short values are unaffected, so only long results take the exact printer.
    private static bool IsBinadeBottom(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        return (bits & 0x000F_FFFF_FFFF_FFFFL) == 0 && ((bits >> 52) & 0x7FF) > 1;
    }

    private static int Copy(ReadOnlySpan<char> text, Span<char> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
