namespace NumNet.Tests.Memory;

/// <summary>Raw access to an array's bytes for tests that set up or inspect memory directly.</summary>
internal static class TestMemory
{
    /// <summary>
    /// Byte 0 of <paramref name="a"/>'s buffer. The lease ends on return, so the reference is good only while the test
    /// keeps the array undisposed and no other thread disposes it: true of every test that uses this.
    /// </summary>
    public static ref byte Origin(NDArray a)
    {
        using var lease = a.Lease();
        return ref lease.At(0);
    }

    /// <summary>The bytes of the element at a byte offset of <paramref name="a"/>'s buffer; the same caveat as <see cref="Origin"/>.</summary>
    public static Span<byte> Element(NDArray a, long byteOffset) =>
        System.Runtime.InteropServices.MemoryMarshal.CreateSpan(
            ref System.Runtime.CompilerServices.Unsafe.Add(ref Origin(a), (nint)byteOffset), a.ItemSize);
}
