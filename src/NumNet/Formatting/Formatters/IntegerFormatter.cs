using System.Buffers;
using System.Globalization;
using System.Numerics;

namespace NumNet.Formatting.Formatters;

/// <summary>
/// Integer elements, right-aligned to the widest of the largest and the smallest printed value, with the sign
/// option applied (NumPy's <c>IntegerFormat</c>).
/// </summary>
internal sealed class IntegerFormatter<T> : ElementFormatter where T : unmanaged, IBinaryInteger<T>
{
    private readonly PrintedElementReader<T> _reader;
    private readonly SignMode _sign;
    private readonly int _width;

    public IntegerFormatter(NDArray array, PrintOptions options, bool summarize)
    {
        _reader = new PrintedElementReader<T>(array);
        _sign = options.Sign;
        T[] values = PrintedElements.Gather<T>(array, options.EdgeItems, summarize, out int count);
        try
        {
            if (count == 0)
                return;
            T max = values[0], min = values[0];
            foreach (T v in values.AsSpan(0, count))
            {
                if (v > max) max = v;
                if (v < min) min = v;
            }
            // A space sign only pads when nothing is negative; otherwise the minus signs already align the column.
            if (_sign == SignMode.Space && min < T.Zero)
                _sign = SignMode.Minus;
            int maxWidth = DigitCount(max) + (max >= T.Zero && _sign != SignMode.Minus ? 1 : 0);
            _width = Math.Max(maxWidth, DigitCount(min));
        }
        finally
        {
            ArrayPool<T>.Shared.Return(values);
        }
    }

    private static int DigitCount(T value)
    {
        Span<char> buffer = stackalloc char[48];
        value.TryFormat(buffer, out int written, default, CultureInfo.InvariantCulture);
        return written;
    }

    public override void Format(long byteOffset, WordBuffer word) => Append(_reader.Read(byteOffset), _sign, _width, word);

    /// <summary>Appends <paramref name="value"/> with an optional sign, right-aligned in <paramref name="width"/>.</summary>
    public static void Append(T value, SignMode sign, int width, WordBuffer word)
    {
        Span<char> buffer = stackalloc char[48];
        int at = 1;
        value.TryFormat(buffer[1..], out int written, default, CultureInfo.InvariantCulture);
        if (value >= T.Zero && sign != SignMode.Minus)
        {
            buffer[0] = sign == SignMode.Plus ? '+' : ' ';
            at = 0;
            written++;
        }
        word.Append(' ', width - written);
        word.Append(buffer.Slice(at, written));
    }
}
