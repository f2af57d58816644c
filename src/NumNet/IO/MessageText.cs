using System.Globalization;
using System.Text;

namespace NumNet.IO;

/// <summary>Text from files and callers made safe to print inside a one-line message.</summary>
internal static class MessageText
{
    /// <summary><paramref name="text"/> with control and formatting characters written as Python escapes (<c>\n</c>, <c>\x1b</c>, <c>\u202e</c>).</summary>
    public static string OneLine(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            bool hidden = category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
            if (!hidden)
                sb.Append(rune.ToString());
            else if (rune.Value == '\n')
                sb.Append("\\n");
            else if (rune.Value == '\r')
                sb.Append("\\r");
            else if (rune.Value == '\t')
                sb.Append("\\t");
            else if (rune.Value <= 0xFF)
                sb.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
            else if (rune.Value <= 0xFFFF)
                sb.Append(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}");
            else
                sb.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}");
        }
        return sb.ToString();
    }
}
