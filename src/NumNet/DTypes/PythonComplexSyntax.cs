using System.Numerics;

namespace NumNet.DTypes;

/// <summary>Python's <c>complex(text)</c>: "1+2j", "-3.5j", "j", "(1-1e3j)", "2", with surrounding blanks allowed.</summary>
internal static class PythonComplexSyntax
{
    /// <summary>Parses <paramref name="text"/>; bad text raises <see cref="ArgumentException"/> with Python's message.</summary>
    public static Complex Parse(string text)
    {
        string s = text.Trim();
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
            s = s[1..^1].Trim();
        if (s.Length > 0 && s[^1] is 'j' or 'J')
        {
            string body = s[..^1];
            // The imaginary part starts at the last sign that is not part of an exponent.
            int split = -1;
            for (int i = body.Length - 1; i > 0; i--)
            {
                if (body[i] is '+' or '-' && body[i - 1] is not ('e' or 'E'))
                {
                    split = i;
                    break;
                }
            }
            string re = split < 0 ? "0" : body[..split];
            string im = split < 0 ? body : body[split..];
            if (im is "" or "+" or "-")
                im += "1";
            if (PythonNumberSyntax.TryParseFloat(re, out double r) && PythonNumberSyntax.TryParseFloat(im, out double i2))
                return new Complex(r, i2);
        }
        else if (PythonNumberSyntax.TryParseFloat(s, out double real))
        {
            return new Complex(real, 0);
        }
        throw new ArgumentException("complex() arg is a malformed string");
    }
}
