using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Memory;

namespace NumNet.Layout;

/// <summary>
/// Copies the elements of one layout into another of the same shape and dtype, byte for byte. Dimensions are
/// simplified first (length-1 dimensions dropped, mergeable neighbours merged, order chosen for the destination),
/// the innermost loop is specialised per element size, and order-flipping copies (transposes) go through
/// the transpose kernels, which read and write whole cache lines.
/// </summary>
internal static partial class StridedCopy
{
    /// <summary>
    /// Shortest axes worth the transposing kernels: below this the plain strided loop touches few enough lines that
    /// the kernels' setup costs more than it saves.
    /// </summary>
    private const int BlockEdge = 16;

    /// <summary>Copies every element of <paramref name="src"/> into the same position of <paramref name="dst"/>.</summary>
    /// <exception cref="ArgumentException">Shapes or dtype sizes differ.</exception>
    public static void Copy(NDArray src, NDArray dst)
    {
        if (!src.ShapeRef.AsSpan().SequenceEqual(dst.ShapeRef) || src.ItemSize != dst.ItemSize)
            throw new ArgumentException("copy needs equal shapes and item sizes");
        using var source = src.Lease();
        using var target = dst.Lease();
        if (src.Size == 0)
            return;
        dst.EnsureWriteable();
        var plan = Plan(src.ShapeRef, src.StridesRef, dst.StridesRef);
        if (src.DType.IsObject)
        {
            CopyObjects(source.Objects, src.Offset, target.Objects, dst.Offset, plan);
            return;
        }
        ref byte s = ref source.At(src.Offset);
        ref byte d = ref target.At(dst.Offset);
        switch (src.ItemSize)
        {
            case 1: Run<byte>(ref s, ref d, plan); break;
            case 2: Run<ushort>(ref s, ref d, plan); break;
            case 4: Run<uint>(ref s, ref d, plan); break;
            case 8: Run<ulong>(ref s, ref d, plan); break;
            case 16: Run<UInt128>(ref s, ref d, plan); break;
            default: RunBytes(ref s, ref d, plan, src.ItemSize); break;
        }
    }

    /// <summary>The simplified iteration: dimensions outermost first, innermost last.</summary>
    internal readonly record struct CopyPlan(long[] Shape, long[] SrcStrides, long[] DstStrides);

