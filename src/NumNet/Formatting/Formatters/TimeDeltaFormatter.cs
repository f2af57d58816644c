using System.Buffers;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// timedelta64 elements: the raw counts (the unit is left to the dtype in the repr), right-aligned to the widest of
/// the largest and smallest count, NaT as 'NaT' (NumPy's <c>TimedeltaFormat</c>).
/// </summary>
internal sealed class TimeDeltaFormatter : ElementFormatter
{
    private readonly PrintedElementReader<long> _reader;
    private readonly int _width;

    public TimeDeltaFormatter(NDArray array, PrintOptions options, bool summarize)
    {
        _reader = new PrintedElementReader<long>(array);
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
