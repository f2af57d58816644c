using System.Text;
using NumNet.Formatting.Formatters;

namespace NumNet.Formatting;

/// <summary>
/// Lays the element texts out as NumPy 2's <c>_formatArray</c> does: nested brackets, one row of the last axis per
/// line (wrapped at the line width), blank lines between blocks of higher axes, and <c>...</c> where a summarized
/// dimension skips items. Writes straight into one <see cref="StringBuilder"/>.
/// </summary>
/// <remarks>
/// Text is never built per sub-array: the column of the line being written equals the length NumPy's version
/// tracks (its hanging indent stands for exactly the prefix and brackets already written), so wrap decisions are
/// made against the builder's current column.
/// </remarks>
internal sealed class LineLayout
{
    private readonly StringBuilder _sb;
    private readonly NDArray _array;
    private readonly ElementFormatter _formatter;
    private readonly string _separator;
    private readonly string _rowSeparator;
    private readonly int _edgeItems;
    private readonly bool _summarize;
    private readonly WordBuffer _word = new();
    private int _lineStart;

    // UTF-16 units on the current line that take no column of their own (the low half of a surrogate pair).
    private int _extraUnits;

    /// <param name="sb">Receives the text.</param>
    /// <param name="array">The array to lay out.</param>
    /// <param name="formatter">Formats its elements.</param>
    /// <param name="separator">Between elements (", " for repr, " " for str).</param>
    /// <param name="edgeItems">Items kept at each end of a summarized dimension.</param>
    /// <param name="summarize">Whether dimensions longer than twice <paramref name="edgeItems"/> are cut.</param>
    /// <param name="lineStart">
    /// Index in <paramref name="sb"/> where the current line starts; negative when the caller's prefix is not in the
    /// builder but counts towards the first line's width.
    /// </param>
    public LineLayout(StringBuilder sb, NDArray array, ElementFormatter formatter, string separator, int edgeItems, bool summarize, int lineStart)
    {
        _sb = sb;
        _array = array;
        _formatter = formatter;
        _separator = separator;
        _rowSeparator = separator.TrimEnd();
        _edgeItems = edgeItems;
        _summarize = summarize;
        _lineStart = lineStart;
    }

    // Columns count code points, as NumPy's len() of the line does.
    private int Column => _sb.Length - _lineStart - _extraUnits;

    /// <summary>Writes the whole array.</summary>
    /// <param name="hangingIndent">Column of the first element (one past the opening bracket).</param>
    /// <param name="lineWidth">The line width, already reduced by the suffix that will follow.</param>
    public void Write(int hangingIndent, int lineWidth)
    {
        if (_array.NDim == 0)
        {
            _word.Clear();
            _formatter.Format(_array.Offset, _word);
            _sb.Append(_word.Span);
            return;
        }
        Recurse(0, _array.Offset, hangingIndent, lineWidth);
    }

    private void Recurse(int axis, long offset, int hang, int width)
    {
        int axesLeft = _array.NDim - axis;
        long n = _array.ShapeRef[axis];
        long stride = _array.StridesRef[axis];
        bool showSummary = _summarize && 2L * _edgeItems < n;
        long leading = showSummary ? _edgeItems : 0;
        long trailing = showSummary ? _edgeItems : n;
        int nextWidth = width - 1;

        _sb.Append('[');
        if (axesLeft == 1)
        {
            int elemWidth = width - Math.Max(_rowSeparator.Length, 1);
            for (long i = 0; i < leading; i++)
            {
                AppendWord(offset + i * stride, elemWidth, hang);
                _sb.Append(_separator);
            }
            if (showSummary)
            {
                ExtendLine("...", elemWidth, hang);
                _sb.Append(_separator);
            }
            for (long i = trailing; i > 1; i--)
            {
                AppendWord(offset + (n - i) * stride, elemWidth, hang);
                _sb.Append(_separator);
            }
            AppendWord(offset + (n - 1) * stride, elemWidth, hang);
        }
        else
        {
            bool first = true;
            for (long i = 0; i < leading; i++)
            {
                StartChild(ref first, hang);
                Recurse(axis + 1, offset + i * stride, hang + 1, nextWidth);
                EndChild(axesLeft);
            }
            if (showSummary)
            {
                StartChild(ref first, hang);
                _sb.Append("...");
                EndChild(axesLeft);
            }
            for (long i = trailing; i > 1; i--)
            {
                StartChild(ref first, hang);
                Recurse(axis + 1, offset + (n - i) * stride, hang + 1, nextWidth);
                EndChild(axesLeft);
            }
            StartChild(ref first, hang);
            Recurse(axis + 1, offset + (n - 1) * stride, hang + 1, nextWidth);
        }
        _sb.Append(']');
    }

    private void StartChild(ref bool first, int hang)
    {
        // The first child sits right after the opening bracket; the others start on a fresh line at the indent.
        if (!first)
            _sb.Append(' ', hang);
        first = false;
    }

    private void EndChild(int axesLeft)
    {
        _sb.Append(_rowSeparator);
        _sb.Append('\n', axesLeft - 1);
        _lineStart = _sb.Length;
        _extraUnits = 0;
    }

    private void AppendWord(long byteOffset, int lineWidth, int hang)
    {
        _word.Clear();
        _formatter.Format(byteOffset, _word);
        var word = _word.Span;
        if (word.Contains('\n'))
            ExtendLinePretty(word.ToString(), lineWidth, hang);
        else
            ExtendLine(word, lineWidth, hang);
    }

    private void ExtendLine(ReadOnlySpan<char> word, int lineWidth, int hang)
    {
        // Wrapping a line that holds nothing but the indent would not make it any shorter.
        if (Column + TextColumns.Of(word) > lineWidth && Column > hang)
            NewLine(hang);
        _sb.Append(word);
        _extraUnits += TextColumns.LowSurrogates(word);
    }

    private void ExtendLinePretty(string word, int lineWidth, int hang)
    {
        string[] lines = word.Split('\n');
        int maxLength = lines.Max(l => TextColumns.Of(l));
        int indent;
        if (Column + maxLength > lineWidth && Column > hang)
        {
            NewLine(hang);
            indent = hang;
        }
        else
        {
            indent = Column;
        }
        _sb.Append(lines[0]);
        _extraUnits += TextColumns.LowSurrogates(lines[0]);
        for (int i = 1; i < lines.Length; i++)
        {
            NewLine(indent);
            _sb.Append(lines[i]);
            _extraUnits += TextColumns.LowSurrogates(lines[i]);
        }
        _sb.Append(' ', maxLength - TextColumns.Of(lines[^1]));
    }

    private void NewLine(int indent)
    {
        int floor = Math.Max(_lineStart, 0);
        int end = _sb.Length;
        while (end > floor && char.IsWhiteSpace(_sb[end - 1]))
            end--;
        _sb.Length = end;
        _sb.Append('\n');
        _lineStart = _sb.Length;
        _extraUnits = 0;
        _sb.Append(' ', indent);
    }
}
