using NumNet.Memory;

namespace NumNet.Python;

/// <summary>
/// The one seam through which an export to Python keeps NumNet memory valid: <see cref="Claim"/> returns an object
/// that holds the array's memory, at a fixed address, for as long as the object lives; NumPy's owner object holds it
/// through pythonnet (a GC handle that pythonnet frees when Python frees the owner).
/// </summary>
/// <remarks>
/// The hold is the core's <see cref="MemoryRetention"/> (a claim plus a lease, pinning managed memory): whatever C#
/// disposes meanwhile, the array or every view of it, the memory stays valid and in place until Python lets go.
/// </remarks>
internal sealed class MemoryClaim
{
    private readonly MemoryRetention _retention;

    private MemoryClaim(MemoryRetention retention, nint address)
    {
        _retention = retention;
        Address = address;
    }

    /// <summary>Address of element (0, …, 0) of the claimed array, fixed while the claim lives.</summary>
    public nint Address { get; }

    /// <summary>A claim on <paramref name="array"/>'s memory.</summary>
    /// <exception cref="ObjectDisposedException">The array was disposed.</exception>
    public static MemoryClaim Claim(NDArray array)
    {
        var retention = array.RetainMemory();
        try
        {
            return new MemoryClaim(retention, retention.Address + (nint)array.Offset);
        }
        catch
        {
            retention.Dispose();
            throw;
        }
    }

    /// <summary>Lets the memory go once nothing (in Python or .NET) can reach the claim.</summary>
    ~MemoryClaim() => _retention.Dispose();
}
