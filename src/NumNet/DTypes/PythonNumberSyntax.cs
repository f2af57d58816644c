using System.Globalization;
using System.Numerics;

namespace NumNet.DTypes;

/// <summary>The number syntax of Python's <c>int()</c> and <c>float()</c>, which NumPy uses to parse text.</summary>
internal static class PythonNumberSyntax
{
    /// <summary>
    /// Python's <c>float(text)</c>: surrounding whitespace, an optional sign, digits with optional underscores between
    /// them, a fraction and exponent, or inf / infinity / nan in any case.
    /// </summary>
    public static bool TryParseFloat(string text, out double value)
    {
        value = 0;
        string s = text.Trim();
        if (s.Length == 0)
            return false;
        int start = s[0] is '+' or '-' ? 1 : 0;
        string body = s[start..];
        bool negative = s[0] == '-';
        if (body.Equals("inf", StringComparison.OrdinalIgnoreCase) || body.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        if (body.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? -double.NaN : double.NaN;
            return true;
        }
        if (!IsDecimalFloat(body))
            return false;
        return double.TryParse(s.Replace("_", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Python's <c>int(text)</c> in base 10: whitespace, sign, digits with single underscores between them.</summary>
    public static bool TryParseInt(string text, out BigInteger value)
    {
        value = default;
        string s = text.Trim();
        if (s.Length == 0)
            return false;
        int start = s[0] is '+' or '-' ? 1 : 0;
        if (!IsDigitRun(s.AsSpan(start)))
            return false;
        value = BigInteger.Parse(s.Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool IsDecimalFloat(string body)
    {
        int e = body.IndexOfAny(['e', 'E']);
        string mantissa = e < 0 ? body : body[..e];
        if (e >= 0)
        {
            string exp = body[(e + 1)..];
            int expStart = exp.Length > 0 && exp[0] is '+' or '-' ? 1 : 0;
            if (!IsDigitRun(exp.AsSpan(expStart)))
                return false;
        }
        int dot = mantissa.IndexOf('.');
        if (dot < 0)
            return IsDigitRun(mantissa);
        var intPart = mantissa.AsSpan(0, dot);
        var fracPart = mantissa.AsSpan(dot + 1);
        if (intPart.Length == 0 && fracPart.Length == 0)
            return false;
        return (intPart.Length == 0 || IsDigitRun(intPart)) && (fracPart.Length == 0 || IsDigitRun(fracPart));
    }

    // Digits, with underscores allowed only between two digits (Python's grammar).
    private static bool IsDigitRun(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]) || !char.IsAsciiDigit(s[^1]))
            return false;
        for (int i = 1; i < s.Length; i++)
        {
            if (s[i] == '_' && s[i - 1] == '_')
                return false;
            if (s[i] != '_' && !char.IsAsciiDigit(s[i]))
                return false;
        }
        return true;
    }
}
