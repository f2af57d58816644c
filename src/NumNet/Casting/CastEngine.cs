using System.Runtime.CompilerServices;
using NumNet.Casting.Loops;
using NumNet.DTypes;
using NumNet.Layout;
using NumNet.Memory;

namespace NumNet.Casting;

/// <summary>
/// Runs casts between arrays: picks the loop for the dtype pair, simplifies the iteration (dimensions merged, order
/// chosen for the target, as a same-dtype copy does) and calls the loop once per innermost line.
/// </summary>
/// <remarks>Entry point for array creation as well as <see cref="NDArray.AsType(DType, OrderLike?, CastingLike?, bool)"/>.</remarks>
internal static class CastEngine
{
    /// <summary>
    /// A new array holding <paramref name="src"/>'s values as <paramref name="to"/>, laid out in <paramref name="order"/>
    /// (K keeps the source's memory order). An unsized string target is sized for the source.
    /// </summary>
    /// <exception cref="InvalidCastException">NumPy defines no cast between the two dtypes.</exception>
    public static NDArray Cast(NDArray src, DType to, MemoryOrder order)
    {
        var target = Sized(src, to);
        var dst = NDArray.Allocate(target, (long[])src.ShapeRef.Clone(), StridesLike(src, order, target.ItemSize), zero: target.IsObject);
        // The same dtype is a copy: StridedCopy moves whole blocks and transposes in cache-sized tiles, where the cast
        // loop would walk one line at a time (ascontiguousarray of a transposed 4096x4096 float64: 230 ms -> 77 ms).
        if (target == src.DType)
            StridedCopy.Copy(src, dst);
        else
            Fill(src, dst, GetLoop(src.DType, target));
        return dst;
    }

    /// <summary>
    /// Casts every element of <paramref name="src"/> into the same position of <paramref name="dst"/> (same shape, any
    /// dtypes). The loop is found and checked before anything is written, and casts whose values can fail are done into a
    /// temporary first, so a failure leaves <paramref name="dst"/> untouched.
    /// </summary>
    /// <exception cref="ArgumentException">Shapes differ, or <paramref name="dst"/> is not writeable.</exception>
    /// <exception cref="InvalidCastException">NumPy defines no cast between the two dtypes.</exception>
    public static void CastInto(NDArray src, NDArray dst)
    {
        if (!src.ShapeRef.AsSpan().SequenceEqual(dst.ShapeRef))
            throw new ArgumentException($"cannot cast an array of shape {ShapeMath.Format(src.ShapeRef)} into one of shape {ShapeMath.Format(dst.ShapeRef)}");
        dst.EnsureWriteable();
        if (dst.DType.ItemSize == 0 && dst.Size > 0)
            throw new ArgumentException($"cannot cast into the unsized dtype {dst.DType}");
        var loop = GetLoop(src.DType, dst.DType);
        bool overlap = MemoryOverlap.MayShare(src, dst);
        if (loop.CanFail || (overlap && src.DType != dst.DType))
        {
            using var temp = NDArray.Allocate(dst.DType, (long[])src.ShapeRef.Clone(), StridesLike(src, MemoryOrder.K, dst.DType.ItemSize), zero: dst.DType.IsObject);
            Fill(src, temp, loop);
            StridedCopy.Copy(temp, dst);
            return;
        }
        Fill(src, dst, loop);
    }

    /// <summary>
    /// The loop for casting lines of <paramref name="from"/> elements held outside any array (rows of a jagged .NET
    /// array, a list's backing store) into <paramref name="to"/>; null when that cast is not a plain numeric loop that
    /// can neither fail nor raise a ComplexWarning, so the caller must take the general path instead. Casts whose values
    /// can set the FP status run through <see cref="RunLineChecked"/> with <see cref="CastStatusCheck.For"/>.
    /// </summary>
    internal static ByteCastLoop? LineLoop(DType from, DType to)
    {
        if (!NumericTraits.IsNumeric(from.Code) || !NumericTraits.IsNumeric(to.Code) || Warns(from, to))
            return null;
        return CastLoopTable.Get(from, to) is ByteCastLoop { CanFail: false } loop ? loop : null;
    }

    private static CastLoop GetLoop(DType from, DType to) =>
        CastLoopTable.Get(from, to)
        ?? throw new InvalidCastException($"Cannot cast array data from {from.Repr()} to {to.Repr()}: NumPy defines no such cast");

    private static void Fill(NDArray src, NDArray dst, CastLoop loop)
    {
        WarnIfLossy(src.DType, dst.DType);
        if (src.Size == 0)
            return;
        var plan = StridedCopy.Plan(src.ShapeRef, src.StridesRef, dst.StridesRef);
        int n = plan.Shape.Length;
        long inner = plan.Shape[n - 1], sInner = plan.SrcStrides[n - 1], dInner = plan.DstStrides[n - 1];
        Span<long> index = n <= 16 ? stackalloc long[n] : new long[n];
        index.Clear();
        long outer = 1;
        for (int i = 0; i < n - 1; i++)
            outer *= plan.Shape[i];
        long so = src.Offset, dOff = dst.Offset;
        // Status rules are for numeric pairs, whose loops run over bytes.
        var status = loop is ByteCastLoop ? CastStatusCheck.For(src.DType, dst.DType) : null;
        bool reported = false;
        using var source = src.Lease();
        using var target = dst.Lease();
        int threads = SplitCast.Threads(loop, src.Size, src.DType, dst.DType);
        if (threads > 1)
        {
            if (SplitCast.Run((ByteCastLoop)loop, src.DType, dst.DType, plan, threads, source.Memory, so, target.Memory, dOff))
                WarnStatus(status!);
            return;
        }
        for (long o = 0; o < outer; o++)
        {
            if (status is null || reported)
                loop.Run(source.Memory, so, sInner, target.Memory, dOff, dInner, inner);
            else
                reported = RunLineChecked((ByteCastLoop)loop, status, ref source.Memory.At(so), (nint)sInner, ref target.Memory.At(dOff), (nint)dInner, (nint)inner);
            for (int k = n - 2; k >= 0; k--)
            {
                so += plan.SrcStrides[k];
                dOff += plan.DstStrides[k];
                if (++index[k] < plan.Shape[k])
                    break;
                so -= plan.SrcStrides[k] * plan.Shape[k];
                dOff -= plan.DstStrides[k] * plan.Shape[k];
                index[k] = 0;
            }
        }
        // NumPy looks at the floating-point status once, after the whole cast, and warns once.
        if (reported)
            WarnStatus(status!);
    }

