using System.Runtime.InteropServices;

namespace NumNet.Memory;

/// <summary>
/// A buffer of 64-byte-aligned native memory from <see cref="NativeAllocator"/>, released by <see cref="Dispose"/>
/// or, as a safety net, by the finalizer. After release every access throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed unsafe class NativeBuffer : ArrayBuffer, IDisposable
{
    private nint _pointer;
    private readonly long _byteLength;

    /// <summary>Allocates <paramref name="byteLength"/> bytes, zeroed when <paramref name="zero"/> is true.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="byteLength"/> is negative.</exception>
    /// <exception cref="OutOfMemoryException">The memory cannot be had.</exception>
    public NativeBuffer(long byteLength, bool zero = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        _pointer = (nint)NativeAllocator.Rent(byteLength);
        _byteLength = byteLength;
        if (zero)
            NativeAllocator.Clear((byte*)_pointer, byteLength);
    }

    /// <inheritdoc/>
    public override long ByteLength => _byteLength;

    /// <inheritdoc/>
    public override bool IsReadOnly => false;

    /// <summary>True once the memory has been released.</summary>
    public bool IsDisposed => _pointer == 0;

    internal override object? MemoryKey => null;

    internal override long KeyOffset => 0;

    internal override nint NativeAddress => _pointer;

    internal override int BaseAlignment => NativeAllocator.Alignment;

    internal override ref byte GetReference()
    {
        byte* p = (byte*)Volatile.Read(ref _pointer);
        if (p == null)
            ThrowDisposed();
        return ref *p;
    }

    /// <summary>Returns the memory to the allocator. Safe to call more than once.</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Safety net for arrays nobody disposed.</summary>
    ~NativeBuffer() => Release();

    private void Release()
    {
        byte* p = (byte*)Interlocked.Exchange(ref _pointer, 0);
        if (p != null)
            NativeAllocator.Return(p, _byteLength);
    }

    private static void ThrowDisposed() =>
        throw new ObjectDisposedException(nameof(NDArray), "the array's memory was released by Dispose; views of it can no longer be used");
}
