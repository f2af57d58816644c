using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NumNet.Casting.Loops;

/// <summary>
/// The cast loop between two unmanaged element types (numbers, bool, datetime counts), specialised by the JIT for each
/// pair and byte order. Contiguous native lines go to <see cref="ContiguousConvert"/>, contiguous byte-order changes
/// of one type to <see cref="ContiguousSwap"/>; other byte-swapped lines are swapped
/// into a native block, converted as contiguous data and swapped out, as NumPy's cast pipeline does (which also keeps
/// its results identical where contiguous and strided x86 code differ); other lines run as a tight strided loop.
/// </summary>
internal sealed class NumericLoop<TFrom, TTo, TIn, TOut> : ByteCastLoop
    where TFrom : unmanaged where TTo : unmanaged
    where TIn : struct, IElementIO<TFrom> where TOut : struct, IElementIO<TTo>
{
    // A multiple of four, so the block boundaries match NumPy's vector/scalar split (see ContiguousConvert).
    private const int Block = 128;

    private static bool Native => typeof(TIn) == typeof(NativeIO<TFrom>) && typeof(TOut) == typeof(NativeIO<TTo>);

    protected override void RunBytes(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        if (!Native)
        {
            if (typeof(TFrom) == typeof(TTo) && srcStride == Unsafe.SizeOf<TFrom>() && dstStride == Unsafe.SizeOf<TTo>()
                && ContiguousSwap.TryRun<TFrom>(ref src, ref dst, count, swap: typeof(TIn) != typeof(TOut)))
            {
                return;
            }
            RunSwapped(ref src, srcStride, ref dst, dstStride, count);
            return;
        }
        if (srcStride == Unsafe.SizeOf<TFrom>() && dstStride == Unsafe.SizeOf<TTo>())
        {
            ContiguousConvert.Run<TFrom, TTo>(ref src, ref dst, count);
            return;
        }
        for (nint i = 0; i < count; i++)
        {
            TOut.Write(ref dst, NumericConvert.Convert<TFrom, TTo>(TIn.Read(ref src)));
            src = ref Unsafe.Add(ref src, srcStride);
            dst = ref Unsafe.Add(ref dst, dstStride);
        }
    }

    private static void RunSwapped(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        Span<TFrom> input = stackalloc TFrom[Block];
        Span<TTo> converted = stackalloc TTo[Block];
        for (nint start = 0; start < count; start += Block)
        {
            int n = (int)Math.Min(Block, count - start);
            for (int i = 0; i < n; i++)
            {
                input[i] = TIn.Read(ref src);
                src = ref Unsafe.Add(ref src, srcStride);
            }
            ContiguousConvert.Run<TFrom, TTo>(ref Unsafe.As<TFrom, byte>(ref MemoryMarshal.GetReference(input)),
                ref Unsafe.As<TTo, byte>(ref MemoryMarshal.GetReference(converted)), n);
            for (int i = 0; i < n; i++)
            {
                TOut.Write(ref dst, converted[i]);
                dst = ref Unsafe.Add(ref dst, dstStride);
            }
        }
    }
}
