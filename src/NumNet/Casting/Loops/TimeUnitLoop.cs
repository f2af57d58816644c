using System.Runtime.CompilerServices;
using NumNet.DTypes.Chrono;

namespace NumNet.Casting.Loops;

/// <summary>
/// datetime64 or timedelta64 between two units. Lines are gathered into a small native buffer, converted there and
/// scattered, so byte order and strides stay out of the conversion itself. Datetimes go through the calendar when years
/// or months are involved; timedeltas scale linearly (a year is its 400-year average), both rounding toward the past.
/// </summary>
internal sealed class TimeUnitLoop<TIn, TOut> : ByteCastLoop
    where TIn : struct, IElementIO<long> where TOut : struct, IElementIO<long>
{
    private const int Block = 256;
    private readonly DateTimeMetadata _from, _to;
    private readonly bool _isTimedelta;
    private readonly long _num, _denom;

    public TimeUnitLoop(DateTimeMetadata from, DateTimeMetadata to, bool isTimedelta)
    {
        _from = from;
        _to = to;
        _isTimedelta = isTimedelta;
        // NumPy computes the factor when it sets the cast up, so a factor that overflows (days to attoseconds) is an
        // error even for an empty array; datetimes compute it for that alone, their values go through DateTimes.Cast.
        if (!from.IsGeneric)
            (_num, _denom) = ConversionFactor.Get(from, to);
    }

    // Overflow and generic-unit errors depend on the values.
    public override bool CanFail => true;

    protected override void RunBytes(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        Span<long> buffer = stackalloc long[Block];
        for (nint start = 0; start < count; start += Block)
        {
            int n = (int)Math.Min(Block, count - start);
            var chunk = buffer[..n];
            for (int i = 0; i < n; i++)
            {
                chunk[i] = TIn.Read(ref src);
                src = ref Unsafe.Add(ref src, srcStride);
            }
            Convert(chunk);
            for (int i = 0; i < n; i++)
            {
                TOut.Write(ref dst, chunk[i]);
                dst = ref Unsafe.Add(ref dst, dstStride);
            }
        }
    }

    private void Convert(Span<long> values)
    {
        if (!_isTimedelta)
        {
            DateTimes.Cast(values, values, _from, _to);
            return;
        }
        if (_from.IsGeneric)
            return;
        // NumPy's array cast of timedeltas shares the datetime loop (_strided_to_strided_datetime_cast, dtype_transfer.c),
        // whose overflow message names datetime64; only the scalar setitem path names timedelta64.
        for (int i = 0; i < values.Length; i++)
            values[i] = LinearScale.Apply(values[i], _num, _denom, "datetime64");
    }
}
