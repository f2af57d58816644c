using System.Buffers;
using System.Runtime.InteropServices;

namespace NumNet.Memory;

/// <summary>
/// A buffer over a managed array of any element type and rank (<c>T[]</c>, <c>T[,]</c>, <c>byte[]</c>), reached
/// through a reference plus a byte offset: no pinning, and the GC stays free to move the array.
/// </summary>
public sealed class ManagedArrayBuffer : ArrayBuffer
{
    private readonly Array _array;
    private readonly long _byteOffset;
    private readonly long _byteLength;
    private readonly bool _readOnly;

    /// <summary>A buffer over all of <paramref name="array"/>, whose elements are <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">The array's element type is not <typeparamref name="T"/>.</exception>
    public static ManagedArrayBuffer Create<T>(Array array, bool readOnly = false) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.GetType().GetElementType() != typeof(T))
            throw new ArgumentException($"the array holds {array.GetType().GetElementType()?.Name}, not {typeof(T).Name}", nameof(array));
        return new ManagedArrayBuffer(array, 0, checked(array.LongLength * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()), readOnly, validated: true);
    }

    /// <summary>A buffer over <paramref name="byteLength"/> bytes of a byte array from <paramref name="byteOffset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the array.</exception>
    public ManagedArrayBuffer(byte[] array, long byteOffset, long byteLength, bool readOnly = false)
        : this(array, byteOffset, byteLength, readOnly, validated: false)
    {
    }

    /// <summary>A buffer over a range of an array of <typeparamref name="T"/>, given in elements.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the array.</exception>
    public static ManagedArrayBuffer Create<T>(Array array, long elementOffset, long elementCount, bool readOnly = false) where T : unmanaged
    {
        var whole = Create<T>(array, readOnly);
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (elementOffset < 0 || elementCount < 0 || elementOffset > array.LongLength || elementCount > array.LongLength - elementOffset)
            throw new ArgumentOutOfRangeException(nameof(elementOffset), $"elements [{elementOffset}, {elementOffset}+{elementCount}) are outside an array of {array.LongLength}");
        return new ManagedArrayBuffer(array, elementOffset * size, elementCount * size, readOnly, validated: true);
    }

    private ManagedArrayBuffer(Array array, long byteOffset, long byteLength, bool readOnly, bool validated)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (!validated)
        {
            long total = array.LongLength;
            if (byteOffset < 0 || byteLength < 0 || byteOffset > total || byteLength > total - byteOffset)
                throw new ArgumentOutOfRangeException(nameof(byteOffset), $"bytes [{byteOffset}, {byteOffset}+{byteLength}) are outside an array of {total} bytes");
        }
        _array = array;
        _byteOffset = byteOffset;
        _byteLength = byteLength;
        _readOnly = readOnly;
    }

    /// <summary>The array this buffer views.</summary>
    public Array Array => _array;

    /// <inheritdoc/>
    public override long ByteLength => _byteLength;

    /// <inheritdoc/>
    public override bool IsReadOnly => _readOnly;

    internal override object? MemoryKey => _array;

    internal override long KeyOffset => _byteOffset;

    // The GC aligns array data to pointer size; a byte offset may lower that.
    internal override int BaseAlignment => (int)Math.Min(IntPtr.Size, _byteOffset == 0 ? IntPtr.Size : (_byteOffset & -_byteOffset));

    private protected override ref byte Origin() =>
        ref System.Runtime.CompilerServices.Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_array), (nint)_byteOffset);

    private protected override unsafe MemoryHandle Pin()
    {
        var handle = GCHandle.Alloc(_array, GCHandleType.Pinned);
        return new MemoryHandle((byte*)handle.AddrOfPinnedObject() + _byteOffset, handle);
    }
}
