using Python.Runtime;

namespace NumNet.Python;

/// <summary>
/// One validated export of Python-owned memory, handed to NumNet's <see cref="IArrayInterface"/> import. The view's
/// base is this object, so the memory's Python owner (<see cref="KeepAlive"/>) lives at least as long as any NumNet
/// array over it; pythonnet releases that reference under the GIL once the view is collected.
/// </summary>
internal sealed class ForeignArray : IArrayInterface
{
    private readonly ArrayInterfaceInfo _info;

    private ForeignArray(ArrayInterfaceInfo info, object keepAlive)
    {
        _info = info;
        KeepAlive = keepAlive;
    }

    /// <summary>What keeps the memory valid: the exporting Python object, or a held <c>Py_buffer</c>.</summary>
    public object KeepAlive { get; }

    /// <inheritdoc/>
    public ArrayInterfaceInfo ArrayInterface => _info;

    /// <summary>
    /// A view of <paramref name="layout"/>'s bytes inside the allocation [<paramref name="allocationStart"/>,
    /// <paramref name="allocationStart"/> + <paramref name="allocationLength"/>); the layout has been checked for
    /// internal consistency, and NumNet's array constructor checks it against that allocation before any byte is read.
    /// </summary>
    public static NDArray View(ForeignLayout layout, nint allocationStart, long allocationLength, bool readOnly, object keepAlive)
    {
        var info = new ArrayInterfaceInfo(layout.Shape, layout.TypeStr)
        {
            Pointer = allocationStart,
            ByteLength = allocationLength,
            Offset = layout.Data - allocationStart,
            Strides = layout.Strides,
            ReadOnly = readOnly,
        };
        return np.asarray(new ForeignArray(info, keepAlive));
    }
}

/// <summary>
/// The layout an exporter claims: data address of element (0, …, 0), shape, byte strides and typestr, with the byte
/// range [<see cref="Low"/>, <see cref="High"/>) relative to <see cref="Data"/> that its elements reach.
/// </summary>
internal sealed record ForeignLayout(nint Data, long[] Shape, long[] Strides, string TypeStr, int ItemSize, long Low, long High)
{
    /// <summary>True when the array has no element (no byte is ever read).</summary>
    public bool IsEmpty => Shape.Any(n => n == 0);

    /// <summary>
    /// Checks a claimed layout for internal consistency: at most 64 dimensions, no negative extent, strides for every
    /// dimension, a non-null address when an element exists, and an address range that neither wraps nor overflows.
    /// </summary>
    /// <exception cref="ArgumentException">The layout is ill-formed; the message names what was wrong.</exception>
    public static ForeignLayout Check(string source, nint data, long[] shape, long[]? strides, string typeStr, int itemSize)
    {
        if (shape.Length > 64)
            throw new ArgumentException($"{source}: {shape.Length} dimensions; at most 64 are supported");
        if (itemSize <= 0)
            throw new ArgumentException($"{source}: typestr '{typeStr}' has no size");
        foreach (long n in shape)
        {
            if (n < 0)
                throw new ArgumentException($"{source}: negative dimension {n} in shape ({string.Join(", ", shape)})");
        }
        strides ??= ContiguousStrides(shape, itemSize);
        if (strides.Length != shape.Length)
            throw new ArgumentException($"{source}: {strides.Length} strides for {shape.Length} dimensions");
        Int128 low = 0, high = itemSize, elements = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            elements *= shape[i];
            if (shape[i] == 0)
                continue;
            Int128 reach = (Int128)strides[i] * (shape[i] - 1);
            if (reach < 0) low += reach; else high += reach;
        }
        if (elements == 0)
            return new ForeignLayout(data, shape, strides, typeStr, itemSize, 0, 0);
        if (elements > long.MaxValue / itemSize || high - low > long.MaxValue)
            throw new ArgumentException($"{source}: shape ({string.Join(", ", shape)}) with strides ({string.Join(", ", strides)}) spans more bytes than an address space holds");
        if (data == 0)
            throw new ArgumentException($"{source}: a null data pointer for a non-empty array");
        Int128 first = (Int128)(ulong)data + low, last = (Int128)(ulong)data + high;
        if (first < 0 || last > long.MaxValue)
            throw new ArgumentException($"{source}: strides ({string.Join(", ", strides)}) from address 0x{data:x} reach outside the address space");
        return new ForeignLayout(data, shape, strides, typeStr, itemSize, (long)low, (long)high);
    }

    private static long[] ContiguousStrides(long[] shape, int itemSize)
    {
        var strides = new long[shape.Length];
        long step = itemSize;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = step;
            // An empty array's strides are never used; a huge product is refused by Check's extent test.
            step = shape[i] == 0 ? step : (long)Int128.Min((Int128)step * shape[i], long.MaxValue);
        }
        return strides;
    }
}

/// <summary>Reading Python values of an exporter's description, each failure a clear <see cref="ArgumentException"/>.</summary>
internal static class PyRead
{
    /// <summary><paramref name="value"/> as a long, or an error naming <paramref name="what"/>.</summary>
    public static long Int64(PyObject value, string what)
    {
        if (!PyInt.IsIntType(value) || !CApi.TryAsInt64(value, out long n))
            throw new ArgumentException($"{what} must be an integer that fits 64 bits, not {Describe(value)}");
        return n;
    }

    /// <summary>A tuple (or list) of integers.</summary>
    public static long[] Int64s(PyObject value, string what)
    {
        if (!PyTuple.IsTupleType(value) && !PyList.IsListType(value))
            throw new ArgumentException($"{what} must be a tuple of integers, not {Describe(value)}");
        long length = value.Length();
        if (length > 64)
            throw new ArgumentException($"{what} has {length} entries; at most 64 dimensions are supported");
        var result = new long[length];
        for (int i = 0; i < result.Length; i++)
        {
            using var item = value[i];
            result[i] = Int64(item, $"{what}[{i}]");
        }
        return result;
    }

    /// <summary>A short description of a Python value for an error message.</summary>
    public static string Describe(PyObject value)
    {
        string repr = value.Repr() ?? "";
        if (repr.Length > 60)
            repr = repr[..57] + "...";
        return $"{value.GetPythonType().Name} {repr}";
    }
}
