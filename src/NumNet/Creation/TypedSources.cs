using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting;
using NumNet.Casting.Loops;
using NumNet.DTypes;
using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// Typed .NET collections of numbers, turned into arrays without visiting their values one by one as objects: a
/// collection of <c>T</c> (<see cref="List{T}"/>, any <see cref="IList{T}"/> or <see cref="IReadOnlyList{T}"/>) is a
/// 1-d array, rows of <c>T</c> (<c>T[][]</c>, <c>List&lt;T[]&gt;</c>) of one length a 2-d array. Their shape follows
/// from lengths alone and their dtype from <c>T</c> alone, so discovery is a pass over the row lengths and the fill is
/// one block copy, or one call of the cast loop, per row.
/// </summary>
/// <remarks>
/// Whatever would make the general pipeline answer differently returns null and takes that pipeline: no values (an
/// empty list discovers float64, not <c>T</c>), ragged or null rows (an error or an object array), a dtype with
/// parameters still to discover, a cast that can fail or raise a ComplexWarning, and, for values that are scalars rather than rows, any
/// cast that is not safe, because NumPy converts scalars by per-value rules (overflow and NaN raise) where arrays are
/// cast.
/// </remarks>
internal static class TypedSources
{
    private enum Form : byte
    {
        None,
        Values,
        Rows,
    }

    private readonly record struct Source(Form Form, DType? Element);

    private static readonly ConcurrentDictionary<Type, Source> Sources = new();

    /// <summary>The new array for <paramref name="obj"/>, or null when it is not a typed source this path takes.</summary>
    public static NDArray? TryCreate(object obj, RequestedDType request, MemoryOrder order, bool? copy)
    {
        var type = obj.GetType();
        if (!Sources.TryGetValue(type, out var source))
            source = Sources.GetOrAdd(type, Inspect(obj));
        if (source.Form == Form.None || copy == false || (request.DType is not null && !request.IsComplete))
            return null;
        var element = source.Element!;
        var target = request.DType ?? element;
        bool fortran = order == MemoryOrder.F && source.Form == Form.Rows;
        ByteCastLoop? loop = null;
        if (target != element || fortran)
        {
            if (source.Form == Form.Values && !(NumericTraits.IsNumeric(target.Code) && NumericTraits.IsSafe(element.Code, target.Code)))
                return null;
            loop = CastEngine.LineLoop(element, target);
            if (loop is null)
                return null;
        }
        var status = loop is null ? null : CastStatusCheck.For(element, target);
        var visitor = new Visitor(obj, source.Form, target, loop, status, fortran);
        var result = element.Family.Accept<Visitor, NDArray?>(ref visitor);
        if (status is { Probe.Reported: true })
            CastEngine.WarnStatus(status);
        return result;
    }

