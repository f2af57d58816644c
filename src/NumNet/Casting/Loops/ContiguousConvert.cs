using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.DTypes;
using NumNet.Internal;
using NumNet.Layout;

namespace NumNet.Casting.Loops;

/// <summary>
/// Contiguous numeric casts. Pairs whose <see cref="TensorPrimitives"/> conversion has NumPy's semantics (integer
/// wrap-around, integer to float, float to float) use it and get SIMD; float to integer does not (.NET saturates,
/// x86 does not) and runs through <see cref="VectorTruncation"/>'s AVX2 kernels, or a scalar loop without AVX2. Float,
/// double and their complex types to uint32 reproduce the block-of-four split between vector and scalar code in
/// NumPy's x86-64 build.
/// </summary>
internal static class ContiguousConvert
{
    // TensorPrimitives takes int lengths.
    private const int Chunk = 1 << 30;

    public static void Run<TFrom, TTo>(ref byte src, ref byte dst, nint count) where TFrom : unmanaged where TTo : unmanaged
    {
        if (typeof(TFrom) == typeof(TTo))
        {
            Layout.BlockCopy.Copy(ref src, ref dst, (long)count * Unsafe.SizeOf<TFrom>());
            return;
        }
        if (VectorTruncation.Handles<TFrom, TTo>())
        {
            VectorTruncation.Run<TFrom, TTo>(ref src, ref dst, count);
            return;
        }
        if ((typeof(TFrom) == typeof(double) || typeof(TFrom) == typeof(float) || typeof(TFrom) == typeof(Complex)
             || typeof(TFrom) == typeof(Complex64)) && typeof(TTo) == typeof(uint))
        {
            RunToUInt32<TFrom>(ref src, ref dst, count);
            return;
        }
        if (typeof(TTo) == typeof(Half) && (typeof(TFrom) == typeof(int) || typeof(TFrom) == typeof(short) || typeof(TFrom) == typeof(ushort)
                                             || typeof(TFrom) == typeof(sbyte) || typeof(TFrom) == typeof(byte)))
        {
            RunToHalf<TFrom>(ref src, ref dst, count);
            return;
        }
        if (IsHalfAndFloat<TFrom, TTo>())
        {
            RunHalf<TFrom, TTo>(ref src, ref dst, count);
            return;
        }
        if (ExactStep<TFrom, TTo>.Handles)
        {
            nint done = StreamingCast.Run<ExactStep<TFrom, TTo>>(ref src, ref dst, count * Unsafe.SizeOf<TTo>()) / Unsafe.SizeOf<TTo>();
            src = ref Unsafe.Add(ref src, done * Unsafe.SizeOf<TFrom>());
            dst = ref Unsafe.Add(ref dst, done * Unsafe.SizeOf<TTo>());
            count -= done;
        }
        if (IsTensorNumber<TFrom>() && IsTensorNumber<TTo>() && !(IsFloat<TFrom>() && !IsFloat<TTo>()))
        {
            for (nint done = 0; done < count; done += Chunk)
            {
                int n = (int)Math.Min(Chunk, count - done);
                TensorDispatch.From<TFrom, TTo>(ref Unsafe.Add(ref src, done * Unsafe.SizeOf<TFrom>()),
                    ref Unsafe.Add(ref dst, done * Unsafe.SizeOf<TTo>()), n);
            }
            return;
        }
        for (nint i = 0; i < count; i++)
        {
            Unsafe.Add(ref Unsafe.As<byte, TTo>(ref dst), i) =
                NumericConvert.Convert<TFrom, TTo>(Unsafe.ReadUnaligned<TFrom>(ref Unsafe.Add(ref src, i * Unsafe.SizeOf<TFrom>())));
        }
    }

    private static bool IsFloat<T>() => typeof(T) == typeof(Half) || typeof(T) == typeof(float) || typeof(T) == typeof(double);

