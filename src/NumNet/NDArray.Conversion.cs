using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Creation;
using NumNet.Layout;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// NumPy's <c>a.view(dtype)</c>: the same memory read as another dtype. With the same item size the shape and
    /// strides stay; otherwise the last axis must be contiguous, and its length scales by the ratio of the sizes.
    /// </summary>
    /// <param name="dtype">The dtype to read the bytes as (its byte order included).</param>
    /// <exception cref="ArgumentException">
    /// Either dtype is object ("Cannot change data-type for object array."), or of a class whose elements refer to
    /// storage and the two are not one descriptor ("Cannot change data-type for array of references."); a 0-d array
    /// with another item size; a last axis that is not contiguous; or sizes that do not divide (NumPy's ValueError
    /// texts).
    /// </exception>
    public NDArray View(DType dtype)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        if (dtype.IsObject != _dtype.IsObject || (dtype.IsObject && _dtype.IsObject && dtype != _dtype))
            throw new ArgumentException("Cannot change data-type for object array.", nameof(dtype));
        if (!DTypes.RegisteredDTypeClass.MayView(_dtype, dtype))
            throw new ArgumentException("Cannot change data-type for array of references.", nameof(dtype));
        int from = _dtype.ItemSize, to = dtype.ItemSize;
        if (from == to)
            return View(_offset, (long[])_shape.Clone(), (long[])_strides.Clone(), dtype);
        if (NDim == 0)
            throw new ArgumentException("Changing the dtype of a 0d array is only supported if the itemsize is unchanged", nameof(dtype));
        int last = NDim - 1;
        if (_strides[last] != from && _shape[last] != 1)
            throw new ArgumentException("To change to a dtype of a different size, the last axis must be contiguous", nameof(dtype));
        long lastBytes = _shape[last] * from;
        if (to == 0 || (to < from ? from % to != 0 : lastBytes % to != 0))
        {
            throw new ArgumentException(to < from
                ? "When changing to a smaller dtype, its size must be a divisor of the size of original dtype"
                : "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.", nameof(dtype));
        }
        var shape = (long[])_shape.Clone();
        var strides = (long[])_strides.Clone();
        shape[last] = lastBytes / to;
        strides[last] = to;
        return View(_offset, shape, strides, dtype);
    }

    /// <summary>NumPy's <c>a.view(dtype)</c> with a dtype spelling.</summary>
    /// <inheritdoc cref="View(DType)"/>
    public NDArray View(string dtype) => View(np.dtype(dtype));

    /// <summary>
    /// NumPy's <c>a.tolist()</c>: the elements as nested <see cref="List{T}"/>s of boxed values (<c>long</c>,
    /// <c>double</c>, <c>Complex</c>, <c>string</c>, <see cref="Bytes"/>, …, as <see cref="GetValue"/> gives them);
    /// a 0-d array gives its one value.
    /// </summary>
    public object? ToList()
    {
        if (NDim == 0)
            return GetValue();
        var index = new long[NDim];
        return ListOfAxis(0, index);
    }

    private List<object?> ListOfAxis(int axis, long[] index)
    {
        var list = new List<object?>((int)Math.Min(_shape[axis], int.MaxValue));
        for (long i = 0; i < _shape[axis]; i++)
        {
            index[axis] = i;
            list.Add(axis == NDim - 1 ? GetValue(index) : ListOfAxis(axis + 1, index));
        }
        return list;
    }

    /// <summary>
    /// NumPy's <c>a.tobytes(order)</c>: the elements' bytes as stored (byte order included), read in
    /// <paramref name="order"/>: C (default), F, A (F when the array is Fortran-ordered) or K (memory order).
    /// </summary>
    /// <exception cref="NotSupportedException">An object array: its elements are references, which have no bytes to give.</exception>
    public byte[] ToBytes(MemoryOrder order = MemoryOrder.C)
    {
        if (_dtype.IsObject)
            throw new NotSupportedException("an object array holds references, not bytes; convert it to a fixed-size dtype first");
        using var flat = IsContiguousFor(order) ? null : Flatten(order);
        var source = flat ?? this;
        if (source.NBytes == 0)
            return [];
        using var lease = source.Lease();
        return lease.Bytes(source._offset, checked((int)source.NBytes)).ToArray();
    }

    /// <summary>NumPy's <c>a.tobytes(order)</c> with an order letter.</summary>
    /// <inheritdoc cref="ToBytes(MemoryOrder)"/>
    public byte[] ToBytes(string order) => ToBytes(MemoryOrders.Parse(order, MemoryOrder.C));

    /// <summary>
    /// The elements as a new <typeparamref name="T"/>[] in C order (row by row), whatever the layout: the C# way to take
    /// an array's values out. When <typeparamref name="T"/> is not the dtype's native element type (<c>float</c> from a
    /// float64 array, <c>short</c> from NumPy's <c>'&gt;i2'</c>), the values are converted as <c>astype</c> converts,
    /// under <paramref name="casting"/> (<c>same_kind</c> unless told otherwise). Datetime64 elements read as
    /// <see cref="DateTime"/> or <see cref="DateTimeOffset"/>, timedelta64 ones as <see cref="TimeSpan"/>, refusing
    /// what those cannot hold as <see cref="GetItem{T}(ReadOnlySpan{long})"/> does.
    /// </summary>
    /// <exception cref="OverflowException">A date or duration outside what the .NET time type holds, or finer than a tick.</exception>
    /// <exception cref="InvalidCastException">The conversion is not allowed under <paramref name="casting"/>, or <typeparamref name="T"/> is no dtype's element type.</exception>
    public T[] ToArray<T>(CastingLike? casting = null) where T : unmanaged
    {
        if (DTypes.Chrono.ClrTimeInterop.IsTimeType<T>())
        {
            DTypes.Chrono.ClrTimeInterop.RequireTimeKind<T>(_dtype);
            var rule = casting?.Rule ?? CastingRule.SameKind;
            return DTypes.Chrono.ClrTimeInterop.FromCounts<T>(ToArray<long>(CastingRule.Unsafe), _dtype, exact: rule != CastingRule.Unsafe);
        }
        if (!TensorLayout.ElementTypeFits<T>(_dtype))
        {
            using var converted = ConvertedFor<T>(casting?.Rule ?? CastingRule.SameKind);
            return converted.ToArray<T>();
        }
        var result = new T[_size];
        if (_size > 0)
        {
            using var target = new NDArray(_dtype, Memory.ManagedArrayBuffer.Create<T>(result), 0, (long[])_shape.Clone(),
                ShapeMath.ContiguousStrides(_shape, _dtype.ItemSize, fortran: false), null);
            StridedCopy.Copy(this, target);
        }
        return result;
    }

    // Whether the bytes already lie in memory in the order asked for, with nothing between them.
    private bool IsContiguousFor(MemoryOrder order) => order switch
    {
        MemoryOrder.C => IsCContiguous,
        MemoryOrder.F => IsFContiguous,
        _ => IsCContiguous || IsFContiguous && (order == MemoryOrder.A || order == MemoryOrder.K),
    };
}
