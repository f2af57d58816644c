namespace NumNet.Layout;

/// <summary>
/// Whether two arrays touch the same bytes: <see cref="MayShare"/> compares the ranges their layouts span (NumPy's
/// <c>may_share_memory</c>), <see cref="Shares"/> answers exactly (NumPy's <c>shares_memory</c>).
/// </summary>
internal static class MemoryOverlap
{
    /// <summary>True when the byte ranges spanned by the two arrays intersect.</summary>
    public static bool MayShare(NDArray a, NDArray b)
    {
        if (!SameMemory(a, b) || a.Size == 0 || b.Size == 0)
            return false;
        var (aLow, aHigh) = Span(a);
        var (bLow, bHigh) = Span(b);
        return aLow < bHigh && bLow < aHigh;
    }

    /// <summary>True when some byte belongs to an element of both arrays.</summary>
    public static bool Shares(NDArray a, NDArray b)
    {
        if (!MayShare(a, b))
            return false;
        // Enumerate the element ranges of the smaller array, sorted; probe each element of the larger one.
        var (small, large) = a.Size <= b.Size ? (a, b) : (b, a);
        var starts = ElementStarts(small);
        Array.Sort(starts);
        long smallSize = small.ItemSize, largeSize = large.ItemSize;
        foreach (long start in ElementStarts(large))
        {
            // Any small element with start in (start - smallSize, start + largeSize) overlaps [start, start + largeSize).
            int i = Array.BinarySearch(starts, start - smallSize + 1);
            if (i < 0) i = ~i;
            if (i < starts.Length && starts[i] < start + largeSize)
                return true;
        }
        return false;
    }

    private static bool SameMemory(NDArray a, NDArray b)
    {
        object? ka = a.Buffer.MemoryKey, kb = b.Buffer.MemoryKey;
        return ka is null ? kb is null && a.Buffer.NativeAddress != 0 : ReferenceEquals(ka, kb);
    }

    private static long Base(NDArray a) => a.Buffer.MemoryKey is null ? a.Buffer.NativeAddress : a.Buffer.KeyOffset;

    private static (long Low, long High) Span(NDArray a)
    {
        var (low, high) = ShapeMath.Extent(a.ShapeRef, a.StridesRef, a.ItemSize);
        long b = Base(a) + a.Offset;
        return (b + (long)low, b + (long)high);
    }

    private static long[] ElementStarts(NDArray a)
    {
        var result = new long[a.Size];
        var shape = a.ShapeRef;
        var strides = a.StridesRef;
        int n = shape.Length;
        var index = new long[n];
        long pos = Base(a) + a.Offset;
        for (long e = 0; e < result.Length; e++)
        {
            result[e] = pos;
            for (int k = n - 1; k >= 0; k--)
            {
                pos += strides[k];
                if (++index[k] < shape[k])
                    break;
                pos -= strides[k] * shape[k];
                index[k] = 0;
            }
        }
        return result;
    }
}
