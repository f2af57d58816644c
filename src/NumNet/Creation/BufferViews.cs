using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using NumNet.DTypes;
using NumNet.Layout;
using NumNet.Memory;

namespace NumNet.Creation;

/// <summary>
/// Zero-copy views of typed .NET memory (NumPy's buffer protocol): <c>T[]</c>, <c>T[,]</c>, <c>T[,,]</c>…,
/// <c>Memory&lt;T&gt;</c>, <c>ReadOnlyMemory&lt;T&gt;</c> and <c>ArraySegment&lt;T&gt;</c> of every element type that
/// is some dtype's element type. The view's base is the caller's object and writes go both ways.
/// </summary>
internal static class BufferViews
{
    private static readonly ConcurrentDictionary<Type, DType?> ElementDTypes = new();

    /// <summary>The dtype whose elements are exactly <paramref name="element"/>, or null.</summary>
    public static DType? DTypeOfElement(Type element) => ElementDTypes.GetOrAdd(element, static t =>
    {
        if (!t.IsValueType || t == typeof(char) || t == typeof(nint) || t == typeof(nuint))
            return null;
        try
        {
            var dtype = DTypeParser.FromType(t);
            return dtype.ElementType == t && !dtype.IsObject && dtype.DateTimeMeta is null ? dtype : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    });

    /// <summary>True for arrays whose element type is a dtype's element type (<c>double[]</c>, <c>int[,]</c>, <c>byte[]</c>).</summary>
    public static bool IsBufferType(Type arrayType) =>
        arrayType.IsArray && arrayType.GetElementType() is { } e && DTypeOfElement(e) is not null;

    /// <summary>A view of <paramref name="obj"/> when it is a typed buffer, else null.</summary>
    public static NDArray? TryView(object obj)
    {
        var type = obj.GetType();
        Type? element = type.IsArray ? type.GetElementType()
            : type.IsGenericType && IsMemoryLike(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0]
            : null;
        if (element is null || DTypeOfElement(element) is not { } dtype)
            return null;
        var visitor = new ViewVisitor(obj, dtype);
        return dtype.Family.Accept<ViewVisitor, NDArray?>(ref visitor);
    }

    private static bool IsMemoryLike(Type definition) =>
        definition == typeof(Memory<>) || definition == typeof(ReadOnlyMemory<>) || definition == typeof(ArraySegment<>);

    /// <summary>A view of a whole managed array of any rank, in C order.</summary>
    public static NDArray OfArray<T>(Array array, DType dtype) where T : unmanaged
    {
        var shape = new long[array.Rank];
        for (int i = 0; i < shape.Length; i++)
            shape[i] = array.GetLongLength(i);
        var buffer = ManagedArrayBuffer.Create<T>(array);
        return new NDArray(dtype, buffer, 0, shape, ShapeMath.ContiguousStrides(shape, dtype.ItemSize, fortran: false), array);
    }

    /// <summary>A 1-d view of <paramref name="memory"/>; read-only when <paramref name="readOnly"/>.</summary>
    public static NDArray OfMemory<T>(ReadOnlyMemory<T> memory, DType dtype, bool readOnly, object owner) where T : unmanaged
    {
        long length = memory.Length;
        ArrayBuffer buffer = MemoryMarshal.TryGetArray(memory, out var segment)
            ? ManagedArrayBuffer.Create<T>(segment.Array!, segment.Offset, segment.Count, readOnly)
            : new MemoryBuffer<T>(memory, readOnly);
        // The base is the caller's array when there is one, so np.shares_memory and Base name what the caller holds.
        object @base = segment.Array ?? owner;
        return new NDArray(dtype, buffer, 0, [length], [dtype.ItemSize], @base);
    }

    private readonly struct ViewVisitor(object obj, DType dtype) : IDTypeVisitor<NDArray?>
    {
        public NDArray? Visit<T>() where T : unmanaged => obj switch
        {
            Array a => OfArray<T>(a, dtype),
            Memory<T> m => OfMemory<T>(m, dtype, readOnly: false, obj),
            ReadOnlyMemory<T> r => OfMemory(r, dtype, readOnly: true, obj),
            ArraySegment<T> s => OfMemory<T>(s.AsMemory(), dtype, readOnly: false, obj),
            _ => null,
        };

        public NDArray? VisitOther(DTypeClass dtypeClass) => null;
    }
}
