using System.Diagnostics;
using NumNet.Internal;
using NumNet.Layout;
using NumNet.Memory;

namespace NumNet;

/// <summary>
/// NumPy's n-dimensional array: a <see cref="DType"/> (what an element is), an <see cref="ArrayBuffer"/> (where
/// the bytes live) and a layout (shape, byte strides and a byte offset: how an index becomes an address).
/// </summary>
/// <remarks>
/// <para>
/// Views share their base's buffer and differ only in layout. Every array, view or not, holds a claim on the buffer
/// until it is disposed; the memory is released when the last claim is given back and the last access running has
/// ended (or, failing that, when the garbage collector finalises the buffer). So <see cref="Dispose"/> ends this array,
/// never the views taken from it, and means the same for every size and kind of memory.
/// </para>
/// </remarks>
[DebuggerDisplay("{DebuggerPreview,nq}")]
[DebuggerTypeProxy(typeof(NDArrayDebugView))]
public sealed partial class NDArray : IDisposable
{
    private readonly DType _dtype;
    private readonly ArrayBuffer _buffer;
    private readonly long _offset;
    private readonly long[] _shape;
    private readonly long[] _strides;
    private readonly long _size;
    private readonly object? _base;
    private ArrayFlags _flags;
    private int _disposed;

    /// <summary>
    /// The one constructor every array goes through. It validates that every element the layout can address lies
    /// inside the buffer, so element access afterwards needs only index checks.
    /// </summary>
    internal NDArray(DType dtype, ArrayBuffer buffer, long offset, long[] shape, long[] strides, object? @base, bool writeable = true)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        ArgumentNullException.ThrowIfNull(buffer);
        if (shape.Length != strides.Length)
            throw new ArgumentException($"shape {ShapeMath.Format(shape)} and strides {ShapeMath.Format(strides)} differ in length");
        _size = ShapeMath.Size(shape);
        if (dtype.IsObject != buffer.HoldsObjects)
            throw new ArgumentException(dtype.IsObject ? "an object array needs an object buffer" : $"a {dtype} array cannot use an object buffer");
        var (low, high) = ShapeMath.Extent(shape, strides, dtype.ItemSize);
        if (_size > 0 && (offset + low < 0 || offset + high > buffer.ByteLength))
            throw new ArgumentException(
                $"strides {ShapeMath.Format(strides)} with shape {ShapeMath.Format(shape)} and offset {offset} reach bytes [{offset + low}, {offset + high}) outside a buffer of {buffer.ByteLength} bytes");
        if (dtype.IsObject && _size > 0 && (offset % ObjectBuffer.ElementSize != 0 || strides.Any(s => s % ObjectBuffer.ElementSize != 0)))
            throw new ArgumentException("object arrays need offsets and strides that are multiples of 8");

