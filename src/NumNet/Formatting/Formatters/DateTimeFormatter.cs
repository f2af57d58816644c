using System.Buffers;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// datetime64 elements: quoted ISO text in the dtype's unit ('2003-10-02'), NaT as 'NaT', right-aligned to a common
/// width (NumPy's <c>DatetimeFormat</c>).
/// </summary>
internal sealed class DateTimeFormatter : ElementFormatter
{
    private readonly PrintedElementReader<long> _reader;
    private readonly DateTimeMetadata _unit;
    private readonly int _width;

    public DateTimeFormatter(NDArray array, PrintOptions options, bool summarize)
    {
        _reader = new PrintedElementReader<long>(array);
        _unit = array.DType.DateTimeMeta!.Value;
        long[] values = PrintedElements.Gather<long>(array, options.EdgeItems, summarize, out int count);
        try
        {
            _width = TimelikeWidth.Measure(values.AsSpan(0, count), v => DateTimes.Format(v, _unit).Length + 2);
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
        string text = DateTimes.Format(v, _unit);
        word.Append(' ', _width - text.Length - 2);
        word.Append('\'');
        word.Append(text);
        word.Append('\'');
    }
}
