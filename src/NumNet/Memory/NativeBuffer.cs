using System.Buffers;
using System.Diagnostics;

namespace NumNet.Memory;

/// <summary>
/// A buffer of 64-byte-aligned native memory from <see cref="NativeAllocator"/>, returned to it when the last array
/// over it is disposed and the last access has ended (or, as a safety net, by the finalizer). See
/// <see cref="ArrayBuffer"/> for the lifetime rules.
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

    /// <summary>True once the buffer is closed (<see cref="ArrayBuffer.IsClosed"/>): its memory is released or about to be.</summary>
    public bool IsDisposed => IsClosed;

    internal override object? MemoryKey => null;

    internal override long KeyOffset => 0;

    internal override nint NativeAddress => _pointer;

    internal override int BaseAlignment => NativeAllocator.Alignment;

    private protected override ref byte Origin()
    {
        byte* p = (byte*)_pointer;
        Debug.Assert(p != null, "a lease is held, so the memory is there");
        return ref *p;
    }

    private protected override MemoryHandle Pin() => new((void*)_pointer);

    /// <summary>
    /// Closes the buffer whatever arrays still use it: every later access throws <see cref="ObjectDisposedException"/>,
    /// and the memory goes back to the allocator when the accesses running now end. Safe to call more than once.
    /// </summary>
    public void Dispose()
    {
        Close();
        GC.SuppressFinalize(this);
    }

    /// <summary>Safety net for arrays nobody disposed.</summary>
    ~NativeBuffer() => ReleaseFromFinalizer();

    private protected override void ReleaseMemory(bool finalizing)
    {
        byte* p = (byte*)Interlocked.Exchange(ref _pointer, 0);
        if (p != null)
            NativeAllocator.Return(p, _byteLength);
        if (!finalizing)
            GC.SuppressFinalize(this);
    }
}