    // Anything the classifier takes before sequences (arrays, buffers, protocols, tensors, tuples) or never takes as
    // one (mappings) is not a typed source, so this path only ever answers for inputs the pipeline sees as sequences.
    private static Source Inspect(object obj)
    {
        var type = obj.GetType();
        if (obj is NDArray or IArrayInterface or IArrayConvertible or ITuple or IDictionary)
            return default;
        if (type.IsArray)
            return type.IsSZArray && RowElement(type.GetElementType()!) is { } e ? new(Form.Rows, e) : default;
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Memory<>) || definition == typeof(ReadOnlyMemory<>) || definition == typeof(ArraySegment<>) || definition == typeof(Tensor<>))
                return default;
            if (definition == typeof(List<>) && RowElement(type.GetGenericArguments()[0]) is { } e)
                return new(Form.Rows, e);
        }
        // Asking the object which numeric lists it is, family by family, needs no reflection over its interfaces.
        DType? found = null;
        foreach (var family in DTypeRegistry.Families)
        {
            if (!NumericTraits.IsNumeric(family.Code))
                continue;
            var probe = new ListProbe(obj);
            if (family.Accept<ListProbe, DType?>(ref probe) is not { } e)
                continue;
            // A collection of two kinds of numbers has no single T; the general path decides what it is.
            if (found is not null && found != e)
                return default;
            found = e;
        }
        return found is null ? default : new(Form.Values, found);
    }

    private readonly struct ListProbe(object obj) : IDTypeVisitor<DType?>
    {
        public DType? Visit<T>() where T : unmanaged =>
            obj is IList<T> or IReadOnlyList<T> ? Numeric(typeof(T)) : null;

        public DType? VisitOther(DTypeClass dtypeClass) => null;
    }

    private static DType? RowElement(Type row) => row.IsSZArray ? Numeric(row.GetElementType()!) : null;

    private static DType? Numeric(Type element) =>
        BufferViews.DTypeOfElement(element) is { } d && NumericTraits.IsNumeric(d.Code) ? d : null;

    private readonly struct Visitor(object obj, Form form, DType target, ByteCastLoop? loop, CastStatusCheck? status, bool fortran) : IDTypeVisitor<NDArray?>
    {
        public NDArray? Visit<T>() where T : unmanaged =>
            form == Form.Rows ? FromRows<T>(obj, target, loop, status, fortran) : FromValues<T>(obj, target, loop, status);

        public NDArray? VisitOther(DTypeClass dtypeClass) => null;
    }

    private static NDArray? FromValues<T>(object obj, DType target, ByteCastLoop? loop, CastStatusCheck? status) where T : unmanaged
    {
        // The values are read once, the way the general path would read them: the indexer of a list (its Count asked
        // once), else the enumerator (not Count and CopyTo, which a collection can answer inconsistently).
        ReadOnlySpan<T> values = obj switch
        {
            List<T> list => SequenceSnapshot.Of(list),
            IList<T> list when obj is IList => Indexed(list),
            IReadOnlyList<T> list when obj is IList => Indexed(list),
            IEnumerable<T> sequence => Enumerated(sequence),
            _ => default,
        };
        if (values.IsEmpty)
            return null;
        var result = NDArray.Allocate(target, [values.Length], MemoryOrder.C, zero: false);
        Store(values, result, result.Offset, target.ItemSize, loop, status);
        return result;
    }

    private static T[] Indexed<T>(IList<T> list)
    {
        var values = new T[list.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = list[i];
        return values;
    }

    private static T[] Indexed<T>(IReadOnlyList<T> list)
    {
        var values = new T[list.Count];
        for (int i = 0; i < values.Length; i++)
            values[i] = list[i];
        return values;
    }

    private static ReadOnlySpan<T> Enumerated<T>(IEnumerable<T> sequence)
    {
        var values = new List<T>();
        foreach (var value in sequence)
            values.Add(value);
        return CollectionsMarshal.AsSpan(values);
    }

    private static NDArray? FromRows<T>(object obj, DType target, ByteCastLoop? loop, CastStatusCheck? status, bool fortran) where T : unmanaged
    {
        // The row references are copied once (cheap: one reference per row, no values): another thread may replace a
        // row of the caller's array at any time, but not one of these, and a T[] never changes its length.
        T[]?[] rows = obj switch
        {
            T[][] jagged => (T[][])jagged.Clone(),
            List<T[]> list => SequenceSnapshot.Of(list).ToArray(),
            _ => [],
        };
        if (rows.Length == 0 || rows[0] is not { } first)
            return null;
        int length = first.Length;
        foreach (var row in rows)
        {
            // The runtime lets a uint[] sit in an int[][] slot; such a row has its own dtype, so the general path decides.
            if (row is null || row.Length != length || row.GetType() != typeof(T[]))
                return null;
        }
        var result = NDArray.Allocate(target, [rows.Length, length], fortran ? MemoryOrder.F : MemoryOrder.C, zero: false);
        long rowStride = result.StridesRef[0], itemStride = result.StridesRef[1];
        for (int i = 0; i < rows.Length; i++)
        {
            var row = rows[i]!;
            Debug.Assert(row.Length == length, "a row changed length after it was measured");
            Store<T>(row, result, result.Offset + i * rowStride, itemStride, loop, status);
        }
        return result;
    }

    // No loop means the same dtype into a contiguous line: a block copy.
    // A cast that can set the FP status is checked as the cast engine checks its lines (the status check notes what it found).
    private static void Store<T>(ReadOnlySpan<T> values, NDArray result, long byteOffset, long stride, ByteCastLoop? loop, CastStatusCheck? status) where T : unmanaged
    {
        Debug.Assert(FillBounds.Within(result.Buffer, byteOffset, values.Length, stride, result.ItemSize), "the values run past the result");
        using var lease = result.Lease();
        ref byte dst = ref lease.At(byteOffset);
        if (loop is null)
        {
            values.CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref dst), values.Length));
            return;
        }
        ref byte src = ref Unsafe.As<T, byte>(ref MemoryMarshal.GetReference(values));
        if (status is null || status.Probe.Reported)
            loop.RunLine(ref src, Unsafe.SizeOf<T>(), ref dst, (nint)stride, values.Length);
        else if (CastEngine.RunLineChecked(loop, status, ref src, Unsafe.SizeOf<T>(), ref dst, (nint)stride, values.Length))
            status.Probe.NoteReported();
    }
}
