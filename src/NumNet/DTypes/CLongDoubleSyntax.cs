using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace NumNet.DTypes;

/// <summary>
/// Text read into a long double as NumPy reads it: <c>string_to_long_double</c> in
/// numpy/_core/src/multiarray/arraytypes.c.src hands the text (as a C string) to <c>NumPyOS_ascii_strtold</c>
/// (numpy/_core/src/common/numpyos.c), which skips ASCII white space and leaves the rest to C's <c>strtold</c>, and
/// then refuses text where nothing was read or something follows the number.
/// </summary>
internal static partial class CLongDoubleSyntax
{
    // C's isspace in the C locale.
    private const string CSpace = " \t\n\v\f\r";

    /// <summary>The value of <paramref name="text"/>, or false when NumPy refuses it.</summary>
    /// <remarks>
    /// White space alone is 0: the skipped white space moves the start that <c>strtold</c> reports as "nothing read",
    /// so NumPy's check (<c>end == s || *end</c>) passes. A C string ends at its first NUL. Hexadecimal text
    /// (<c>0x1.8p3</c>) is C's too. Decimal text goes to <see cref="LongDouble.TryParse(string, out LongDouble)"/>
    /// by the caller.
    /// </remarks>
    public static bool TryReadSpecial(string text, out LongDouble value)
    {
        value = default;
        if (text.Length > 0 && text.AsSpan().TrimStart(CSpace).IsEmpty)
            return true;
        var hex = HexFloat().Match(text);
        if (!hex.Success || hex.Groups["int"].Length + hex.Groups["frac"].Length == 0)
            return false;
        value = FromHex(hex.Groups["int"].Value + hex.Groups["frac"].Value, hex.Groups["frac"].Length, hex.Groups["exp"].Value);
        if (hex.Groups["sign"].Value == "-")
            value = -value;
        return true;
    }

    /// <summary>The text a C string holds: up to its first NUL.</summary>
    public static string AsCString(string text)
    {
        int nul = text.IndexOf('\0');
        return nul < 0 ? text : text[..nul];
    }

    // The digits' value times 2^(exponent - 4 per fraction digit), written out as exact decimal text and read by the
    // correctly rounding decimal reader; exponents far beyond the long double range give infinity or zero directly.
    private static LongDouble FromHex(string digits, int fractionDigits, string exponentText)
    {
        var mantissa = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        if (mantissa.IsZero)
            return default;
        long exponent = exponentText.Length == 0 ? 0
            : (long)BigInteger.Clamp(BigInteger.Parse(exponentText, CultureInfo.InvariantCulture), -100_000, 100_000);
        exponent -= 4L * fractionDigits;
        long topBit = (long)mantissa.GetBitLength() + exponent;
        if (topBit > 16_400)
            return LongDouble.PositiveInfinity;
        if (topBit < -16_500)
            return default;
        string decimalText = exponent >= 0
            ? (mantissa << (int)exponent).ToString(CultureInfo.InvariantCulture)
            : (mantissa * BigInteger.Pow(5, (int)-exponent)).ToString(CultureInfo.InvariantCulture) + "e" + exponent.ToString(CultureInfo.InvariantCulture);
        return LongDouble.Parse(decimalText);
    }

    [GeneratedRegex(@"^[ \t\n\v\f\r]*(?<sign>[+-]?)0[xX](?<int>[0-9a-fA-F]*)(?:\.(?<frac>[0-9a-fA-F]*))?(?:[pP](?<exp>[+-]?[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex HexFloat();
}
