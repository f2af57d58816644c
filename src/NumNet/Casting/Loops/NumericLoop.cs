using System.Runtime.CompilerServices;

namespace NumNet.Casting.Loops;

/// <summary>
/// The cast loop between two unmanaged element types (numbers, bool, datetime counts), specialised by the JIT for each
/// pair and byte order. Contiguous native lines go to <see cref="ContiguousConvert"/>; the rest run as a tight
/// strided loop.
/// </summary>
internal sealed class NumericLoop<TFrom, TTo, TIn, TOut> : ByteCastLoop
    where TFrom : unmanaged where TTo : unmanaged
    where TIn : struct, IElementIO<TFrom> where TOut : struct, IElementIO<TTo>
{
    protected override void RunBytes(ref byte src, nint srcStride, ref byte dst, nint dstStride, nint count)
    {
        if (typeof(TIn) == typeof(NativeIO<TFrom>) && typeof(TOut) == typeof(NativeIO<TTo>)
            && srcStride == Unsafe.SizeOf<TFrom>() && dstStride == Unsafe.SizeOf<TTo>())
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
}
