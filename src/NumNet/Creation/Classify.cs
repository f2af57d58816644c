using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace NumNet.Creation;

/// <summary>What an input is, in the order NumPy asks: an array, a scalar, a sequence, or an opaque object.</summary>
internal enum NodeKind
{
    /// <summary>A known scalar, or an object that is none of the others (stored as an object-dtype element).</summary>
    Scalar,
    /// <summary>An array: an NDArray, or a buffer, array interface, self-converting object or tensor turned into one.</summary>
    Array,
    /// <summary>A sequence whose items are visited in order.</summary>
    Sequence,
}

/// <summary>One classified input: its kind plus the array or the items it stands for.</summary>
internal readonly record struct Node(NodeKind Kind, NDArray? Array = null, IList? Items = null);

/// <summary>
/// Stage 1 of the coercion pipeline: classifies any .NET object in NumPy's order: <see cref="NDArray"/>, known
/// scalar, typed buffer (<c>T[]</c>, <c>T[,]</c>, <c>Memory&lt;T&gt;</c>…), <see cref="IArrayInterface"/>,
/// <see cref="IArrayConvertible"/>, tensor, sequence (lists, tuples, any enumerable), else an opaque object.
/// </summary>
/// <remarks>
/// Conversions (enumerables materialised, array-likes converted) are remembered in a cache keyed by the object, so
/// the fill stage meets exactly what discovery saw and nothing is enumerated or converted twice.
/// </remarks>
internal sealed class Classifier
{
    private Dictionary<object, Node>? _cache;
    private readonly DType? _requested;

    /// <param name="requested">The dtype the caller asked for, handed to <see cref="IArrayConvertible.ToNDArray"/>.</param>
    public Classifier(DType? requested) => _requested = requested;

    /// <summary>Classifies <paramref name="obj"/>.</summary>
    public Node Resolve(object? obj)
    {
        switch (obj)
        {
            case null:
                return new Node(NodeKind.Scalar);
            case NDArray a:
                return new Node(NodeKind.Array, a);
            // A NumPy scalar is an element, stored as NumPy's PyArray_Pack stores it (ScalarPack), not a 0-d array.
            case NumPyScalar:
                return new Node(NodeKind.Scalar);
            // A List<object?> is copied once and the copy cached, so discovery and fill read the same items: another
            // thread clearing or replacing a slot between the two walks cannot give fill a value discovery never saw
            // (a None where it measured floats, stored as NaN into the float64 it chose).
            case List<object?> mutable when obj.GetType() == typeof(List<object?>):
                return Cached(obj, () => new Node(NodeKind.Sequence, Items: SequenceSnapshot.Of(mutable).ToArray()));
            case IList list when obj is not (IArrayInterface or IArrayConvertible) && (obj is not System.Array || !BufferViews.IsBufferType(obj.GetType())):
                if (obj is System.Array { Rank: > 1 } multi)
                    return Cached(obj, () => new Node(NodeKind.Sequence, Items: NestRanks(multi)));
                return new Node(NodeKind.Sequence, Items: list);
        }
        if (ScalarDTypes.IsKnownScalar(obj))
            return new Node(NodeKind.Scalar);
        return Cached(obj, () => Convert(obj));
    }

    private Node Cached(object obj, Func<Node> convert)
    {
        _cache ??= new Dictionary<object, Node>(ReferenceEqualityComparer.Instance);
        if (!_cache.TryGetValue(obj, out var node))
        {
            node = convert();
            _cache[obj] = node;
        }
        return node;
    }

    private Node Convert(object obj)
    {
        if (BufferViews.TryView(obj) is { } view)
            return new Node(NodeKind.Array, view);
        // A Memory of elements that are no dtype's element type is what the T[] it covers would be (a copy, as that
        // array's values are copied too): "ab".AsMemory() as a char[], a Memory<DateTime> as a DateTime[].
        if (MemoryElements.TryCopy(obj) is { } elements)
            return new Node(NodeKind.Sequence, Items: elements);
        if (obj is IArrayInterface exporter)
            return new Node(NodeKind.Array, ArrayInterfaceImport.View(exporter));
        if (obj is IArrayConvertible convertible)
            return new Node(NodeKind.Array, convertible.ToNDArray(_requested, null)
                ?? throw new InvalidOperationException($"{obj.GetType().Name}.ToNDArray returned null"));
        if (TensorInterop.TryView(obj) is { } tensor)
            return new Node(NodeKind.Array, tensor);
        if (obj is ITuple tuple)
        {
            var items = new object?[tuple.Length];
            for (int i = 0; i < items.Length; i++)
                items[i] = tuple[i];
            return new Node(NodeKind.Sequence, Items: items);
        }
        // Mappings are elements, as NumPy treats dicts; strings never reach here (they are scalars).
        if (obj is IEnumerable enumerable && obj is not IDictionary)
            return new Node(NodeKind.Sequence, Items: Materialize(enumerable));
        return new Node(NodeKind.Scalar);
    }

    private static object?[] Materialize(IEnumerable enumerable)
    {
        var items = new List<object?>();
        foreach (var item in enumerable)
            items.Add(item);
        return items.ToArray();
    }

    // A multi-dimensional array of references (string[,], object[,,]) becomes nested rows, one level per rank.
    private static object?[] NestRanks(System.Array array)
    {
        var index = new int[array.Rank];
        return Level(0);

        object?[] Level(int dim)
        {
            var row = new object?[array.GetLength(dim)];
            for (int i = 0; i < row.Length; i++)
            {
                index[dim] = i;
                row[i] = dim == array.Rank - 1 ? array.GetValue(index) : Level(dim + 1);
            }
            return row;
        }
    }
}

/// <summary>The elements of a boxed <see cref="Memory{T}"/> or <see cref="ReadOnlyMemory{T}"/> of any <c>T</c>, as a new <c>T[]</c>.</summary>
internal static class MemoryElements
{
    // The open methods are named statically, so trimming keeps them; each closed type's method is found from them.
    private static readonly RuntimeMethodHandle MemoryToArray = typeof(Memory<>).GetMethod(nameof(Memory<int>.ToArray), Type.EmptyTypes)!.MethodHandle;
    private static readonly RuntimeMethodHandle ReadOnlyMemoryToArray = typeof(ReadOnlyMemory<>).GetMethod(nameof(ReadOnlyMemory<int>.ToArray), Type.EmptyTypes)!.MethodHandle;
    private static readonly ConcurrentDictionary<Type, MethodBase?> ToArrayOf = new();

    /// <summary>A copy of the elements when <paramref name="obj"/> is a Memory or ReadOnlyMemory, else null.</summary>
    public static System.Array? TryCopy(object obj)
    {
        var type = obj.GetType();
        if (!type.IsGenericType)
            return null;
        var toArray = ToArrayOf.GetOrAdd(type, static t =>
        {
            var definition = t.GetGenericTypeDefinition();
            if (definition == typeof(Memory<>))
                return MethodBase.GetMethodFromHandle(MemoryToArray, t.TypeHandle);
            if (definition == typeof(ReadOnlyMemory<>))
                return MethodBase.GetMethodFromHandle(ReadOnlyMemoryToArray, t.TypeHandle);
            return null;
        });
        return (System.Array?)toArray?.Invoke(obj, null);
    }
}
