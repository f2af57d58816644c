using System.Globalization;
using System.Numerics;

namespace NumNet.DTypes;

/// <summary>NumPy's <c>str()</c> of a scalar, used when numbers are stored into S and U elements.</summary>
internal static class ScalarText
{
    /// <summary>The text of <paramref name="value"/> as NumPy's <c>str(scalar)</c> gives it.</summary>
    public static string Format(object value) => value switch
    {
        double d => FormatFloat(d),
        float f => FormatFloat(f),
        Half h => FormatFloat((float)h),
        BigInteger i => i.ToString(CultureInfo.InvariantCulture),
        Complex c => FormatComplex(c),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    // Python's repr of a complex: parts without a forced ".0", the real part left out when it is +0.
    private static string FormatComplex(Complex c)
    {
        string im = ComplexPart(c.Imaginary) + "j";
        if (c.Real == 0 && !double.IsNegative(c.Real))
            return im;
        string sign = double.IsNegative(c.Imaginary) || double.IsNaN(c.Imaginary) && im.StartsWith('-') ? "" : "+";
        return $"({ComplexPart(c.Real)}{sign}{im})";
    }

    private static string ComplexPart(double d)
    {
        string r = FormatFloat(d);
        return r.EndsWith(".0", StringComparison.Ordinal) ? r[..^2] : r;
    }

    // Python's repr of a float: shortest round trip, ".0" for integral values, exponent from 1e16.
    private static string FormatFloat(double d)
    {
        if (double.IsNaN(d)) return "nan";
        if (double.IsInfinity(d)) return d > 0 ? "inf" : "-inf";
        string r = d.ToString("R", CultureInfo.InvariantCulture);
        if (r.Contains('E'))
        {
            var parts = r.Split('E');
            int exp = int.Parse(parts[1], CultureInfo.InvariantCulture);
            if (exp >= -5 && exp < 16)
                r = d.ToString("F" + Math.Max(0, -exp + (parts[0].Length - parts[0].IndexOf('.') - 1)), CultureInfo.InvariantCulture);
            else
                return parts[0] + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }
        return r.Contains('.') ? r : r + ".0";
    }
}
