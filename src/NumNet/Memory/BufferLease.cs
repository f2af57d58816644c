using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.Memory;

/// <summary>
/// One operation's access to a buffer (from <see cref="NDArray.Lease"/> or <see cref="ArrayBuffer.Lease"/>): while it
/// is held the memory cannot be released, whatever other threads dispose. The only way to reach an array's memory;
/// dispose it when the operation ends (<c>using var lease = array.Lease();</c>).
/// </summary>
/// <remarks>A ref struct, so neither the lease nor a reference taken from it can outlive the operation.</remarks>
internal ref struct BufferLease
{
    private ArrayBuffer? _buffer;
    private readonly LeasedMemory _memory;

    internal BufferLease(ArrayBuffer buffer, LeasedMemory memory)
    {
        _buffer = buffer;
        _memory = memory;
    }

    /// <summary>The memory, for kernels that take it as an argument.</summary>
    public readonly LeasedMemory Memory => _memory;

    /// <inheritdoc cref="LeasedMemory.At"/>
    public readonly ref byte At(long byteOffset) => ref _memory.At(byteOffset);

    /// <inheritdoc cref="LeasedMemory.Bytes"/>
    public readonly Span<byte> Bytes(long byteOffset, int length) => _memory.Bytes(byteOffset, length);

    /// <inheritdoc cref="LeasedMemory.Objects"/>
    public readonly object?[] Objects => _memory.Objects;

    /// <summary>Ends the access. Safe to call more than once.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = null;
        buffer?.ReleaseLease();
    }
}

/// <summary>
/// A buffer's memory as a lease grants it: byte 0 and, for object buffers, the references. Exists only inside the
/// lease's scope (a ref struct made only by <see cref="ArrayBuffer.Lease"/>).
/// </summary>
internal readonly ref struct LeasedMemory
{
    private readonly ref byte _origin;
    private readonly object?[]? _objects;
    private readonly long _byteLength;

    internal LeasedMemory(ref byte origin, object?[]? objects, long byteLength)
    {
        _origin = ref origin;
        _objects = objects;
        _byteLength = byteLength;
    }

    /// <summary>Bytes in the buffer (0 for an object buffer's byte view).</summary>
    public long ByteLength => _byteLength;

    /// <summary>A reference to the byte at <paramref name="byteOffset"/>, which the caller has validated against the layout.</summary>
    public ref byte At(long byteOffset)
    {
        Debug.Assert(_objects is null, "an object buffer has no bytes");
        Debug.Assert(byteOffset >= 0 && byteOffset <= _byteLength, $"byte {byteOffset} is outside a buffer of {_byteLength}");
        return ref Unsafe.Add(ref _origin, (nint)byteOffset);
    }

    /// <summary>The <paramref name="length"/> bytes from <paramref name="byteOffset"/>, a range the caller has validated.</summary>
    public Span<byte> Bytes(long byteOffset, int length)
    {
        Debug.Assert(_objects is null, "an object buffer has no bytes");
        Debug.Assert(byteOffset >= 0 && length >= 0 && byteOffset <= _byteLength - length,
            $"bytes [{byteOffset}, {byteOffset}+{length}) are outside a buffer of {_byteLength}");
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref _origin, (nint)byteOffset), length);
    }

    /// <summary>The references of an object buffer (element <c>i</c> of the byte view is reference <c>i / 8</c>).</summary>
    /// <exception cref="InvalidOperationException">A byte buffer.</exception>
    public object?[] Objects => _objects ?? throw new InvalidOperationException("a byte buffer holds no references");
}
