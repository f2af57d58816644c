using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.DTypes.Builtin;

namespace NumNet.Formatting;

/// <summary>Receives the byte offsets of the elements that will be printed.</summary>
internal interface IOffsetVisitor
{
    /// <summary>Called once per printed element, in row-major order.</summary>
    void Visit(long byteOffset);
}

/// <summary>
/// Walks the elements a printout shows: every element, or for a summarized array only the leading and trailing
/// <c>edgeitems</c> of each dimension. Formatters size themselves from exactly these, so printing a huge array
/// touches only its corners.
/// </summary>
internal static class PrintedElements
{
    /// <summary>Visits the printed elements of <paramref name="array"/> in row-major order.</summary>
    public static void Walk<TVisitor>(NDArray array, int edgeItems, bool summarize, ref TVisitor visitor)
        where TVisitor : struct, IOffsetVisitor
    {
        if (array.Size == 0)
            return;
        Walk(array.ShapeRef, array.StridesRef, 0, array.Offset, edgeItems, summarize, ref visitor);
    }

    private static void Walk<TVisitor>(long[] shape, long[] strides, int axis, long offset, int edgeItems, bool summarize, ref TVisitor visitor)
        where TVisitor : struct, IOffsetVisitor
    {
        if (axis == shape.Length)
        {
            visitor.Visit(offset);
            return;
        }
        long n = shape[axis];
        long stride = strides[axis];
        // With no edge items NumPy's corner selection keeps a whole axis (a[-0:] is all of a), so the formatter
        // still sees every element even though only the last one of each row is printed.
        bool split = summarize && n > 2L * edgeItems && edgeItems > 0;
        long firstEnd = split ? edgeItems : n;
        long secondStart = split ? n - edgeItems : n;
        for (long i = 0; i < n; i++)
        {
            if (i == firstEnd)
                i = secondStart;
            if (i >= n)
                break;
            if (axis == shape.Length - 1)
                visitor.Visit(offset + i * stride);
            else
                Walk(shape, strides, axis + 1, offset + i * stride, edgeItems, summarize, ref visitor);
        }
    }

    /// <summary>Number of elements the walk visits.</summary>
    public static long Count(NDArray array, int edgeItems, bool summarize)
    {
        long count = 1;
        foreach (long n in array.ShapeRef)
            count *= summarize && n > 2L * edgeItems && edgeItems > 0 ? 2L * edgeItems : n;
        return count;
    }

    /// <summary>
    /// Copies the printed elements into a rented array (return it with <see cref="ArrayPool{T}.Return"/>), so a
    /// formatter's first pass can scan them as a span.
    /// </summary>
    public static T[] Gather<T>(NDArray array, int edgeItems, bool summarize, out int count) where T : unmanaged
    {
        long n = Count(array, edgeItems, summarize);
        if (n > Array.MaxLength)
            throw new InvalidOperationException($"cannot print {n} elements without summarization; lower the threshold");
        var values = ArrayPool<T>.Shared.Rent((int)Math.Max(n, 1));
        var gatherer = new Gatherer<T>(new PrintedElementReader<T>(array), values);
        Walk(array, edgeItems, summarize, ref gatherer);
        count = gatherer.Count;
        return values;
    }

    private struct Gatherer<T>(PrintedElementReader<T> reader, T[] target) : IOffsetVisitor where T : unmanaged
    {
        public int Count;

        public void Visit(long byteOffset) => target[Count++] = reader.Read(byteOffset);
    }
}

/// <summary>Reads elements of one array as <typeparamref name="T"/> at validated byte offsets, swapping bytes when needed.</summary>
internal readonly struct PrintedElementReader<T> where T : unmanaged
{
    private readonly NDArray _array;
    private readonly FixedSizeClass<T> _family;
    private readonly bool _native;

    public PrintedElementReader(NDArray array)
    {
        _array = array;
        _family = (FixedSizeClass<T>)array.DType.Family;
        _native = array.DType.IsNative;
    }

    /// <summary>The element at <paramref name="byteOffset"/>.</summary>
    /// <remarks>A lease per element: printing touches few elements, and each one is formatted at far greater cost.</remarks>
    public T Read(long byteOffset)
    {
        using var lease = _array.Lease();
        ref byte at = ref lease.At(byteOffset);
        if (_native)
            return Unsafe.ReadUnaligned<T>(ref at);
        return _family.Read(MemoryMarshal.CreateReadOnlySpan(ref at, Unsafe.SizeOf<T>()), _array.DType);
    }
}
