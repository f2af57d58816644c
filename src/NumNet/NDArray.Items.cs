using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.DTypes.Builtin;
using NumNet.DTypes.Chrono;
using NumNet.Internal;
using NumNet.Memory;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// Byte offset in the buffer of the element at <paramref name="index"/> (one index per dimension, negative counting
    /// from the end).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Wrong number of indices, or one outside its dimension.</exception>
    internal long ByteOffsetOf(ReadOnlySpan<long> index)
    {
        if (index.Length != _shape.Length)
        {
            if (index.Length > _shape.Length)
                ThrowHelper.TooManyIndices(_shape.Length, index.Length);
            throw new ArgumentOutOfRangeException(
                $"an element needs {_shape.Length} indices for a {_shape.Length}-dimensional array, got {index.Length}; use the indexer for views", innerException: null);
        }
        long offset = _offset;
        for (int i = 0; i < index.Length; i++)
        {
            long k = index[i];
            long n = _shape[i];
            if (k < 0)
                k += n;
            if ((ulong)k >= (ulong)n)
                ThrowHelper.IndexOutOfBounds(index[i], i, n);
            offset += k * _strides[i];
        }
        return offset;
    }

    /// <summary>
    /// Reads one element as <typeparamref name="T"/>: directly when <typeparamref name="T"/> is the dtype's element
    /// type, otherwise converted as <c>astype</c> converts under the <c>same_kind</c> rule (<c>GetItem&lt;double&gt;</c>
    /// of an int64 array, <c>GetItem&lt;float&gt;</c> of a float64 one). A datetime64 element reads as a
    /// <see cref="DateTime"/> or a <see cref="DateTimeOffset"/> (UTC), a timedelta64 one as a <see cref="TimeSpan"/>;
    /// what those cannot hold is refused, not truncated (NaT, years outside 1 to 9999, parts finer than 100 ns unless
    /// the casting rule is unsafe, timedeltas in years or months).
    /// </summary>
    /// <exception cref="InvalidCastException">The conversion is not allowed under same_kind, <typeparamref name="T"/> is no dtype's element type, or a .NET time type meets a dtype that is not its time kind, a generic unit, or NaT.</exception>
    /// <exception cref="OverflowException">A date or duration outside what the .NET time type holds, or finer than a tick.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public T GetItem<T>(params ReadOnlySpan<long> index) where T : unmanaged => GetItem<T>(CastingRule.SameKind, index);

    /// <summary>Reads one element as <typeparamref name="T"/>, converted under <paramref name="casting"/> when it is not the element type.</summary>
    /// <inheritdoc cref="GetItem{T}(ReadOnlySpan{long})"/>
    public T GetItem<T>(CastingLike casting, params ReadOnlySpan<long> index) where T : unmanaged
    {
        long offset = ByteOffsetOf(index);
        if (_dtype.Family is FixedSizeClass<T> family)
        {
            using var lease = Lease();
            return family.Read(lease.Bytes(offset, _dtype.ItemSize), _dtype);
        }
        if (ClrTimeInterop.IsTimeType<T>())
        {
            using var lease = Lease();
            return ClrTimeInterop.Read<T>(lease.Bytes(offset, _dtype.ItemSize), _dtype, exact: casting.Rule != CastingRule.Unsafe);
        }
        using var element = View(offset, [], []);
        using var converted = element.ConvertedFor<T>(casting.Rule);
        return converted.GetItem<T>();
    }

    /// <summary>
    /// Writes one element from a <typeparamref name="T"/>: directly when it is the dtype's element type, otherwise
    /// converted as <c>astype</c> converts under the <c>same_kind</c> rule (<c>SetItem(5, 0)</c> into an int64 array;
    /// a <c>double</c> into an integer array is refused: use <see cref="SetValue"/> for NumPy's <c>a[i] = 1.5</c>).
    /// A <see cref="DateTime"/> or <see cref="DateTimeOffset"/> (stored as its UTC instant; a non-zero offset raises
    /// NumPy's UserWarning about time zones) goes into a datetime64 element, a <see cref="TimeSpan"/> into a
    /// timedelta64 one; a value finer than the element's unit is refused unless the casting rule is unsafe, which
    /// rounds it towards the past.
    /// </summary>
    /// <exception cref="ReadOnlyArrayException">The array is not writeable.</exception>
    /// <exception cref="InvalidCastException">The conversion is not allowed under same_kind, <typeparamref name="T"/> is no dtype's element type, or a .NET time type meets a dtype that is not its time kind.</exception>
    /// <exception cref="OverflowException">A date or duration that does not fit the element's int64 count or unit.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public void SetItem<T>(T value, params ReadOnlySpan<long> index) where T : unmanaged => SetItem(value, CastingRule.SameKind, index);

    /// <summary>Writes one element from a <typeparamref name="T"/>, converted under <paramref name="casting"/> when it is not the element type.</summary>
    /// <inheritdoc cref="SetItem{T}(T, ReadOnlySpan{long})"/>
    public void SetItem<T>(T value, CastingLike casting, params ReadOnlySpan<long> index) where T : unmanaged
    {
        long offset = ByteOffsetOf(index);
        EnsureWriteable();
        if (_dtype.Family is FixedSizeClass<T> family)
        {
            using var lease = Lease();
            family.Write(lease.Bytes(offset, _dtype.ItemSize), value, _dtype);
            return;
        }
        if (ClrTimeInterop.IsTimeType<T>())
        {
            // The count is made (or refused) before the lease, so a refused value leaves the element untouched.
            Span<byte> count = stackalloc byte[sizeof(long)];
            ClrTimeInterop.Write(count, value, _dtype, exact: casting.Rule != CastingRule.Unsafe);
            using var lease = Lease();
            count.CopyTo(lease.Bytes(offset, _dtype.ItemSize));
            return;
        }
        _ = ElementDType<T>();   // a type that is no dtype's element type is refused by name, not as an object array
        using var source = np.asarray(new[] { value });
        using var scalar = source.View(0, [], []);
        using var element = View(offset, [], []);
        np.copyto(element, scalar, casting);
    }

    /// <summary>
    /// Reads one element as a boxed .NET value (NumPy's <c>item(*index)</c>): <c>double</c> for float64,
    /// <c>string</c> for U, <see cref="Bytes"/> for S, the reference itself for object.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range.</exception>
    public object? GetValue(params ReadOnlySpan<long> index)
    {
        long offset = ByteOffsetOf(index);
        using var lease = Lease();
        if (_dtype.IsObject)
            return lease.Objects[offset / ObjectBuffer.ElementSize];
        return _dtype.Family.GetBoxed(lease.Bytes(offset, _dtype.ItemSize), _dtype);
    }

    /// <summary>
    /// Writes one element from any .NET value the dtype can take, with NumPy's conversion rules for assignment
    /// (<c>a[i] = value</c>).
    /// </summary>
    /// <exception cref="ReadOnlyArrayException">The array is not writeable.</exception>
    /// <exception cref="OverflowException">An integer does not fit the dtype.</exception>
    /// <exception cref="ArgumentException">Text that does not parse as the dtype.</exception>
    /// <exception cref="InvalidCastException">A value of a kind the dtype cannot take.</exception>
    public void SetValue(object? value, params ReadOnlySpan<long> index)
    {
        long offset = ByteOffsetOf(index);
        EnsureWriteable();
        if (_dtype.IsObject)
        {
            using var objects = Lease();
            objects.Objects[offset / ObjectBuffer.ElementSize] = value;
            return;
        }
        // Convert into a scratch element first so a failed conversion leaves the array untouched.
        Span<byte> scratch = _dtype.ItemSize <= 256 ? stackalloc byte[_dtype.ItemSize] : new byte[_dtype.ItemSize];
        _dtype.Family.SetBoxed(scratch, value, _dtype);
        using var lease = Lease();
        scratch.CopyTo(lease.Bytes(offset, _dtype.ItemSize));
    }

    /// <summary>The only element of a one-element array, boxed (NumPy's <c>item()</c>).</summary>
    /// <exception cref="ArgumentException">The array does not have exactly one element.</exception>
    public object? Item()
    {
        if (_size != 1)
            throw new ArgumentException("can only convert an array of size 1 to a Python scalar");
        return GetValue(new long[_shape.Length]);
    }

    /// <summary>The only element of a one-element array as <typeparamref name="T"/>, converted as <see cref="GetItem{T}(ReadOnlySpan{long})"/> converts.</summary>
    /// <exception cref="ArgumentException">The array does not have exactly one element.</exception>
    public T Item<T>() where T : unmanaged
    {
        if (_size != 1)
            throw new ArgumentException("can only convert an array of size 1 to a Python scalar");
        return GetItem<T>(new long[_shape.Length]);
    }

    /// <summary>Throws unless WRITEABLE is set (ObjectDisposedException first, for a disposed array).</summary>
    internal void EnsureWriteable()
    {
        // A disposed array is reported as such, not as read-only.
        ThrowIfDisposed();
        if (!IsWriteable)
            ThrowHelper.ReadOnly();
    }

    /// <summary>This array's values as the dtype whose element type is <typeparamref name="T"/>, cast under <paramref name="rule"/> (a new C-ordered array).</summary>
    /// <exception cref="InvalidCastException">The cast is not allowed, or <typeparamref name="T"/> is no dtype's element type.</exception>
    internal NDArray ConvertedFor<T>(CastingRule rule) where T : unmanaged => AsType(ElementDType<T>(), MemoryOrder.C, rule);

    // The dtype whose elements are T (double: float64, Half: float16); typed reads and writes convert through it.
    private static DType ElementDType<T>() where T : unmanaged =>
        Creation.BufferViews.DTypeOfElement(typeof(T))
        ?? throw new InvalidCastException($"{typeof(T).Name} is not the element type of any dtype; read the values with GetValue or ToList");
}
