using System.Buffers;
using NumNet.DTypes.Text;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// Complex elements: the real parts and the imaginary parts are laid out as two independent float columns, the
/// imaginary one always signed, joined as <c>1.+2.j</c> (NumPy's <c>ComplexFloatingFormat</c>).
/// </summary>
internal sealed class ComplexFormatter<TComplex, TPart, TComplexOps, TOps> : ElementFormatter
    where TComplex : unmanaged
    where TPart : unmanaged
    where TComplexOps : IComplexOps<TComplex, TPart>
    where TOps : IFloatOps<TPart>
{
    private readonly PrintedElementReader<TComplex> _reader;
    private readonly FloatingFormat<TPart, TOps> _real;
    private readonly FloatingFormat<TPart, TOps> _imaginary;

    public ComplexFormatter(NDArray array, PrintOptions options, bool summarize)
    {
        _reader = new PrintedElementReader<TComplex>(array);
        TComplex[] values = PrintedElements.Gather<TComplex>(array, options.EdgeItems, summarize, out int count);
        TPart[] parts = ArrayPool<TPart>.Shared.Rent(Math.Max(count, 1));
        try
        {
            for (int i = 0; i < count; i++)
                parts[i] = TComplexOps.Real(values[i]);
            _real = new FloatingFormat<TPart, TOps>(parts.AsSpan(0, count), options, options.Sign);
            for (int i = 0; i < count; i++)
                parts[i] = TComplexOps.Imaginary(values[i]);
            _imaginary = new FloatingFormat<TPart, TOps>(parts.AsSpan(0, count), options, SignMode.Plus);
        }
        finally
        {
            ArrayPool<TComplex>.Shared.Return(values);
            ArrayPool<TPart>.Shared.Return(parts);
        }
    }

    public override void Format(long byteOffset, WordBuffer word)
    {
        TComplex z = _reader.Read(byteOffset);
        _real.Append(TComplexOps.Real(z), word);
        int start = word.Length;
        _imaginary.Append(TComplexOps.Imaginary(z), word);
        // The 'j' goes right after the digits, ahead of the padding that aligns the column.
        int end = word.Length;
        while (end > start && word.Span[end - 1] == ' ')
            end--;
        int trailing = word.Length - end;
        word.Append(' ');
        var text = word.WritableSpan;
        text[end] = 'j';
        text.Slice(end + 1, trailing).Fill(' ');
    }
}