    /// <summary>NumPy's RuntimeWarning for a cast whose status check reported.</summary>
    internal static void WarnStatus(CastStatusCheck status) => Warnings.Warn(NumPyWarningKind.RuntimeWarning, status.Message);

    /// <summary>
    /// One line cast with its status checked: the vector loops screen the leading elements they convert
    /// (Layout/StreamingCast), and the elements they leave (a tail shorter than a vector, or a whole line of a loop
    /// without a probe) are checked here, while they are still in cache. True when some value sets the status.
    /// </summary>
    internal static bool RunLineChecked(ByteCastLoop loop, CastStatusCheck status, ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        var probe = status.Probe;
        probe.StartLine();
        StreamingCast.Probe = probe;
        try
        {
            loop.RunLine(ref src, srcStride, ref dst, dstStride, count);
        }
        finally
        {
            StreamingCast.Probe = null;
        }
        // The screen let a value through (NaN, infinity, or a large magnitude): the exact check decides.
        if (probe.MayReport)
            return status.AnyReported(ref src, srcStride, count);
        nint probed = (nint)Math.Min(probe.Elements, count);
        return probed < count && status.AnyReported(ref Unsafe.Add(ref src, probed * srcStride), srcStride, count - probed);
    }

    private static void WarnIfLossy(DType from, DType to)
    {
        if (Warns(from, to))
            Warnings.Warn(NumPyWarningKind.ComplexWarning, "Casting complex values to real discards the imaginary part");
    }

    private static bool Warns(DType from, DType to) =>
        NumericTraits.IsNumeric(from.Code) && NumericTraits.IsComplex(from.Code)
        && NumericTraits.IsNumeric(to.Code) && !NumericTraits.IsComplex(to.Code) && to.Code != DTypeCode.Bool;

    /// <summary>The target with open parameters filled in: string lengths from the source's type, or from its values for object.</summary>
    internal static DType Sized(NDArray src, DType to)
    {
        var resolved = CastSafety.Resolve(src.DType, to).To;
        // Numbers cast to a unit-less datetime64 as counts (NumPy's array casts need no unit; only a Python int stored
        // into one does, which creation refuses).
        if (resolved.ItemSize != 0 || !CastSafety.IsText(resolved.Code))
            return resolved;
        // Only the values can tell how long their text is (NumPy runs str() over an object array to find out).
        var read = ElementAccess.Reader(src.DType);
        int longest = 1;
        var walker = src.Size == 0 ? [] : Offsets(src);
        using var lease = src.Lease();
        foreach (long offset in walker)
        {
            object? value = read(lease.Memory, offset);
            // Bytes size an S target by their length, undecoded (string_discover_descr_from_pyobject); anything else by str().
            if (resolved.Code == DTypeCode.Bytes && value is Bytes raw)
            {
                longest = Math.Max(longest, raw.Length);
                continue;
            }
            string text = ElementAccess.TextOf(value);
            longest = Math.Max(longest, resolved.Code == DTypeCode.Unicode ? text.EnumerateRunes().Count() : text.Length);
        }
        return resolved.WithLength(longest);
    }

    private static List<long> Offsets(NDArray a)
    {
        var result = new List<long>((int)Math.Min(a.Size, int.MaxValue));
        int n = a.NDim;
        var index = new long[n];
        for (long e = 0; e < a.Size; e++)
        {
            long offset = a.Offset;
            for (int i = 0; i < n; i++)
                offset += index[i] * a.StridesRef[i];
            result.Add(offset);
            for (int k = n - 1; k >= 0; k--)
            {
                if (++index[k] < a.ShapeRef[k])
                    break;
                index[k] = 0;
            }
        }
        return result;
    }

    /// <summary>Strides of a new array like <paramref name="src"/> in <paramref name="order"/>, for elements of <paramref name="itemSize"/> bytes.</summary>
    internal static long[] StridesLike(NDArray src, MemoryOrder order, int itemSize)
    {
        var shape = src.ShapeRef;
        switch (order)
        {
            case MemoryOrder.A:
                order = StridePermutation.IsFortran(src) ? MemoryOrder.F : MemoryOrder.C;
                break;
            case MemoryOrder.K when src.IsCContiguous || src.NDim <= 1:
                order = MemoryOrder.C;
                break;
            case MemoryOrder.K when src.IsFContiguous:
                order = MemoryOrder.F;
                break;
        }
        if (order == MemoryOrder.K)
            return StridePermutation.StridesForOrder(shape, StridePermutation.ByAbsoluteStride(src.StridesRef), itemSize);
        return ShapeMath.ContiguousStrides(shape, itemSize, order == MemoryOrder.F);
    }
}
