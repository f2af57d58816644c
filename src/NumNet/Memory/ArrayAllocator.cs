namespace NumNet.Memory;

/// <summary>
/// Chooses and allocates the buffer for a new array. Small arrays live in managed memory, which the GC recycles
/// cheaply; large ones, and dtypes that need 16-byte alignment, come from <see cref="NativeAllocator"/>.
/// </summary>
internal static class ArrayAllocator
{
    /// <summary>Arrays at least this large go to native memory.</summary>
    public const long NativeThreshold = 64 * 1024;

    /// <summary>A buffer for <paramref name="count"/> elements of <paramref name="dtype"/>; zeroed when asked.</summary>
    public static ArrayBuffer Allocate(DType dtype, long count, bool zero)
    {
        if (dtype.IsObject)
            return new ObjectBuffer(new object?[checked((int)count)]);
        // NumPy's NPY_NEEDS_INIT: elements that refer to storage are never left as leftover bytes (np.empty of
        // StringDType holds empty strings, not whatever the memory held).
        zero |= dtype.Family is DTypes.RegisteredDTypeClass { NeedsInit: true };
        long bytes = checked(count * dtype.ItemSize);
        if (bytes < NativeThreshold && dtype.Alignment <= IntPtr.Size)
        {
            var array = zero ? new byte[bytes] : GC.AllocateUninitializedArray<byte>((int)bytes);
            return new ManagedArrayBuffer(array, 0, bytes);
        }
        return new NativeBuffer(bytes, zero);
    }
}
