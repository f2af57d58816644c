using System.Buffers;
using NumNet.DTypes.Text;

namespace NumNet.Formatting.Formatters;

/// <summary>Real floating-point elements (float16, float32, float64, float128): NumPy's <c>FloatingFormat</c>.</summary>
internal sealed class FloatFormatter<T, TOps> : ElementFormatter where T : unmanaged where TOps : IFloatOps<T>
{
    private readonly PrintedElementReader<T> _reader;
    private readonly FloatingFormat<T, TOps> _format;

    public FloatFormatter(NDArray array, PrintOptions options, bool summarize)
    {
        _reader = new PrintedElementReader<T>(array);
        T[] values = PrintedElements.Gather<T>(array, options.EdgeItems, summarize, out int count);
        try
        {
            _format = new FloatingFormat<T, TOps>(values.AsSpan(0, count), options, options.Sign);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values);
        }
    }

    public override void Format(long byteOffset, WordBuffer word) => _format.Append(_reader.Read(byteOffset), word);
}
