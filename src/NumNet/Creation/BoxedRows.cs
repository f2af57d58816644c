using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting;
using NumNet.DTypes;
using NumNet.Internal;
using NumNet.Layout;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// One speculative pass for the commonest nested input: an <c>object[]</c> or <c>List&lt;object&gt;</c> of numbers
/// boxed as one .NET type, or of rows of them of one length (Python's list of floats, list of lists of ints). The first
/// leaf fixes the guess (shape from the first row, dtype from the leaf's type), the array is allocated at once, and
/// discovery and fill become one walk that checks each leaf's type and stores it straight into the typed result.
/// </summary>
/// <remarks>
/// The guess holds exactly when every row is a plain list of that length and every leaf has the first leaf's type
/// (for int64, also a Python int that fits), since such leaves all discover the same dtype and change no shape. Any
/// other input (a leaf of another type, a nested array, a ragged row, a list that contains itself) gives the
/// array back to the allocator and returns null for the general pipeline, which then answers as it always does.
/// Large inputs (<see cref="SplitParts.FromLeaves"/> leaves or more) are written on up to
/// <see cref="NumNetSettings.MaxThreads"/> threads, one run of consecutive rows (or of a single row's leaves) each:
/// every leaf is read and stored by the same code, and the outcome (written, given back, or the exception of a row
/// that changed) is that of the first part in input order that did not write, so it is the one-thread outcome.
/// </remarks>
internal static class BoxedRows
{
    /// <summary>The new array for <paramref name="obj"/>, or null when the guess does not hold.</summary>
    public static NDArray? TryCreate(object? obj, RequestedDType request, MemoryOrder order)
    {
        if (!TryItems(obj, out var items) || items.IsEmpty)
            return null;
        object? first = items[0];
        long[] shape = [items.Length];
        if (TryItems(first, out var firstRow))
        {
            if (firstRow.IsEmpty)
                return null;
            first = firstRow[0];
            shape = [items.Length, firstRow.Length];
        }
        if (first is null || LeafDType(first) is not { } dtype || (request.DType is { } requested && requested != dtype))
            return null;
        var factory = new WriterFactory();
        if (dtype.Family.Accept<WriterFactory, RowsWriter?>(ref factory) is not { } writer)
            return null;
        // The requested descriptor, when there is one: it equals the guess but may spell it differently (longlong, 'q').
        var result = NDArray.Allocate(request.DType ?? dtype, shape, order == MemoryOrder.F ? MemoryOrder.F : MemoryOrder.C, zero: false);
        // The items measured above are the items written: the input is not read again at this level.
        if (writer.TryWrite(items, result))
            return result;
        result.Dispose();
        return null;
    }

    // The dtype of a leaf whose dtype depends on its type alone (or on a Python int's fitting int64), so that leaves of
    // the same type need only a type check.
    private static DType? LeafDType(object leaf)
    {
        if (leaf is BigInteger big)
            return ScalarDTypes.FitsInt64(big) ? np.int64 : null;
        return BufferViews.DTypeOfElement(leaf.GetType()) is { } d && NumericTraits.IsNumeric(d.Code)
            && ScalarDTypes.Of(leaf) == d ? d : null;
    }

    /// <summary>True when <paramref name="obj"/> is of a type the fast path reads: an <c>object[]</c> or a <c>List&lt;object?&gt;</c>.</summary>
    public static bool IsTopLevelType(object? obj) => obj is not null && (obj.GetType() == typeof(object[]) || obj.GetType() == typeof(List<object?>));

    // Only these two exact types: a subclass or a typed array is classified differently by the general pipeline.
    private static bool TryItems(object? obj, out ReadOnlySpan<object?> items)
    {
        if (obj is not null)
        {
            var type = obj.GetType();
            if (type == typeof(object[]))
            {
                items = Unsafe.As<object?[]>(obj);
                return true;
            }
            if (type == typeof(List<object?>))
            {
                items = SequenceSnapshot.Of(Unsafe.As<List<object?>>(obj));
                return true;
            }
        }
        items = default;
        return false;
    }

    // Picks the writer for the element type once; the writer then runs on the items already read.
    private readonly struct WriterFactory : IDTypeVisitor<RowsWriter?>
    {
        public RowsWriter? Visit<T>() where T : unmanaged =>
            typeof(T) == typeof(long) ? RowsWriter<long, Int64Leaf>.Instance : RowsWriter<T, ExactLeaf<T>>.Instance;

        public RowsWriter? VisitOther(DTypeClass dtypeClass) => null;
    }

    private abstract class RowsWriter
    {
        // False when a row or a leaf breaks the guess; the result is then partly written and must be dropped.
        public abstract bool TryWrite(ReadOnlySpan<object?> items, NDArray result);
    }

    private sealed class RowsWriter<T, TLeaf> : RowsWriter where T : unmanaged where TLeaf : ILeaf<T>
    {
        public static readonly RowsWriter<T, TLeaf> Instance = new();

