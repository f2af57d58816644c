using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.Internal;

/// <summary>
/// Scratch memory that starts at a cache-line boundary. .NET aligns the stack to 16 bytes only, and where the stack
/// sits differs from process to process and from thread to thread: a stack buffer that vector code fills and reads
/// back starts 16 or 48 bytes past a line for some of them, and then every other 32-byte access, and every 64-byte one,
/// spans two lines. On the benchmark machine the float32 transpose and the int32 → float16 cast ran three times slower
/// for such a process's whole life (docs/performance.md, "Stack alignment").
/// </summary>
internal static unsafe class CacheLine
{
    /// <summary>Bytes in a cache line of the processors NumNet runs on (x86-64 and Arm64 alike).</summary>
    public const int Size = 64;

    /// <summary>The first line boundary at or after <paramref name="p"/>.</summary>
    public static byte* Align(byte* p) => (byte*)(((nint)p + (Size - 1)) & ~(nint)(Size - 1));

    /// <summary>
    /// <paramref name="length"/> elements of <paramref name="scratch"/> from its first line boundary. The scratch is stack
    /// memory (which never moves) of at least <paramref name="length"/> elements and <see cref="Size"/> bytes more.
    /// </summary>
    public static Span<T> Aligned<T>(Span<byte> scratch, int length) where T : unmanaged
    {
        byte* start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(scratch));
        int skip = (int)(Align(start) - start);
        Debug.Assert(skip + (long)length * sizeof(T) <= scratch.Length, "the scratch has no room for the alignment");
        return MemoryMarshal.Cast<byte, T>(scratch.Slice(skip, length * sizeof(T)));
    }
}
