using System.Globalization;
using NumNet.Internal;

namespace NumNet.Layout;

/// <summary>
/// NumPy's basic indexing: integers drop a dimension, slices keep it with a new start, step and length, newaxis adds a
/// dimension of length 1, and one ellipsis stands for the dimensions not named. The result is always a view.
/// </summary>
internal static class BasicIndexing
{
    /// <summary>The layout of <paramref name="array"/> indexed by <paramref name="items"/>.</summary>
    public static (long Offset, long[] Shape, long[] Strides) Apply(NDArray array, ReadOnlySpan<object?> items)
    {
        var src = Normalize(items);
        int ellipsisAt = -1;
        int consumed = 0;
        for (int i = 0; i < src.Length; i++)
        {
            if (ReferenceEquals(src[i], IndexMarker.Ellipsis))
            {
                if (ellipsisAt >= 0)
                    throw new ArgumentOutOfRangeException("an index can only have a single ellipsis ('...')", innerException: null);
                ellipsisAt = i;
            }
            else if (!ReferenceEquals(src[i], IndexMarker.NewAxis))
            {
                consumed++;
            }
        }
        int ndim = array.NDim;
        if (consumed > ndim)
            ThrowHelper.TooManyIndices(ndim, consumed);

        long[] shape = array.ShapeRef, strides = array.StridesRef;
        var outShape = new List<long>(ndim + src.Length);
        var outStrides = new List<long>(ndim + src.Length);
        long offset = array.Offset;
        int axis = 0;
        for (int i = 0; i < src.Length; i++)
        {
            object? item = src[i];
            if (ReferenceEquals(item, IndexMarker.Ellipsis))
            {
                int fill = ndim - consumed;
                for (int k = 0; k < fill; k++, axis++)
                {
                    outShape.Add(shape[axis]);
                    outStrides.Add(strides[axis]);
                }
            }
            else if (ReferenceEquals(item, IndexMarker.NewAxis))
            {
                outShape.Add(1);
                outStrides.Add(0);
            }
            else if (item is Slice slice)
            {
                var (start, step, count) = slice.Resolve(shape[axis]);
                if (count > 0)
                    offset += start * strides[axis];
                outShape.Add(count);
                // An empty selection keeps the axis' own stride, as NumPy resets its step to 1 then.
                outStrides.Add(count > 0 ? strides[axis] * step : strides[axis]);
                axis++;
            }
            else
            {
                long k = (long)item!;
                long n = shape[axis];
                long resolved = k < 0 ? k + n : k;
                if ((ulong)resolved >= (ulong)n)
                    ThrowHelper.IndexOutOfBounds(k, axis, n);
                offset += resolved * strides[axis];
                axis++;
            }
        }
        for (; axis < ndim; axis++)
        {
            outShape.Add(shape[axis]);
            outStrides.Add(strides[axis]);
        }
        ShapeMath.CheckNDim(outShape.Count);
        return (offset, outShape.ToArray(), outStrides.ToArray());
    }

    /// <summary>Turns every accepted index form into a long, a <see cref="Slice"/> or a marker.</summary>
    private static object?[] Normalize(ReadOnlySpan<object?> items)
    {
        var result = new object?[items.Length];
        for (int i = 0; i < items.Length; i++)
        {
            result[i] = items[i] switch
            {
                null => IndexMarker.NewAxis,
                IndexMarker m => m,
                Slice s => s,
                Range r => FromRange(r),
                Index x => x.IsFromEnd ? -(long)x.Value : x.Value,
                int v => (long)v,
                long v => v,
                short v => (long)v,
                sbyte v => (long)v,
                byte v => (long)v,
                ushort v => (long)v,
                uint v => (long)v,
                bool => throw new ArgumentOutOfRangeException("boolean indices are advanced indexing, which NumNet does not support yet", innerException: null),
                _ => throw new ArgumentOutOfRangeException(
                    $"only integers, slices, ranges, ellipsis and newaxis are valid indices (got {items[i]!.GetType().Name})", innerException: null),
            };
        }
        return result;
    }

    private static Slice FromRange(Range r)
    {
        long? start = r.Start.IsFromEnd ? (r.Start.Value == 0 ? null : -(long)r.Start.Value) : r.Start.Value;
        long? stop = r.End.IsFromEnd ? (r.End.Value == 0 ? null : -(long)r.End.Value) : r.End.Value;
        return new Slice(start, stop);
    }

    /// <summary>Parses NumPy index text: "1, ::2, ..., None, -1:".</summary>
    /// <exception cref="ArgumentException">Text that is not an index.</exception>
    public static object?[] Parse(string text)
    {
        var parts = text.Split(',');
        if (parts.Length > 1 && parts[^1].Trim().Length == 0)
            parts = parts[..^1];
        var items = new object?[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            string p = parts[i].Trim();
            items[i] = p switch
            {
                "..." => IndexMarker.Ellipsis,
                "None" or "np.newaxis" or "newaxis" => IndexMarker.NewAxis,
                _ when p.Contains(':') => ParseSlice(p, text),
                _ => ParseInt(p, text),
            };
        }
        return items;
    }

    private static Slice ParseSlice(string p, string text)
    {
        var f = p.Split(':');
        if (f.Length > 3)
            throw new ArgumentException($"'{p}' in index '{text}' is not a slice");
        long? Part(int k) => k < f.Length && f[k].Trim().Length > 0 ? ParseInt(f[k].Trim(), text) : null;
        return new Slice(Part(0), Part(1), Part(2));
    }

    private static long ParseInt(string p, string text)
    {
        if (!long.TryParse(p, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long v))
            throw new ArgumentException($"'{p}' in index '{text}' is not an integer, slice, '...' or None");
        return v;
    }
}