    internal static CopyPlan Plan(ReadOnlySpan<long> shape, ReadOnlySpan<long> srcStrides, ReadOnlySpan<long> dstStrides)
    {
        var axes = new List<int>(shape.Length);
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] != 1)
                axes.Add(i);
        }
        // Walk the destination in its memory order: largest destination stride outermost.
        var dstCopy = dstStrides.ToArray();
        axes.Sort((a, b) =>
        {
            int c = Math.Abs(dstCopy[b]).CompareTo(Math.Abs(dstCopy[a]));
            return c != 0 ? c : a.CompareTo(b);
        });
        var dims = new List<long>();
        var ss = new List<long>();
        var ds = new List<long>();
        foreach (int ax in axes)
        {
            int last = dims.Count - 1;
            // An axis continues the previous one when both sides step over it exactly as one longer axis would.
            if (last >= 0 && ss[last] == srcStrides[ax] * shape[ax] && ds[last] == dstStrides[ax] * shape[ax])
            {
                dims[last] *= shape[ax];
                ss[last] = srcStrides[ax];
                ds[last] = dstStrides[ax];
                continue;
            }
            dims.Add(shape[ax]);
            ss.Add(srcStrides[ax]);
            ds.Add(dstStrides[ax]);
        }
        if (dims.Count == 0)
        {
            dims.Add(1);
            ss.Add(0);
            ds.Add(0);
        }
        return new CopyPlan(dims.ToArray(), ss.ToArray(), ds.ToArray());
    }

    private static void Run<T>(ref byte src, ref byte dst, CopyPlan plan) where T : unmanaged
    {
        int n = plan.Shape.Length;
        int size = Unsafe.SizeOf<T>();
        long inner = plan.Shape[n - 1];
        long sInner = plan.SrcStrides[n - 1], dInner = plan.DstStrides[n - 1];

        // A transpose: the destination's inner axis is strided in the source while another axis is the source's
        // contiguous one. The transpose kernels walk the source in its memory order and write whole destination lines.
        int srcFast = FindAxis(plan.SrcStrides, plan.Shape, size);
        if (n >= 2 && sInner != size && srcFast >= 0 && srcFast != n - 1 && inner >= BlockEdge && plan.Shape[srcFast] >= BlockEdge)
        {
            RunBlocked<T>(ref src, ref dst, plan, srcFast);
            return;
        }

        Span<long> index = n <= 16 ? stackalloc long[n] : new long[n];
        index.Clear();
        long outer = 1;
        for (int i = 0; i < n - 1; i++)
            outer *= plan.Shape[i];
        long so = 0, dOff = 0;
        for (long o = 0; o < outer; o++)
        {
            CopyLine<T>(ref Unsafe.Add(ref src, (nint)so), sInner, ref Unsafe.Add(ref dst, (nint)dOff), dInner, inner);
            Advance(index, plan, n - 2, ref so, ref dOff);
        }
    }

    // Moves the multi-index one step in the dimensions [0, top], updating both offsets.
    private static void Advance(Span<long> index, CopyPlan plan, int top, ref long so, ref long dOff)
    {
        for (int k = top; k >= 0; k--)
        {
            so += plan.SrcStrides[k];
            dOff += plan.DstStrides[k];
            if (++index[k] < plan.Shape[k])
                return;
            so -= plan.SrcStrides[k] * plan.Shape[k];
            dOff -= plan.DstStrides[k] * plan.Shape[k];
            index[k] = 0;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyLine<T>(ref byte src, long srcStride, ref byte dst, long dstStride, long count) where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        if (srcStride == size && dstStride == size)
        {
            BlockCopy.Copy(ref src, ref dst, count * size);
            return;
        }
        nint s = 0, d = 0;
        nint ss = (nint)srcStride, ds = (nint)dstStride;
        for (long i = 0; i < count; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, d), Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref src, s)));
            s += ss;
            d += ds;
        }
    }

    private static int FindAxis(long[] strides, long[] shape, int itemSize)
    {
        for (int i = strides.Length - 1; i >= 0; i--)
        {
            if (strides[i] == itemSize && shape[i] > 1)
                return i;
        }
        return -1;
    }

    /// <summary>
    /// Copies a transpose: for every combination of the other axes, a 2-d plane whose rows run along the source's
    /// contiguous axis and whose columns run along the destination's innermost axis.
    /// </summary>
    private static unsafe void RunBlocked<T>(ref byte src, ref byte dst, CopyPlan plan, int srcFast) where T : unmanaged
    {
        int n = plan.Shape.Length;
        int dstFast = n - 1;
        var plane = new Plane(
            plan.Shape[srcFast], plan.Shape[dstFast],
            (nint)plan.SrcStrides[dstFast], (nint)plan.DstStrides[srcFast], (nint)plan.DstStrides[dstFast]);

        // The remaining axes form the outer walk.
        int outerN = n - 2;
        Span<long> outerShape = stackalloc long[Math.Max(outerN, 1)];
        Span<long> outerSrc = stackalloc long[Math.Max(outerN, 1)];
        Span<long> outerDst = stackalloc long[Math.Max(outerN, 1)];
        long outer = 1;
        for (int a = 0, k = 0; a < n; a++)
        {
            if (a == srcFast || a == dstFast)
                continue;
            outerShape[k] = plan.Shape[a];
            outerSrc[k] = plan.SrcStrides[a];
            outerDst[k] = plan.DstStrides[a];
            outer *= plan.Shape[a];
            k++;
        }
        Span<long> index = stackalloc long[Math.Max(outerN, 1)];
        index.Clear();

        // Pinned for the duration of the copy: the kernels use prefetch and non-temporal stores, which take addresses.
        // Managed buffers move only between copies, never during one.
        fixed (byte* s0 = &src)
        fixed (byte* d0 = &dst)
        {
            // Non-temporal stores skip reading each destination line before overwriting it and keep a result
            // larger than the cache from evicting everything else; for small results the cache is the better place.
            bool streaming = plane.Rows * plane.Cols * outer * Unsafe.SizeOf<T>() >= StreamingCast.Threshold;
            bool vector = HasVectorTiles<T>() && plane.DstCol == Unsafe.SizeOf<T>();
            long so = 0, dOff = 0;
            for (long o = 0; o < outer; o++)
            {
                if (vector)
                    TransposePlaneVector<T>(s0 + so, d0 + dOff, plane, streaming);
                else
                    TransposePlaneScalar<T>(s0 + so, d0 + dOff, plane);
                for (int k = outerN - 1; k >= 0; k--)
                {
                    so += outerSrc[k];
                    dOff += outerDst[k];
                    if (++index[k] < outerShape[k])
                        break;
                    so -= outerSrc[k] * outerShape[k];
                    dOff -= outerDst[k] * outerShape[k];
                    index[k] = 0;
                }
            }
        }
    }

    private static void RunBytes(ref byte src, ref byte dst, CopyPlan plan, int itemSize)
    {
        int n = plan.Shape.Length;
        Span<long> index = n <= 16 ? stackalloc long[n] : new long[n];
        index.Clear();
        long total = plan.Shape.Aggregate(1L, (a, b) => a * b);
        long so = 0, dOff = 0;
        for (long e = 0; e < total; e++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref src, (nint)so), itemSize)
                .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref dst, (nint)dOff), itemSize));
            Advance(index, plan, n - 1, ref so, ref dOff);
        }
    }

    private static void CopyObjects(object?[] src, long srcOffset, object?[] dst, long dstOffset, CopyPlan plan)
    {
        int n = plan.Shape.Length;
        Span<long> index = n <= 16 ? stackalloc long[n] : new long[n];
        index.Clear();
        long total = plan.Shape.Aggregate(1L, (a, b) => a * b);
        long so = srcOffset, dOff = dstOffset;
        for (long e = 0; e < total; e++)
        {
            dst[dOff / ObjectBuffer.ElementSize] = src[so / ObjectBuffer.ElementSize];
            Advance(index, plan, n - 1, ref so, ref dOff);
        }
    }
}
