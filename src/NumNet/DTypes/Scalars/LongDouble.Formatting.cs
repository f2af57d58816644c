using System.Globalization;
using NumNet.DTypes.Text.Digits;

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

        // NumPy's Dragon4 in unique mode, on the allocation-free generator that prints float128 arrays.
        var scratch = FormatScratch.Current;
        int count = DigitGenerator.Generate(BinaryFloat.FromX87Extended(_signExponent, _significand), DigitMode.Unique,
            CutoffMode.TotalLength, cutoffMax: -1, cutoffMin: -1, maxDigits: MaxShortestDigits, scratch, out int exponent10);
        ReadOnlySpan<char> digits = scratch.Digits.AsSpan(0, count);
        Span<char> text = stackalloc char[MaxShortestDigits + 16];
        int length = 0;
        if (SignBit)
            text[length++] = '-';
        LongDouble magnitude = Abs(this);
        length += magnitude >= ScientificBelow && magnitude < ScientificFrom
            ? WritePositional(text[length..], digits, exponent10)
            : WriteScientific(text[length..], digits, exponent10);
        return new string(text[..length]);
    }

    // 64 significand bits need at most 21 significant digits to be unique; the cap only bounds the scratch space.
    private const int MaxShortestDigits = 40;

    private static int WritePositional(Span<char> text, ReadOnlySpan<char> digits, int exponent10)
    {
        if (exponent10 < 0)
        {
            int zeros = -exponent10 - 1;
            "0.".CopyTo(text);
            text.Slice(2, zeros).Fill('0');
            digits.CopyTo(text[(2 + zeros)..]);
            return 2 + zeros + digits.Length;
        }

        int whole = exponent10 + 1;
        if (digits.Length <= whole)
        {
            digits.CopyTo(text);
            text[digits.Length..whole].Fill('0');
            ".0".CopyTo(text[whole..]);
            return whole + 2;
        }

        digits[..whole].CopyTo(text);
        text[whole] = '.';
        digits[whole..].CopyTo(text[(whole + 1)..]);
        return digits.Length + 1;
    }

    private static int WriteScientific(Span<char> text, ReadOnlySpan<char> digits, int exponent10)
    {
        int n = 0;
        text[n++] = digits[0];
        if (digits.Length > 1)
        {
            text[n++] = '.';
            digits[1..].CopyTo(text[n..]);
            n += digits.Length - 1;
        }

        text[n++] = 'e';
        text[n++] = exponent10 < 0 ? '-' : '+';
        Math.Abs(exponent10).TryFormat(text[n..], out int written, "00", CultureInfo.InvariantCulture);
        return n + written;
    }
}