    private static bool IsTensorNumber<T>() =>
        IsFloat<T>() || typeof(T) == typeof(sbyte) || typeof(T) == typeof(byte) || typeof(T) == typeof(short)
        || typeof(T) == typeof(ushort) || typeof(T) == typeof(int) || typeof(T) == typeof(uint)
        || typeof(T) == typeof(long) || typeof(T) == typeof(ulong);

    // Elements per block of the float16 conversions: their float32 stage and their results stay in L1 between the
    // passes over a block (the conversion, then the status screen).
    private const int HalfBlock = 2048;

    /// <summary>
    /// Small integers to float16 through float32, as NumPy rounds them: <see cref="TensorPrimitives"/> converts to
    /// float32 with SIMD (its direct integer-to-Half conversion goes element by element), <see cref="HalfBits"/> on
    /// to float16.
    /// </summary>
    private static void RunToHalf<TFrom>(ref byte src, ref byte dst, nint count) where TFrom : unmanaged
    {
        // From a line boundary (Internal/CacheLine.cs).
        Span<float> floats = CacheLine.Aligned<float>(stackalloc byte[HalfBlock * sizeof(float) + CacheLine.Size], HalfBlock);
        for (nint done = 0; done < count; done += HalfBlock)
        {
            int n = (int)Math.Min(HalfBlock, count - done);
            var block = floats[..n];
            ref byte from = ref Unsafe.Add(ref src, done * Unsafe.SizeOf<TFrom>());
            if (typeof(TFrom) == typeof(int)) TensorPrimitives.ConvertTruncating(Source<int>(ref from, n), block);
            else if (typeof(TFrom) == typeof(short)) TensorPrimitives.ConvertTruncating(Source<short>(ref from, n), block);
            else if (typeof(TFrom) == typeof(ushort)) TensorPrimitives.ConvertTruncating(Source<ushort>(ref from, n), block);
            else if (typeof(TFrom) == typeof(sbyte)) TensorPrimitives.ConvertTruncating(Source<sbyte>(ref from, n), block);
            else TensorPrimitives.ConvertTruncating(Source<byte>(ref from, n), block);
            var halves = MemoryMarshal.CreateSpan(ref Unsafe.As<byte, Half>(ref Unsafe.Add(ref dst, done * 2)), n);
            HalfBits.Convert(block, halves);
            StreamingCast.Probe?.ScreenHalfResults(halves);   // the cast's status check, while the block is in L1
        }
    }

    private static bool IsHalfAndFloat<TFrom, TTo>() =>
        (typeof(TFrom) == typeof(Half) && (typeof(TTo) == typeof(float) || typeof(TTo) == typeof(double)))
        || (typeof(TTo) == typeof(Half) && (typeof(TFrom) == typeof(float) || typeof(TFrom) == typeof(double)));

    /// <summary>
    /// float16 ↔ float32 / float64 by NumPy's bit routines (<see cref="HalfBits"/>), in blocks that stay in L1 while the
    /// float16 results are screened for the cast's status.
    /// </summary>
    private static void RunHalf<TFrom, TTo>(ref byte src, ref byte dst, nint count) where TFrom : unmanaged where TTo : unmanaged
    {
        for (nint done = 0; done < count; done += HalfBlock)
        {
            int n = (int)Math.Min(HalfBlock, count - done);
            ref byte from = ref Unsafe.Add(ref src, done * Unsafe.SizeOf<TFrom>());
            ref byte to = ref Unsafe.Add(ref dst, done * Unsafe.SizeOf<TTo>());
            if (typeof(TTo) == typeof(Half))
            {
                var halves = Destination<Half>(ref to, n);
                if (typeof(TFrom) == typeof(float)) HalfBits.Convert(Source<float>(ref from, n), halves);
                else HalfBits.Convert(Source<double>(ref from, n), halves);
                // Overflow, the only status, leaves an infinity (so does an infinite source: the engine checks those lines).
                StreamingCast.Probe?.ScreenHalfResults(halves);
            }
            else if (typeof(TTo) == typeof(float)) HalfBits.Convert(Source<Half>(ref from, n), Destination<float>(ref to, n));
            else HalfBits.Convert(Source<Half>(ref from, n), Destination<double>(ref to, n));
        }
    }

