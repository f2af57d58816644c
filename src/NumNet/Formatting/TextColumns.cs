using System.Text;

namespace NumNet.Formatting;

/// <summary>
/// Widths as NumPy's printing measures them: Python's <c>len</c>, one per code point, so a character outside the
/// Basic Multilingual Plane (a UTF-16 surrogate pair in .NET) takes one column, not two.
/// </summary>
internal static class TextColumns
{
    /// <summary>The code points in <paramref name="text"/>.</summary>
    public static int Of(ReadOnlySpan<char> text) => text.Length - LowSurrogates(text);

    /// <summary>The code points of the last line of <paramref name="sb"/> (after its last newline).</summary>
    public static int OfLastLine(StringBuilder sb)
    {
        int columns = 0;
        for (int i = sb.Length - 1; i >= 0 && sb[i] != '\n'; i--)
        {
            if (!char.IsLowSurrogate(sb[i]))
                columns++;
        }
        return columns;
    }

    /// <summary>How many UTF-16 units of <paramref name="text"/> are the second half of a pair (not a column each).</summary>
    public static int LowSurrogates(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (char.IsLowSurrogate(c))
                count++;
        }
        return count;
    }
}
