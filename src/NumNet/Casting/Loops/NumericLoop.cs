using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Internal;
using NumNet.Layout;

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

    /// <summary>
    /// Runs cut at multiples of the gathering block keep its blocks, and so NumPy's vector/scalar split of float to
    /// uint32; a complex source to uint32 converts the last element of every run alone, so it is not cut.
    /// </summary>
    public override int SplitGranule =>
        typeof(TTo) == typeof(uint) && (typeof(TFrom) == typeof(System.Numerics.Complex) || typeof(TFrom) == typeof(Complex64)) ? 0 : Block;

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
        if (dstStride == Unsafe.SizeOf<TTo>() && srcStride == 2 * Unsafe.SizeOf<TFrom>() && EvenElementsStep<TFrom, TTo>.Handles)
        {
            nint done = RunEvenElements(ref src, ref dst, count);
            src = ref Unsafe.Add(ref src, done * srcStride);
            dst = ref Unsafe.Add(ref dst, done * dstStride);
            count -= done;
        }
        if (dstStride == Unsafe.SizeOf<TTo>() && GatherKeepsResults)
        {
            RunGathered(ref src, srcStride, ref dst, count);
            return;
        }
        RunStrided(ref src, srcStride, ref dst, dstStride, count);
    }

    // Float to uint32 is the one pair whose contiguous results differ from the element-wise ones (NumPy's blocks of four).
    private static bool GatherKeepsResults =>
        typeof(TTo) != typeof(uint) || !(typeof(TFrom) == typeof(double) || typeof(TFrom) == typeof(float)
                                         || typeof(TFrom) == typeof(System.Numerics.Complex) || typeof(TFrom) == typeof(Complex64));

    /// <summary>
    /// Every other element into a contiguous destination, in whole vector steps (<see cref="EvenElementsStep{TFrom,TTo}"/>);
    /// returns how many it converted, leaving the rest to the gathering loop.
    /// </summary>
    private static nint RunEvenElements(ref byte src, ref byte dst, nint count)
    {
        // A step also reads the odd slot after its last element; leaving the last element out of the steps keeps
        // every read before the end of the source's final element.
        nint stepped = Math.Max(0, count - 1);
        nint done = StreamingCast.Run<EvenElementsStep<TFrom, TTo>>(ref src, ref dst, stepped * Unsafe.SizeOf<TTo>()) / Unsafe.SizeOf<TTo>();
        System.Diagnostics.Debug.Assert(done <= stepped);
        return done;
    }

    /// <summary>
    /// A strided source into a contiguous destination: elements are gathered into a small block and converted with the
    /// contiguous (vector) code. Converting element by element is slower than the memory it reads: a scalar
    /// conversion such as <c>vcvtsd2ss</c> merges into its destination register, which chains every element to the last.
    /// </summary>
    private static void RunGathered(ref byte src, nint srcStride, ref byte dst, nint count)
    {
        Span<TFrom> block = CacheLine.Aligned<TFrom>(stackalloc byte[Block * Unsafe.SizeOf<TFrom>() + CacheLine.Size], Block);
        ref byte gathered = ref Unsafe.As<TFrom, byte>(ref MemoryMarshal.GetReference(block));
        for (nint start = 0; start < count; start += Block)
        {
            int n = (int)Math.Min(Block, count - start);
            for (int i = 0; i < n; i++)
            {
                block[i] = Unsafe.ReadUnaligned<TFrom>(ref src);
                src = ref Unsafe.Add(ref src, srcStride);
            }
            ContiguousConvert.Run<TFrom, TTo>(ref gathered, ref Unsafe.Add(ref dst, start * Unsafe.SizeOf<TTo>()), n);
        }
    }

    // Fully optimised from the first call: a cast of a large strided view is one call with a long loop, which tiered
    // compilation would otherwise run as on-stack-replaced tier-0 code for its first dozens of calls.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunStrided(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        for (nint i = 0; i < count; i++)
        {
            TOut.Write(ref dst, NumericConvert.Convert<TFrom, TTo>(TIn.Read(ref src)));
            src = ref Unsafe.Add(ref src, srcStride);
            dst = ref Unsafe.Add(ref dst, dstStride);
        }
    }

    private static void RunSwapped(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        Span<TFrom> input = CacheLine.Aligned<TFrom>(stackalloc byte[Block * Unsafe.SizeOf<TFrom>() + CacheLine.Size], Block);
        Span<TTo> converted = CacheLine.Aligned<TTo>(stackalloc byte[Block * Unsafe.SizeOf<TTo>() + CacheLine.Size], Block);
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