    private static Span<T> Destination<T>(ref byte start, int n) => MemoryMarshal.CreateSpan(ref Unsafe.As<byte, T>(ref start), n);

    private static ReadOnlySpan<T> Source<T>(ref byte start, int n) => MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, T>(ref start), n);

    private static void RunToUInt32<TFrom>(ref byte src, ref byte dst, nint count) where TFrom : unmanaged
    {
        ref uint d = ref Unsafe.As<byte, uint>(ref dst);
        bool complex = typeof(TFrom) == typeof(Complex) || typeof(TFrom) == typeof(Complex64);
        // gcc's vector loop over a real source takes every whole block of four; over a complex source (its real part)
        // only blocks with an element after them, so the last element is always converted alone (NumPy 1.24 on x86-64:
        // four complex128 8589934811 give 219 each, five give 0, 0, 0, 0, 219; four float64 give 0 each).
        nint blocks = complex ? Math.Max(count - 1, 0) & ~(nint)3 : count & ~(nint)3;
        for (nint i = 0; i < count; i++)
        {
            // Complex sources convert their real part, which comes first in each element.
            ref byte element = ref Unsafe.Add(ref src, i * Unsafe.SizeOf<TFrom>());
            double x = typeof(TFrom) == typeof(double) || typeof(TFrom) == typeof(Complex)
                ? Unsafe.ReadUnaligned<double>(ref element)
                : Unsafe.ReadUnaligned<float>(ref element);
            Unsafe.Add(ref d, i) = i < blocks ? X86Truncation.ToUInt32Vectorised(x) : X86Truncation.ToUInt32(x);
        }
    }

    /// <summary>Binds the element types to TensorPrimitives' generic math constraints, one argument at a time.</summary>
    private static class TensorDispatch
    {
        public static void From<TFrom, TTo>(ref byte src, ref byte dst, int n)
        {
            if (typeof(TFrom) == typeof(sbyte)) To<sbyte, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(byte)) To<byte, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(short)) To<short, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(ushort)) To<ushort, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(int)) To<int, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(uint)) To<uint, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(long)) To<long, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(ulong)) To<ulong, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(Half)) To<Half, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(float)) To<float, TTo>(ref src, ref dst, n);
            else if (typeof(TFrom) == typeof(double)) To<double, TTo>(ref src, ref dst, n);
        }

        private static void To<TFrom, TTo>(ref byte src, ref byte dst, int n) where TFrom : INumberBase<TFrom>
        {
            if (typeof(TTo) == typeof(sbyte)) Convert<TFrom, sbyte>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(byte)) Convert<TFrom, byte>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(short)) Convert<TFrom, short>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(ushort)) Convert<TFrom, ushort>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(int)) Convert<TFrom, int>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(uint)) Convert<TFrom, uint>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(long)) Convert<TFrom, long>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(ulong)) Convert<TFrom, ulong>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(Half)) Convert<TFrom, Half>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(float)) Convert<TFrom, float>(ref src, ref dst, n);
            else if (typeof(TTo) == typeof(double)) Convert<TFrom, double>(ref src, ref dst, n);
        }

        private static void Convert<TFrom, TTo>(ref byte src, ref byte dst, int n) where TFrom : INumberBase<TFrom> where TTo : INumberBase<TTo> =>
            TensorPrimitives.ConvertTruncating<TFrom, TTo>(
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, TFrom>(ref src), n),
                MemoryMarshal.CreateSpan(ref Unsafe.As<byte, TTo>(ref dst), n));
    }
}
