using System;
using System.Globalization;

namespace NumNet.DTypes.Text.Digits;

/// <summary>
/// The shortest decimal that reads back as a given binary value in its own type, and the nearest such decimal when
/// several have that length: <c>Significand * 10^(Exponent - Count + 1)</c>, with no trailing zeros in
/// <see cref="Significand"/>. This is what NumPy's Dragon4 produces in unique mode without cutoffs, obtained from
/// .NET's own shortest round-trip formatting, which is an order of magnitude cheaper.
/// </summary>
/// <remarks>
/// Small enough (16 bytes) to keep one per printed element between the two passes of array printing, so each value
/// is converted to decimal only once.
/// </remarks>
internal readonly struct ShortestDecimal
{
    private ShortestDecimal(ulong significand, int exponent, int count)
    {
        Significand = significand;
        Exponent = exponent;
        Count = count;
    }

    /// <summary>The digits as an integer (at most 17 of them for the formats .NET can format).</summary>
    public ulong Significand { get; }

    /// <summary>Power of ten of the first digit.</summary>
    public int Exponent { get; }

    /// <summary>Number of digits; 0 for "not known" (<see cref="None"/>).</summary>
    public int Count { get; }

    /// <summary>Whether this holds digits.</summary>
    public bool IsKnown => Count != 0;

    /// <summary>Power of ten of the last digit.</summary>
    public int LastPlace => Exponent - Count + 1;

    /// <summary>No digits: the value has no .NET type, is zero, infinite or NaN, or .NET got it wrong.</summary>
    public static ShortestDecimal None => default;

    /// <summary>
    /// The shortest digits of a finite, non-zero value decoded from a .NET type; <see cref="None"/> for anything
    /// else. The sign is ignored.
    /// </summary>
    public static ShortestDecimal Of(in BinaryFloat value)
    {
        if (value.Kind != BinaryFloatKind.Finite || value.Significand == UInt128.Zero)
            return None;

        // The significand has at most 53 bits, so scaling it by its exponent rebuilds the value exactly.
        double magnitude = Math.ScaleB((double)(ulong)value.Significand, value.Exponent);
        Span<char> text = stackalloc char[32];
        int written;
        bool ok = value.Format switch
        {
            BinaryFloatFormat.Double => magnitude.TryFormat(text, out written, default, CultureInfo.InvariantCulture),
            BinaryFloatFormat.Single => ((float)magnitude).TryFormat(text, out written, default, CultureInfo.InvariantCulture),
            BinaryFloatFormat.Half => ((Half)magnitude).TryFormat(text, out written, default, CultureInfo.InvariantCulture),
            _ => Unformatted(out written),
        };
        if (!ok)
            return None;

        // For a power of two the lower neighbour is nearer than the upper one, and .NET can miss that and return
        // a string that reads back as the value below (2^-958 gives 4.104536801298376e-289). When the string does
        // read back it is the shortest and nearest even within the narrower interval, so it is checked, not
        // trusted.
        if (value.UnequalMargins && !ReadsBack(text[..written], value.Format, magnitude))
            return None;

        return Parse(text[..written]);
    }

    private static bool ReadsBack(ReadOnlySpan<char> text, BinaryFloatFormat format, double magnitude)
    {
        CultureInfo invariant = CultureInfo.InvariantCulture;
        return format switch
        {
            BinaryFloatFormat.Double => double.TryParse(text, NumberStyles.Float, invariant, out double d) && d == magnitude,
            BinaryFloatFormat.Single => float.TryParse(text, NumberStyles.Float, invariant, out float f) && f == (float)magnitude,
            BinaryFloatFormat.Half => Half.TryParse(text, NumberStyles.Float, invariant, out Half h) && h == (Half)magnitude,
            _ => false,
        };
    }

    /// <summary>Writes the digits as ASCII characters into <paramref name="digits"/>, which holds at least <see cref="Count"/>.</summary>
    public void CopyDigitsTo(Span<char> digits)
    {
        ulong rest = Significand;
        for (int i = Count - 1; i >= 0; i--)
        {
            (rest, ulong digit) = Math.DivRem(rest, 10UL);
            digits[i] = (char)('0' + (int)digit);
        }
    }

    private static bool Unformatted(out int written)
    {
        written = 0;
        return false;
    }

    // .NET writes "123.45", "0.00012", "1E-05" or "1.2345E+300"; only the digits and the decimal exponent matter.
    private static ShortestDecimal Parse(ReadOnlySpan<char> text)
    {
        ulong significand = 0;
        int count = 0;
        int integerDigits = 0;
        bool afterPoint = false;
        int i = 0;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '.')
            {
                afterPoint = true;
                continue;
            }

            if (c is < '0' or > '9')
                break;

            if (count == 0 && c == '0')
            {
                // Leading zeros ("0.00012") carry no digits; after the point they lower the exponent.
                if (afterPoint)
                    integerDigits--;
                continue;
            }

            significand = significand * 10 + (uint)(c - '0');
            count++;
            if (!afterPoint)
                integerDigits++;
        }

        int exponent = 0;
        if (i < text.Length && text[i] == 'E')
            exponent = int.Parse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

        if (count == 0 || count > 19)
            return None;

        while (significand % 10 == 0)
        {
            significand /= 10;
            count--;
        }

        return new ShortestDecimal(significand, integerDigits - 1 + exponent, count);
    }
}