        public override bool TryWrite(ReadOnlySpan<object?> items, NDArray result) => Fill<T, TLeaf>(items, result);
    }

    private interface ILeaf<T>
    {
        static abstract bool TryRead(object? leaf, out T value);
    }

    private readonly struct ExactLeaf<T> : ILeaf<T> where T : unmanaged
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryRead(object? leaf, out T value)
        {
            if (leaf is T v)
            {
                value = v;
                return true;
            }
            value = default;
            return false;
        }
    }

    // int64 is discovered both for long and for Python ints in its range; the two mix freely.
    private readonly struct Int64Leaf : ILeaf<long>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool TryRead(object? leaf, out long value)
        {
            if (leaf is long v)
            {
                value = v;
                return true;
            }
            if (leaf is BigInteger big && ScalarDTypes.FitsInt64(big))
            {
                value = (long)big;
                return true;
            }
            value = 0;
            return false;
        }
    }

    private static unsafe bool Fill<T, TLeaf>(ReadOnlySpan<object?> items, NDArray result) where T : unmanaged where TLeaf : ILeaf<T>
    {
        using var lease = result.Lease();
        var target = new Target(result);
        Debug.Assert(items.Length == result.ShapeRef[0], "the rows written are not the rows measured");
        int parts = SplitParts.Threads((long)items.Length * target.RowLength, items.Length);
        // Pinned until SplitParts.RunOver returns, which is after every part has ended, inside the lease: the parts
        // rebuild the same reference into the result from the address.
        fixed (byte* resultStart = &lease.At(result.Offset))
        {
            nint dst = (nint)resultStart;
            return SplitParts.RunOver(items, parts, (all, first, end, part, stop) =>
                Part<T, TLeaf>(all, first, end, ref Unsafe.AsRef<byte>((void*)dst), target, part, stop));
        }
    }

    // The result's layout as the parts need it, read once.
    private readonly record struct Target(ArrayBuffer Buffer, long Offset, int NDim, int RowLength, nint RowStride, nint ItemStride)
    {
        public Target(NDArray result) : this(result.Buffer, result.Offset, result.NDim, result.NDim == 1 ? 1 : (int)result.ShapeRef[1],
            (nint)result.StridesRef[0], result.NDim == 1 ? 0 : (nint)result.StridesRef[1])
        {
        }
    }

    // Leaves a part of a long single row checks the stop signal after: the walk ends soon after an earlier part failed.
    private const int LeavesBetweenStopChecks = 1 << 13;

    // Items [first, end) of the top level: leaves of a single row, or whole rows.
    private static bool Part<T, TLeaf>(ReadOnlySpan<object?> items, int first, int end, ref byte origin, in Target target, int part, SplitParts.Stop stop)
        where T : unmanaged where TLeaf : ILeaf<T>
    {
        if (target.NDim == 1)
        {
            for (int block = first; block < end; block += LeavesBetweenStopChecks)
            {
                if (stop.EarlierFailed(part))
                    return false;
                var leaves = items[block..Math.Min(end, block + LeavesBetweenStopChecks)];
                Debug.Assert(FillBounds.Within(target.Buffer, target.Offset + block * target.RowStride, leaves.Length, target.RowStride, Unsafe.SizeOf<T>()), "the row runs past the result");
                if (!Line<T, TLeaf>(leaves, ref Unsafe.Add(ref origin, block * target.RowStride), target.RowStride))
                    return false;
            }
            return true;
        }
        for (int i = first; i < end; i++)
        {
            // Each row is read once, and written only if it still has the first row's length.
            if (stop.EarlierFailed(part) || !TryItems(items[i], out var row) || row.Length != target.RowLength)
                return false;
            Debug.Assert(FillBounds.Within(target.Buffer, target.Offset + i * target.RowStride, row.Length, target.ItemStride, Unsafe.SizeOf<T>()), "a row runs past the result");
            if (!Line<T, TLeaf>(row, ref Unsafe.Add(ref origin, i * target.RowStride), target.ItemStride))
                return false;
        }
        return true;
    }

    private static bool Line<T, TLeaf>(ReadOnlySpan<object?> items, ref byte dst, nint stride) where T : unmanaged where TLeaf : ILeaf<T>
    {
        if (stride == Unsafe.SizeOf<T>())
        {
            // Contiguous: the JIT sees a constant step and keeps the loop tight.
            ref T line = ref Unsafe.As<byte, T>(ref dst);
            for (int j = 0; j < items.Length; j++)
            {
                if (!TLeaf.TryRead(items[j], out Unsafe.Add(ref line, j)))
                    return false;
            }
            return true;
        }
        for (int j = 0; j < items.Length; j++)
        {
            if (!TLeaf.TryRead(items[j], out T value))
                return false;
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, j * stride), value);
        }
        return true;
    }
}
