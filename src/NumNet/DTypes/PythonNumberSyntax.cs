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
    public static bool TryParseFloat(string text, out double value) => TryParseFloat(text.AsSpan(), out value);

    /// <inheritdoc cref="TryParseFloat(string, out double)"/>
    public static bool TryParseFloat(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        var s = text.Trim();
        if (s.Length == 0)
            return false;
        int start = s[0] is '+' or '-' ? 1 : 0;
        var body = s[start..];
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
        if (s.IndexOf('_') < 0)
            return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        // Underscores are only grouping; .NET's parser does not take them.
        Span<char> plain = s.Length <= 256 ? stackalloc char[s.Length] : new char[s.Length];
        int n = 0;
        foreach (char c in s)
        {
            if (c != '_')
                plain[n++] = c;
        }
        return double.TryParse(plain[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
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

    private static bool IsDecimalFloat(ReadOnlySpan<char> body)
    {
        int e = body.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? body : body[..e];
        if (e >= 0)
        {
            var exp = body[(e + 1)..];
            int expStart = exp.Length > 0 && exp[0] is '+' or '-' ? 1 : 0;
            if (!IsDigitRun(exp[expStart..]))
                return false;
        }
        int dot = mantissa.IndexOf('.');
        if (dot < 0)
            return IsDigitRun(mantissa);
        var intPart = mantissa[..dot];
        var fracPart = mantissa[(dot + 1)..];
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
