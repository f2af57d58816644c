using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Memory;

namespace NumNet.Casting.Loops;

/// <summary>
/// The cast loop for conversions that go through a .NET value per element: to and from object, text and everything
/// text-like (str() of numbers, ISO dates, parsing). Each element is read as a value, converted by the target's
/// writer and stored; the per-element delegate call is small next to the text work these casts do anyway.
/// </summary>
internal sealed class ElementLoop(ElementReader read, ElementWriter write, bool canFail) : CastLoop
{
    public override bool CanFail => canFail;

    public override void Run(LeasedMemory src, long srcOffset, long srcStride, LeasedMemory dst, long dstOffset, long dstStride, long count)
    {
        for (long i = 0; i < count; i++)
        {
            write(dst, dstOffset, read(src, srcOffset));
            srcOffset += srcStride;
            dstOffset += dstStride;
        }
    }

    /// <summary>The bytes of one element at a byte offset the caller has validated.</summary>
    public static Span<byte> Element(LeasedMemory memory, long offset, int size) => memory.Bytes(offset, size);
}

/// <summary>Reads the element at a byte offset as a .NET value.</summary>
internal delegate object? ElementReader(LeasedMemory memory, long offset);

/// <summary>Stores a .NET value into the element at a byte offset.</summary>
internal delegate void ElementWriter(LeasedMemory memory, long offset, object? value);

/// <summary>A loop that copies raw bytes unchanged (void to void of one size).</summary>
internal sealed class RawCopyLoop(int size) : ByteCastLoop
{
    protected override void RunBytes(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        for (nint i = 0; i < count; i++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref src, i * srcStride), size)
                .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref dst, i * dstStride), size));
        }
    }
}
