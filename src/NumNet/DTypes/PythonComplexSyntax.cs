using System.Numerics;

namespace NumNet.DTypes;

/// <summary>Python's <c>complex(text)</c>: "1.5", "2j", "1+2j", "(3-1e-3J)", with surrounding blanks.</summary>
internal static class PythonComplexSyntax
{
    /// <exception cref="ArgumentException">Text that is not a complex number (Python's ValueError).</exception>
    public static Complex Parse(string text)
    {
        if (TryParse(text, out var value))
            return value;
        throw new ArgumentException($"complex() arg is a malformed string: '{text}'");
    }

    private static bool TryParse(string text, out Complex value)
    {
        value = default;
        string s = text.Trim();
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
            s = s[1..^1].Trim();
        if (s.Length == 0)
            return false;
        if (s[^1] is not ('j' or 'J'))
        {
            if (!PythonNumberSyntax.TryParseFloat(s, out double re) || HasInnerBlank(s))
                return false;
            value = new Complex(re, 0);
            return true;
        }
        string body = s[..^1];
        int split = -1;
        // The imaginary part starts at the last sign that is not the leading one or an exponent's.
        for (int i = body.Length - 1; i > 0; i--)
        {
            if (body[i] is '+' or '-' && body[i - 1] is not ('e' or 'E'))
            {
                split = i;
                break;
            }
        }
        string realText = split < 0 ? "0" : body[..split];
        string imagText = split < 0 ? body : body[split..];
        if (imagText is "" or "+" or "-")
            imagText += "1";
        if (HasInnerBlank(body) || !PythonNumberSyntax.TryParseFloat(realText, out double r)
            || !PythonNumberSyntax.TryParseFloat(imagText, out double im))
        {
            return false;
        }
        value = new Complex(r, im);
        return true;
    }

    private static bool HasInnerBlank(string s) => s.AsSpan().IndexOfAny(' ', '\t') >= 0;
}
