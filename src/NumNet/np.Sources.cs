using System.Collections;
using NumNet.Creation;
using NumNet.Memory;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// <c>np.frombuffer(buffer, dtype=float, count=-1, offset=0)</c>: a 1-d array that reads the bytes of
    /// <paramref name="buffer"/> as elements of <paramref name="dtype"/>, without copying. Writes through it reach the
    /// buffer; a read-only buffer (<see cref="ReadOnlyMemory{T}"/>, <see cref="Bytes"/>) gives a read-only array.
    /// </summary>
    /// <param name="buffer">
    /// Bytes-like memory: <c>byte[]</c> or any typed .NET array (its bytes), <see cref="Memory{T}"/>,
    /// <see cref="ReadOnlyMemory{T}"/>, <see cref="ArraySegment{T}"/>, <see cref="Bytes"/>, or a C-contiguous
    /// <see cref="NDArray"/>.
    /// </param>
    /// <param name="dtype">The element type; float64 by default. Its byte order is honoured (<c>"&gt;i4"</c> reads big-endian).</param>
    /// <param name="count">How many elements to read; -1 (any negative) for all that remain after <paramref name="offset"/>.</param>
    /// <param name="offset">Bytes to skip at the start.</param>
    /// <exception cref="ArgumentException">
    /// The object is not bytes-like, an array is not C-contiguous, the dtype is object, of size 0 or has elements that
    /// refer to storage, the offset is outside the buffer, the remaining bytes are not a whole number of elements, or
    /// fewer than <paramref name="count"/> remain (NumPy's ValueError and TypeError texts).
    /// </exception>
    public static NDArray frombuffer(object buffer, DType? dtype = null, long count = -1, long offset = 0)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var source = BytesOf(buffer);
        var d = dtype ?? float64;
        if (d.IsObject || d.Family is DTypes.RegisteredDTypeClass { HoldsReferences: true })
            throw new ArgumentException("cannot create an OBJECT array from memory buffer", nameof(dtype));
        if (d.ItemSize == 0)
            throw new ArgumentException("itemsize cannot be zero in type", nameof(dtype));
        long length = source.NBytes;
        if (offset < 0 || offset > length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"offset must be non-negative and no greater than buffer length ({length})");
        long available = length - offset;
        if (count < 0)
        {
            if (available % d.ItemSize != 0)
                throw new ArgumentException("buffer size must be a multiple of element size", nameof(buffer));
            count = available / d.ItemSize;
        }
        else if (count > available / d.ItemSize)
        {
            throw new ArgumentException("buffer is smaller than requested size", nameof(count));
        }
        source.ThrowIfDisposed();
        return new NDArray(d, source.Buffer, source.Offset + offset, [count], [d.ItemSize], buffer is NDArray ? source : buffer, source.IsWriteable);
    }

    // The caller's memory as a contiguous array of bytes it can be read from.
    private static NDArray BytesOf(object buffer)
    {
        if (buffer is NDArray array)
            return array.IsCContiguous ? array : throw new ArgumentException("ndarray is not C-contiguous", nameof(buffer));
        if (buffer is Bytes bytes)
        {
            var storage = bytes.Storage;
            return new NDArray(uint8, new ManagedArrayBuffer(storage, 0, storage.Length, readOnly: true), 0, [storage.Length], [1], buffer, writeable: false);
        }
        return BufferViews.TryView(buffer)
            ?? throw new ArgumentException($"a bytes-like object is required, not '{buffer.GetType().Name}'", nameof(buffer));
    }

    /// <summary>
    /// <c>np.fromiter</c> over typed items: when <typeparamref name="T"/> is the dtype's own element type (<c>double</c>
    /// for float64) the items are stored without boxing; otherwise as <see cref="fromiter(IEnumerable, DType, long)"/>.
    /// </summary>
    /// <inheritdoc cref="fromiter(IEnumerable, DType, long)"/>
    public static NDArray fromiter<T>(IEnumerable<T> iterable, DType dtype, long count = -1) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(iterable);
        ArgumentNullException.ThrowIfNull(dtype);
        if (!TensorLayout.ElementTypeFits<T>(dtype))
            return fromiter((IEnumerable)iterable, dtype, count);
        var items = count >= 0 ? iterable.Take(checked((int)Math.Min(count, int.MaxValue))).ToArray() : iterable.ToArray();
        if (count >= 0 && items.Length < count)
            throw IteratorTooShort(count, items.Length);
        return array((ReadOnlySpan<T>)items, dtype);
    }

    /// <summary>
    /// <c>np.fromiter(iter, dtype, count=-1)</c>: a new 1-d array of <paramref name="dtype"/> from the items of
    /// <paramref name="iterable"/>, each stored as an element assignment stores it (<c>a[i] = item</c>).
    /// </summary>
    /// <param name="iterable">The items; read once, and no further than <paramref name="count"/>.</param>
    /// <param name="dtype">The element type (required, as in NumPy); strings and bytes need a length (<c>"U5"</c>).</param>
    /// <param name="count">How many items to read; -1 (any negative) for all.</param>
    /// <exception cref="ArgumentException">
    /// A string or bytes dtype without a length, fewer items than <paramref name="count"/>, or an item that is a sequence
    /// or cannot be stored in the dtype.
    /// </exception>
    /// <exception cref="OverflowException">An item that does not fit an integer dtype.</exception>
    /// <exception cref="InvalidCastException">An item the dtype cannot take (None or complex into a number).</exception>
    public static NDArray fromiter(IEnumerable iterable, DType dtype, long count = -1)
    {
        ArgumentNullException.ThrowIfNull(iterable);
        ArgumentNullException.ThrowIfNull(dtype);
        if (dtype.ItemSize == 0 && !dtype.IsObject && dtype.DateTimeMeta is null)
            throw new ArgumentException("Must specify length when using variable-size data-type.", nameof(dtype));
        var items = new List<object?>(count > 0 ? (int)Math.Min(count, 1 << 20) : 16);
        if (count != 0)
        {
            foreach (var item in iterable)
            {
                items.Add(item);
                if (items.Count == count)
                    break;
            }
        }
        if (count >= 0 && items.Count < count)
            throw IteratorTooShort(count, items.Count);
        var result = NDArray.Allocate(dtype, [items.Count], MemoryOrder.C, zero: true);
        for (int i = 0; i < items.Count; i++)
        {
            // An object array stores anything; other dtypes take scalars only, as NumPy's element assignment does.
            if (!dtype.IsObject && items[i] is NDArray { NDim: > 0 } or (IEnumerable and not string and not NDArray))
                throw new ArgumentException("setting an array element with a sequence.", nameof(iterable));
            result.SetValue(items[i], i);
        }
        return result;
    }

    // NumPy's ValueError when fromiter's count promises more items than the iterable has.
    private static ArgumentException IteratorTooShort(long count, int got) =>
        new($"iterator too short: Expected {count} but iterator had only {got} items.", "iterable");
}
