using System.Buffers;
using NumNet.Formatting.Formatters;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// timedelta64 elements: the raw counts (the unit is left to the dtype in the repr), right-aligned to the widest of
/// the largest and smallest count, NaT as 'NaT' (NumPy's <c>TimedeltaFormat</c>).
/// </summary>
internal sealed class TimeDeltaFormatter : ElementFormatter
{
    private readonly ElementReader<long> _reader;
    private readonly int _width;

    public TimeDeltaFormatter(NDArray array, PrintOptions options, bool summarize)
    {
        _reader = new ElementReader<long>(array);
        long[] values = PrintedElements.Gather<long>(array, options.EdgeItems, summarize, out int count);
        try
        {
            _width = TimelikeWidth.Measure(values.AsSpan(0, count), v => v.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(values);
        }
    }

    public override void Format(long byteOffset, WordBuffer word)
    {
        long v = _reader.Read(byteOffset);
        if (v == DateTime64.NaTValue)
        {
            word.Append(' ', _width - 5);
            word.Append("'NaT'");
            return;
        }
        IntegerFormatter<long>.Append(v, SignMode.Minus, _width, word);
    }
}

/// <summary>The column width NumPy gives datetime64 and timedelta64 elements.</summary>
internal static class TimelikeWidth
{
    /// <summary>
    /// The wider of the texts of the largest and the smallest non-NaT value (NumPy measures only these two), and at
    /// least 5 (the width of 'NaT') when a NaT is present.
    /// </summary>
    public static int Measure(ReadOnlySpan<long> values, Func<long, int> textLength)
    {
        long min = long.MaxValue, max = long.MinValue;
        bool anyValue = false, anyNaT = false;
        foreach (long v in values)
        {
            if (v == DateTime64.NaTValue)
            {
                anyNaT = true;
                continue;
            }
            anyValue = true;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        int width = anyValue ? Math.Max(textLength(max), textLength(min)) : 0;
        return anyNaT ? Math.Max(width, 5) : width;
    }
}
