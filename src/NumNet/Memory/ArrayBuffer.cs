namespace NumNet.Memory;

/// <summary>
/// Where an array's bytes live. A buffer is a flat run of <see cref="ByteLength"/> bytes; arrays lay shapes and
/// strides over it. Views share their base's buffer.
/// </summary>
/// <remarks>
/// Subclasses hold the memory (a managed array of any rank, native memory, an <c>object[]</c>, a memory-mapped file).
/// Every access goes through <see cref="GetReference"/>, which throws once the memory has been released, so a
/// disposed array's views fail cleanly instead of touching freed memory.
/// </remarks>
public abstract class ArrayBuffer
{
    /// <summary>Number of addressable bytes.</summary>
    public abstract long ByteLength { get; }

    /// <summary>True when writes are not allowed (the array's WRITEABLE flag cannot be set).</summary>
    public abstract bool IsReadOnly { get; }

    /// <summary>
    /// Identity of the underlying memory for overlap tests: two buffers overlap only when their keys are the same
    /// object (a managed array) or both null (native addresses, compared by <see cref="NativeAddress"/>).
    /// </summary>
    internal abstract object? MemoryKey { get; }

    /// <summary>Position of byte 0 of this buffer inside the memory named by <see cref="MemoryKey"/>.</summary>
    internal abstract long KeyOffset { get; }

    /// <summary>Absolute address of byte 0 for native buffers, 0 for managed ones.</summary>
    internal virtual nint NativeAddress => 0;

    /// <summary>Alignment guaranteed for byte 0 (managed arrays: 8 on 64-bit; native: 64).</summary>
    internal abstract int BaseAlignment { get; }

    /// <summary>A reference to byte 0. Callers have validated every offset they add to it against <see cref="ByteLength"/>.</summary>
    /// <exception cref="ObjectDisposedException">The memory has been released.</exception>
    internal abstract ref byte GetReference();

    /// <summary>For object buffers, the references; null for byte buffers.</summary>
    internal virtual object?[]? Objects => null;
}