        _dtype = dtype;
        _buffer = buffer;
        _offset = offset;
        _shape = shape;
        _strides = strides;
        _base = @base;
        _flags = ComputeFlags(@base is null, writeable && !buffer.IsReadOnly);
        // Last, once nothing can throw: a claim taken here is given back only by Dispose.
        buffer.AddClaim();
    }

    private ArrayFlags ComputeFlags(bool ownData, bool writeable)
    {
        var (c, f) = ShapeMath.Contiguity(_shape, _strides, _dtype.ItemSize);
        var flags = ArrayFlags.None;
        if (c) flags |= ArrayFlags.CContiguous;
        if (f) flags |= ArrayFlags.FContiguous;
        if (ownData) flags |= ArrayFlags.OwnData;
        if (writeable) flags |= ArrayFlags.Writeable;
        if (IsAlignedLayout()) flags |= ArrayFlags.Aligned;
        return flags;
    }

    private bool IsAlignedLayout()
    {
        int align = _dtype.Alignment;
        if (align <= 1 || _size == 0)
            return true;
        if (_buffer.BaseAlignment % align != 0 || _offset % align != 0)
            return false;
        for (int i = 0; i < _shape.Length; i++)
        {
            if (_shape[i] > 1 && _strides[i] % align != 0)
                return false;
        }
        return true;
    }

    /// <summary>The element type (NumPy's <c>dtype</c>).</summary>
    public DType DType => _dtype;

    /// <summary>Length of each dimension (NumPy's <c>shape</c>); a fresh copy each call.</summary>
    public long[] Shape => (long[])_shape.Clone();

    /// <summary>Bytes to step in each dimension (NumPy's <c>strides</c>); may be negative or zero. A fresh copy each call.</summary>
    public long[] Strides => (long[])_strides.Clone();

    /// <summary>Number of dimensions (NumPy's <c>ndim</c>).</summary>
    public int NDim => _shape.Length;

    /// <summary>Number of elements (NumPy's <c>size</c>).</summary>
    public long Size => _size;

    /// <summary>Bytes per element (NumPy's <c>itemsize</c>).</summary>
    public int ItemSize => _dtype.ItemSize;

    /// <summary>Bytes the elements occupy, <c>Size * ItemSize</c> (NumPy's <c>nbytes</c>).</summary>
    public long NBytes => _size * _dtype.ItemSize;

    /// <summary>
    /// What this array's memory belongs to (NumPy's <c>base</c>): the array a view was taken from, the caller's object
    /// for arrays over external memory, null for arrays that own their memory.
    /// </summary>
    public object? Base => _base;

    /// <summary>The flags (NumPy's <c>flags</c>).</summary>
    public ArrayFlags Flags => _flags;

    /// <summary>C_CONTIGUOUS.</summary>
    public bool IsCContiguous => (_flags & ArrayFlags.CContiguous) != 0;

    /// <summary>F_CONTIGUOUS.</summary>
    public bool IsFContiguous => (_flags & ArrayFlags.FContiguous) != 0;

    /// <summary>OWNDATA.</summary>
    public bool OwnsData => (_flags & ArrayFlags.OwnData) != 0;

    /// <summary>WRITEABLE.</summary>
    public bool IsWriteable => (_flags & ArrayFlags.Writeable) != 0;

    /// <summary>ALIGNED.</summary>
    public bool IsAligned => (_flags & ArrayFlags.Aligned) != 0;

    /// <summary>
    /// Sets or clears WRITEABLE (NumPy's <c>setflags(write=...)</c>). It can be set only when the memory is writable and
    /// the base array, if any, is writeable.
    /// </summary>
    /// <exception cref="ArgumentException">WRITEABLE cannot be set on this array.</exception>
    public void SetWriteable(bool writeable)
    {
        if (writeable)
        {
            if (_buffer.IsReadOnly || (_base is NDArray b && !b.IsWriteable))
                throw new ArgumentException("cannot set WRITEABLE flag to True of this array");
            _flags |= ArrayFlags.Writeable;
        }
        else
        {
            _flags &= ~ArrayFlags.Writeable;
        }
    }

    /// <summary>The buffer holding the elements.</summary>
    public ArrayBuffer Buffer => _buffer;

    /// <summary>Byte offset of element (0, 0, …) inside <see cref="Buffer"/>.</summary>
    public long Offset => _offset;

    internal long[] ShapeRef => _shape;
    internal long[] StridesRef => _strides;

    /// <summary>
    /// Ends this array: gives back its claim on the memory, and every later access through it throws
    /// <see cref="ObjectDisposedException"/>. The memory is released once no array uses it: views taken before keep
    /// working (each holds its own claim until disposed), and an operation running on another thread finishes first.
    /// Safe to call more than once.
    /// </summary>
    /// <remarks>
    /// Functions that may return their argument itself, as NumPy's do (<c>np.asarray(a)</c>, <c>a.AsType(t, copy: false)</c>
    /// with nothing to convert), give back the same object: disposing the result then disposes the argument.
    /// </remarks>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _buffer.ReleaseClaim();
    }

    /// <summary>True once <see cref="Dispose"/> was called on this array.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>
    /// A hold on this array's memory that outlives the array object, for handing the memory to another runtime or a
    /// native library: the memory stays valid (and, once <see cref="MemoryRetention.Address"/> was read, in place) until
    /// the retention is disposed, whatever is disposed meanwhile.
    /// </summary>
    /// <exception cref="ObjectDisposedException">This array was disposed.</exception>
    public MemoryRetention RetainMemory()
    {
        ThrowIfDisposed();
        return new MemoryRetention(_buffer);
    }

    /// <summary>
    /// Access to this array's memory for one operation (<c>using var lease = array.Lease();</c>): the memory stays valid
    /// until the lease is disposed, whatever other threads dispose meanwhile.
    /// </summary>
    /// <exception cref="ObjectDisposedException">This array, or every array over its memory, was disposed.</exception>
    internal BufferLease Lease()
    {
        ThrowIfDisposed();
        return _buffer.Lease();
    }

    /// <summary>Throws <see cref="ObjectDisposedException"/> if this array was disposed.</summary>
    internal void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
            ThrowHelper.Disposed();
    }

    /// <summary>Makes a view: same buffer and dtype, new layout, this array's root as base.</summary>
    internal NDArray View(long offset, long[] shape, long[] strides, DType? dtype = null)
    {
        ThrowIfDisposed();
        return new(dtype ?? _dtype, _buffer, offset, shape, strides, RootBase, IsWriteable);
    }

    /// <summary>
    /// The array a view of this array names as its base: NumPy walks down chains of views to the first array that owns
    /// its memory or whose base is not an array.
    /// </summary>
    internal NDArray RootBase => _base is NDArray parent ? parent.RootBase : this;

}
