using System.Globalization;
using System.Text;

namespace NumNet.Cli;

/// <summary>
/// Writes a 0-, 1- or 2-d array as CSV: one line per row (a 1-d array one element per line), each element as NumPy's
/// <c>str</c> of it. Rows are converted to text a block at a time, so the text of the whole array never exists at once.
/// </summary>
internal static class CsvWriter
{
    private const int RowsPerBlock = 4096;

    /// <summary>Writes <paramref name="array"/>, reporting the fraction done to <paramref name="progress"/>.</summary>
    /// <exception cref="ArgumentException">More than two dimensions.</exception>
    public static void Write(TextWriter writer, NDArray array, CsvOptions options, Action<double>? progress = null)
    {
        if (array.NDim > 2)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"CSV holds at most 2 dimensions; this array has {array.NDim} (shape ({string.Join(", ", array.Shape)}))"));
        if (array.NDim == 0)
        {
            using var scalar = array.Reshape(1, 1);
            WriteBlock(writer, scalar, options.Delimiter);
            progress?.Invoke(1);
            return;
        }
        using var table = array.NDim == 1 ? array.Reshape(array.Shape[0], 1) : array[Slice.All];
        long rows = table.Shape[0];
        for (long start = 0; start < rows; start += RowsPerBlock)
        {
            using var block = table[np.s(start, Math.Min(start + RowsPerBlock, rows))];
            WriteBlock(writer, block, options.Delimiter);
            progress?.Invoke((double)(start + block.Shape[0]) / rows);
        }
        progress?.Invoke(1);
    }

    private static void WriteBlock(TextWriter writer, NDArray block, char delimiter)
    {
        using var text = block.AsType(np.str_);
        long rows = text.Shape[0];
        long cols = text.Shape[1];
        var line = new StringBuilder();
        for (long r = 0; r < rows; r++)
        {
            line.Clear();
            for (long c = 0; c < cols; c++)
            {
                if (c > 0)
                    line.Append(delimiter);
                AppendCell(line, text.GetValue(r, c) as string ?? "", delimiter, onlyCell: cols == 1);
            }
            line.Append('\n');
            writer.Write(line);
        }
    }

    /// <summary>
    /// Appends <paramref name="cell"/>, quoted (RFC 4180: inner quotes doubled) when reading it back would otherwise
    /// give something else: it holds the delimiter, a quote or a line break; it starts or ends with white space (which
    /// many readers strip); or it is empty and alone on its line (a blank line, which readers skip).
    /// </summary>
    public static void AppendCell(StringBuilder line, string cell, char delimiter, bool onlyCell)
    {
        if (!NeedsQuotes(cell, delimiter, onlyCell))
        {
            line.Append(cell);
            return;
        }
        line.Append('"');
        foreach (char ch in cell)
        {
            if (ch == '"')
                line.Append('"');
            line.Append(ch);
        }
        line.Append('"');
    }

    private static bool NeedsQuotes(string cell, char delimiter, bool onlyCell)
    {
        if (cell.Length == 0)
            return onlyCell;
        return cell.AsSpan().IndexOfAny(delimiter, '"', '\n') >= 0 || cell.Contains('\r')
            || char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]);
    }
}
