using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.Python;

/// <summary>
/// The one seam through which an export to Python keeps NumNet memory valid: <see cref="Claim"/> returns an object
/// that holds the array's memory, at a fixed address, for as long as the object is reachable; NumPy's owner object
/// holds it through pythonnet (a GC handle that pythonnet frees when Python frees the owner).
/// </summary>
/// <remarks>
/// Today the claim is the <see cref="NDArray"/> itself plus a pinning handle for managed memory: enough while C#
/// does not dispose the array that owns native memory. Once the core's claim API is merged (the leases work:
/// <c>NDArray.RetainMemory()</c> returning a <c>MemoryRetention</c>), only this file changes: <see cref="Claim"/>
/// keeps <c>var retention = array.RetainMemory();</c> and sets <see cref="Address"/> to
/// <c>retention.Address + (nint)array.Offset</c> (the retention pins managed memory itself), the finalizer calls
/// <c>retention.Dispose()</c> instead of freeing the pin, and a C# <c>Dispose</c> then leaves the memory alive until
/// Python lets go.
/// </remarks>
internal sealed class MemoryClaim
{
    private readonly NDArray _array;
    private GCHandle _pin;

    private MemoryClaim(NDArray array, GCHandle pin, nint address)
    {
        _array = array;
        _pin = pin;
        Address = address;
    }

    /// <summary>Address of element (0, …, 0) of the claimed array, fixed while the claim lives.</summary>
    public nint Address { get; }

    /// <summary>A claim on <paramref name="array"/>'s memory.</summary>
    /// <exception cref="ObjectDisposedException">The array's memory has already been released.</exception>
    public static unsafe MemoryClaim Claim(NDArray array)
    {
        var buffer = array.Buffer;
        var pin = buffer.MemoryKey is Array managed ? GCHandle.Alloc(managed, GCHandleType.Pinned) : default;
        try
        {
            // GetReference throws once native memory was released; pinned managed memory no longer moves.
            nint start = (nint)Unsafe.AsPointer(ref buffer.GetReference());
            return new MemoryClaim(array, pin, start + (nint)array.Offset);
        }
        catch
        {
            if (pin.IsAllocated)
                pin.Free();
            throw;
        }
    }

    /// <summary>The array whose memory is held (kept reachable by this claim).</summary>
    public NDArray Array => _array;

    /// <summary>Unpins managed memory once nothing (in Python or .NET) can reach the claim.</summary>
    ~MemoryClaim()
    {
        if (_pin.IsAllocated)
            _pin.Free();
    }
}
