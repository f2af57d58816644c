namespace NumNet;

/// <summary>
/// Implemented by objects that expose their memory as an array (NumPy's <c>__array_interface__</c>). <c>np.asarray</c>
/// views that memory without copying, after checking that every element the layout can reach lies inside it.
/// </summary>
public interface IArrayInterface
{
    /// <summary>The description of the memory: owner or pointer, shape, strides, element type, read-only flag.</summary>
    ArrayInterfaceInfo ArrayInterface { get; }
}

/// <summary>
/// One exported array: where the bytes are (<see cref="Owner"/>, or <see cref="Pointer"/> plus
/// <see cref="ByteLength"/>), how an index becomes an address (<see cref="Shape"/>, <see cref="Strides"/> in bytes,
/// <see cref="Offset"/> in bytes) and what an element is (<see cref="TypeStr"/>).
/// </summary>
/// <remarks>
/// <para><see cref="Owner"/> may be an <c>ArrayBuffer</c>, an array of an unmanaged element type (<c>double[]</c>,
/// <c>float[,]</c>, <c>byte[]</c>), a <c>Memory&lt;byte&gt;</c> or a <c>ReadOnlyMemory&lt;byte&gt;</c> (then the view is
/// read-only). When <see cref="Owner"/> is null, <see cref="Pointer"/> and <see cref="ByteLength"/> describe native
/// memory that the exporter keeps alive for as long as the array is used: NumNet cannot know when it is freed.</para>
/// <para>Offsets and strides are in bytes; null strides mean C-contiguous.</para>
/// </remarks>
/// <param name="Shape">Length of each dimension.</param>
/// <param name="TypeStr">The element type as a NumPy typestr or any dtype spelling (<c>"&lt;f8"</c>, <c>"|u1"</c>, <c>"int32"</c>).</param>
public sealed record ArrayInterfaceInfo(long[] Shape, string TypeStr)
{
    /// <summary>The object holding the bytes (see the remarks of <see cref="ArrayInterfaceInfo"/>); null for a raw pointer.</summary>
    public object? Owner { get; init; }

    /// <summary>Address of byte 0 when <see cref="Owner"/> is null.</summary>
    public nint Pointer { get; init; }

    /// <summary>Number of bytes readable from <see cref="Pointer"/> when <see cref="Owner"/> is null.</summary>
    public long ByteLength { get; init; }

    /// <summary>Byte offset of element (0, 0, …) from the start of the memory.</summary>
    public long Offset { get; init; }

    /// <summary>Bytes to step in each dimension; null for C-contiguous.</summary>
    public long[]? Strides { get; init; }

    /// <summary>True when the memory must not be written through the array (the result's WRITEABLE flag is cleared).</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>
/// Implemented by objects that can convert themselves to an array (NumPy's <c>__array__</c>).
/// </summary>
public interface IArrayConvertible
{
    /// <summary>
    /// The object as an array. <paramref name="dtype"/> is the dtype the caller asked for (null: the object's own);
    /// <paramref name="copy"/> is true when a fresh copy is required, false when a copy is forbidden, null when either
    /// will do. The result need not honour either: <c>np.asarray</c> casts or copies afterwards as needed.
    /// </summary>
    NDArray ToNDArray(DType? dtype, bool? copy);
}

/// <summary>
/// Implemented by array types of other libraries that take over NumPy functions called with <c>like=</c> (NumPy's
/// <c>__array_function__</c> protocol, NEP 18/35).
/// </summary>
public interface IArrayFunction
{
    /// <summary>
    /// Runs NumPy function <paramref name="name"/> (<c>"asarray"</c>, <c>"array"</c>, …) with its arguments by name
    /// (<c>like</c> excluded), returning whatever that library's version returns.
    /// </summary>
    object? ArrayFunction(string name, IReadOnlyDictionary<string, object?> arguments);
}
