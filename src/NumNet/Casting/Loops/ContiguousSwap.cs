using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using NumNet.Layout;

namespace NumNet.Casting.Loops;

/// <summary>
/// A contiguous line cast to its own type in the other byte order (<c>&gt;f8</c> to <c>&lt;f8</c>): one vectorised
/// pass that reverses each value's bytes on the way from source to destination (a byte shuffle per 32 bytes, streamed
/// past the cache for large results), instead of swapping into a block, copying and swapping out.
/// </summary>
internal static class ContiguousSwap
{
    // The span overloads of ReverseEndianness take int lengths.
    private const int Chunk = 1 << 28;

    /// <summary>
    /// Reverses (or, when <paramref name="swap"/> is false, copies) <paramref name="count"/> elements of
    /// <typeparamref name="T"/>; false when the element's parts are not 2, 4 or 8 bytes wide (long doubles).
    /// </summary>
    public static bool TryRun<T>(ref byte src, ref byte dst, nint count, bool swap) where T : unmanaged
    {
        // Complex numbers swap their two parts separately, so they are runs of twice as many halves.
        bool complex = typeof(T) == typeof(Complex) || typeof(T) == typeof(Complex64);
        int part = complex ? Unsafe.SizeOf<T>() / 2 : Unsafe.SizeOf<T>();
        if (part is not (1 or 2 or 4 or 8))
            return false;
        long parts = (long)count * (Unsafe.SizeOf<T>() / part);
        if (swap && part > 1 && Avx2.IsSupported)
        {
            nint done = part switch
            {
                2 => StreamingCast.Run<SwapStep<ushort>>(ref src, ref dst, (nint)(parts * 2)),
                4 => StreamingCast.Run<SwapStep<uint>>(ref src, ref dst, (nint)(parts * 4)),
                _ => StreamingCast.Run<SwapStep<ulong>>(ref src, ref dst, (nint)(parts * 8)),
            };
            src = ref Unsafe.Add(ref src, done);
            dst = ref Unsafe.Add(ref dst, done);
            parts -= done / part;
        }
        for (long done = 0; done < parts; done += Chunk)
        {
            int n = (int)Math.Min(Chunk, parts - done);
            ref byte s = ref Unsafe.Add(ref src, (nint)(done * part));
            ref byte d = ref Unsafe.Add(ref dst, (nint)(done * part));
            if (!swap || part == 1)
                MemoryMarshal.CreateReadOnlySpan(ref s, n * part).CopyTo(MemoryMarshal.CreateSpan(ref d, n * part));
            else if (part == 2)
                BinaryPrimitives.ReverseEndianness(Span<ushort>(ref s, n), Span<ushort>(ref d, n));
            else if (part == 4)
                BinaryPrimitives.ReverseEndianness(Span<uint>(ref s, n), Span<uint>(ref d, n));
            else
                BinaryPrimitives.ReverseEndianness(Span<ulong>(ref s, n), Span<ulong>(ref d, n));
        }
        return true;
    }

    private static Span<TPart> Span<TPart>(ref byte start, int length) where TPart : unmanaged =>
        MemoryMarshal.CreateSpan(ref Unsafe.As<byte, TPart>(ref start), length);
}
