using System.Globalization;
using System.Numerics;
using System.Text;

namespace NumNet.Cli;

/// <summary>
/// CSV in and out. Reading turns each cell into a Python-like value (an integer as <see cref="BigInteger"/>, a
/// float as double, anything else as its text) and hands the rows to <c>np.asarray</c>, so NumPy's dtype discovery
/// decides the dtype (int64, float64, a string dtype, or an error for ragged rows). Writing prints each element as
/// NumPy's <c>str</c> of it.
/// </summary>
internal static class Csv
{
    /// <summary>Parses all rows into a 2-d array (rows by columns).</summary>
    /// <exception cref="InvalidDataException">No rows, or an unterminated quoted cell.</exception>
    /// <exception cref="ArgumentException">Rows of different lengths (NumPy's ragged-array error).</exception>
    public static NDArray Read(TextReader reader)
    {
        var rows = new List<object?[]>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
                continue;
            // A quoted cell may hold line breaks: keep reading until its quote closes.
            while (!QuotesBalanced(line))
            {
                string? next = reader.ReadLine() ?? throw new InvalidDataException($"CSV line {lineNumber}: a quoted cell is never closed");
                line += "\n" + next;
            }
            rows.Add(SplitCells(line).Select(Value).ToArray());
        }
        if (rows.Count == 0)
            throw new InvalidDataException("the CSV file holds no rows");
        return np.asarray(rows.ToArray());
    }

    /// <summary>Writes a 0-, 1- or 2-d array: one line per row, a 1-d array one element per line.</summary>
    /// <exception cref="ArgumentException">More than two dimensions.</exception>
    public static void Write(TextWriter writer, NDArray array, Action<double>? progress = null)
    {
        if (array.NDim > 2)
            throw new ArgumentException($"CSV holds at most 2 dimensions; this array has {array.NDim} (shape ({string.Join(", ", array.Shape)}))");
        using var text = array.AsType(np.str_);
        long rows = array.NDim == 0 ? 1 : array.Shape[0];
        long cols = array.NDim == 2 ? array.Shape[1] : 1;
        var sb = new StringBuilder();
        for (long r = 0; r < rows; r++)
        {
            sb.Clear();
            for (long c = 0; c < cols; c++)
            {
                if (c > 0)
                    sb.Append(',');
                object? cell = array.NDim switch
                {
                    0 => text.GetValue(),
                    1 => text.GetValue(r),
                    _ => text.GetValue(r, c),
                };
                AppendCell(sb, cell as string ?? "");
            }
            writer.Write(sb);
            writer.Write('\n');
            if ((r & 1023) == 0)
                progress?.Invoke((double)r / rows);
        }
        progress?.Invoke(1);
    }

    private static object Value(string cell)
    {
        string t = cell.Trim();
        if (t.Length > 0 && IsInteger(t))
            return BigInteger.Parse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        switch (t.ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan": return double.NaN;
            case "inf" or "+inf" or "infinity" or "+infinity": return double.PositiveInfinity;
            case "-inf" or "-infinity": return double.NegativeInfinity;
        }
        if (t.Length > 0 && (char.IsAsciiDigit(t[^1]) || t[^1] == '.')
            && double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
            return d;
        return cell;
    }

    private static bool IsInteger(string t)
    {
        int start = t[0] is '+' or '-' ? 1 : 0;
        if (start == t.Length)
            return false;
        for (int i = start; i < t.Length; i++)
        {
            if (!char.IsAsciiDigit(t[i]))
                return false;
        }
        return true;
    }

    private static bool QuotesBalanced(string line) => line.Count(c => c == '"') % 2 == 0;

    private static List<string> SplitCells(string line)
    {
        var cells = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    sb.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    sb.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(sb.ToString());
                sb.Clear();
            }
            else if (c != '\r' || i != line.Length - 1)
            {
                sb.Append(c);
            }
        }
        cells.Add(sb.ToString());
        return cells;
    }

    private static void AppendCell(StringBuilder sb, string cell)
    {
        bool quote = cell.Length > 0 && (cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 || char.IsWhiteSpace(cell[0]) || char.IsWhiteSpace(cell[^1]));
        if (!quote)
        {
            sb.Append(cell);
            return;
        }
        sb.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
    }
}
