using System.Numerics;
using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// The seam between creation and the casting engine: <c>CastInto(src, dst)</c> and <c>Cast(src, to, order)</c>, the
/// signatures of <c>Casting.CastEngine</c>. Until that engine lands, equal dtypes copy bytes (swapping for a byte-order
/// change) and everything else goes element by element with C-cast semantics (integers wrap, floats truncate).
/// </summary>
internal static class CastAdapter
{
    /// <summary>Casts every element of <paramref name="src"/> into the same position of <paramref name="dst"/> (same shape).</summary>
    public static void CastInto(NDArray src, NDArray dst)
    {
        if (src.DType == dst.DType)
        {
            StridedCopy.Copy(src, dst);
            return;
        }
        if (src.DType.AsNative() == dst.DType.AsNative())
        {
            StridedCopy.Copy(src, dst);
            SwapAll(dst);
            return;
        }
        ElementWise(src, dst);
    }

    /// <summary>A new array of <paramref name="to"/> holding <paramref name="src"/>'s values, laid out for <paramref name="order"/> (K keeps the source's layout).</summary>
    public static NDArray Cast(NDArray src, DType to, MemoryOrder order)
    {
        var result = NDArray.Allocate(to, (long[])src.ShapeRef.Clone(), src.NewLikeStrides(order, to.ItemSize), zero: false);
        CastInto(src, result);
        return result;
    }

    private static void SwapAll(NDArray a)
    {
        if (a.Size == 0)
            return;
        var index = new long[a.NDim];
        for (long n = 0; n < a.Size; n++)
        {
            a.DType.Family.SwapInPlace(a.ElementBytes(a.ByteOffsetOf(index)));
            Odometer.Next(index, a.ShapeRef);
        }
    }

    private static void ElementWise(NDArray src, NDArray dst)
    {
        if (src.Size == 0)
            return;
        dst.EnsureWriteable();
        var index = new long[src.NDim];
        var from = src.DType;
        var to = dst.DType;
        for (long n = 0; n < src.Size; n++)
        {
            dst.SetValue(Convert(src.GetValue(index), from, to), index);
            Odometer.Next(index, src.ShapeRef);
        }
    }

    // Values as a C cast would see them: times as their counts, integers wrapped into narrower integers, floats
    // truncated first; numbers going to object become Python-like scalars (integers as BigInteger).
    private static object? Convert(object? value, DType from, DType to)
    {
        if (to.IsObject)
            return from.Kind is 'i' or 'u' ? DTypes.ScalarCoercion.ToBig(value) : value;
        if (to.DateTimeMeta is { } toUnit)
        {
            return value switch
            {
                DateTime64 d when !d.Unit.IsGeneric && !toUnit.IsGeneric && d.Unit != toUnit => new DateTime64(DateTimes.Cast(d.Value, d.Unit, toUnit), toUnit),
                DateTime64 d => d.Value,
                TimeDelta64 t when !t.Unit.IsGeneric && !toUnit.IsGeneric && t.Unit != toUnit => new TimeDelta64(DateTimes.Cast(t.Value, t.Unit, toUnit), toUnit),
                TimeDelta64 t => t.Value,
                _ => value,
            };
        }
        value = value switch
        {
            DateTime64 d => d.Value,
            TimeDelta64 t => t.Value,
            _ => value,
        };
        if (to.Kind is 'i' or 'u' && from.Kind is 'i' or 'u' or 'f' or 'b' or 'M' or 'm')
            return Wrap(value, to);
        return value;
    }

    private static object Wrap(object? value, DType to)
    {
        BigInteger big = value switch
        {
            bool b => b ? 1 : 0,
            double d => FloatToBig(d),
            float f => FloatToBig(f),
            Half h => FloatToBig((double)h),
            LongDouble l => FloatToBig((double)l),
            _ => DTypes.ScalarCoercion.ToBig(value),
        };
        int bits = to.ItemSize * 8;
        var mask = (BigInteger.One << bits) - 1;
        var u = big & mask;
        if (to.Kind == 'i' && u >= BigInteger.One << (bits - 1))
            u -= BigInteger.One << bits;
        return u;
    }

    // x86 turns NaN, infinities and out-of-range floats into the "integer indefinite" value.
    private static BigInteger FloatToBig(double d) =>
        double.IsFinite(d) && Math.Abs(d) < 9.2233720368547758E18 ? new BigInteger(Math.Truncate(d)) : long.MinValue;
}
