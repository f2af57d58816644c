using System.Buffers;

namespace NumNet.Memory;

/// <summary>
/// A hold on an array's memory that is independent of the array object (from <see cref="NDArray.RetainMemory"/>):
/// for code that hands the memory to someone else (another runtime, a native library) and must keep it valid until
/// that side lets go. While held, the memory is neither released nor moved once <see cref="Address"/> was asked for,
/// even if every array over it is disposed; <see cref="Dispose"/> lets go.
/// </summary>
/// <remarks>
/// Not disposing a retention keeps the memory until the garbage collector finds both it and every array over the
/// memory unreachable.
/// </remarks>
public sealed unsafe class MemoryRetention : IDisposable
{
    private readonly Lock _gate = new();
    private ArrayBuffer? _buffer;
    private MemoryHandle _pin;
    private bool _pinned;

    internal MemoryRetention(ArrayBuffer buffer)
    {
        buffer.AddClaim();
        try
        {
            buffer.AcquireLease();
        }
        catch
        {
            buffer.ReleaseClaim();
            throw;
        }
        _buffer = buffer;
        ByteLength = buffer.ByteLength;
    }

    /// <summary>Bytes of the memory held (the whole buffer, of which the array may use a part: see <see cref="NDArray.Offset"/>).</summary>
    public long ByteLength { get; }

    /// <summary>
    /// The address of the buffer's byte 0 (add <see cref="NDArray.Offset"/> for the array's first element), valid until
    /// <see cref="Dispose"/>. Managed memory is pinned on the first call, until then.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The retention was disposed.</exception>
    /// <exception cref="NotSupportedException">An object array: references have no address to share.</exception>
    public nint Address
    {
        get
        {
            lock (_gate)
            {
                var buffer = _buffer ?? throw new ObjectDisposedException(nameof(MemoryRetention), "the retention was disposed; its memory may be gone");
                if (!_pinned)
                {
                    _pin = buffer.PinUnderLease();
                    _pinned = true;
                }
                return (nint)_pin.Pointer;
            }
        }
    }

    /// <summary>Lets go of the memory (unpinning it); it is released once nothing else holds it. Safe to call more than once.</summary>
    public void Dispose()
    {
        ArrayBuffer? buffer;
        lock (_gate)
        {
            buffer = _buffer;
            _buffer = null;
            if (_pinned)
            {
                _pin.Dispose();
                _pinned = false;
            }
        }
        if (buffer is null)
            return;
        buffer.ReleaseLease();
        buffer.ReleaseClaim();
    }
}
