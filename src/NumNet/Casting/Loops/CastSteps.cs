using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumNet.Layout;

namespace NumNet.Casting.Loops;

/// <summary>Float to integer steps with <see cref="VectorTruncation"/>'s rules (the caller checked AVX2).</summary>
internal readonly struct TruncationStep<TFrom, TTo> : ICastStep where TFrom : unmanaged where TTo : unmanaged
{
    public static int InputBytes => 32 / Unsafe.SizeOf<TTo>() * Unsafe.SizeOf<TFrom>();

    public static Type Source => typeof(TFrom);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Step(ref byte src)
    {
        int quad = 4 * Unsafe.SizeOf<TFrom>();
        if (typeof(TTo) == typeof(long))
            return VectorTruncation.ToInt64(VectorTruncation.Load<TFrom>(ref src, 0)).AsByte();
        if (typeof(TTo) == typeof(ulong))
            return VectorTruncation.ToUInt64(VectorTruncation.Load<TFrom>(ref src, 0)).AsByte();
        if (typeof(TTo) == typeof(int))
            return Vector256.Create(VectorTruncation.Int32Quad<TFrom>(ref src, 0), VectorTruncation.Int32Quad<TFrom>(ref src, 4)).AsByte();
        if (typeof(TTo) == typeof(uint))
        {
            // Two whole blocks of four, as NumPy's vector code converts them.
            return Vector256.Create(VectorTruncation.ToUInt32(VectorTruncation.Load<TFrom>(ref src, 0)),
                VectorTruncation.ToUInt32(VectorTruncation.Load<TFrom>(ref Unsafe.Add(ref src, quad), 0))).AsByte();
        }
        if (Unsafe.SizeOf<TTo>() == 2)
            return Vector256.Create(VectorTruncation.Int32Pair<TFrom>(ref src, 0), VectorTruncation.Int32Pair<TFrom>(ref src, 8)).AsByte();
        return Vector256.Create(
            Vector128.Narrow(VectorTruncation.Int32Pair<TFrom>(ref src, 0), VectorTruncation.Int32Pair<TFrom>(ref src, 8)),
            Vector128.Narrow(VectorTruncation.Int32Pair<TFrom>(ref src, 16), VectorTruncation.Int32Pair<TFrom>(ref src, 24))).AsByte();
    }
}

/// <summary>
/// Conversions whose x86 instruction is NumPy's (round to nearest for narrowing and int64 to double, exact widening):
/// float64 ↔ float32, int32 and int64 to float64, int32 to int64.
/// </summary>
internal readonly struct ExactStep<TFrom, TTo> : ICastStep where TFrom : unmanaged where TTo : unmanaged
{
    public static bool Handles =>
        Avx2.IsSupported
        && ((typeof(TFrom) == typeof(double) && typeof(TTo) == typeof(float))
            || (typeof(TFrom) == typeof(float) && typeof(TTo) == typeof(double))
            || (typeof(TFrom) == typeof(long) && typeof(TTo) == typeof(double))
            || (typeof(TFrom) == typeof(int) && typeof(TTo) == typeof(double))
            || (typeof(TFrom) == typeof(int) && typeof(TTo) == typeof(long)));

    public static int InputBytes => 32 / Unsafe.SizeOf<TTo>() * Unsafe.SizeOf<TFrom>();

    public static Type Source => typeof(TFrom);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Step(ref byte src)
    {
        if (typeof(TFrom) == typeof(double))
        {
            return Vector256.Create(Avx.ConvertToVector128Single(Unsafe.ReadUnaligned<Vector256<double>>(ref src)),
                Avx.ConvertToVector128Single(Unsafe.ReadUnaligned<Vector256<double>>(ref Unsafe.Add(ref src, 32)))).AsByte();
        }
        if (typeof(TFrom) == typeof(float))
            return Avx.ConvertToVector256Double(Unsafe.ReadUnaligned<Vector128<float>>(ref src)).AsByte();
        if (typeof(TFrom) == typeof(long))
            return Vector256.ConvertToDouble(Unsafe.ReadUnaligned<Vector256<long>>(ref src)).AsByte();
        if (typeof(TTo) == typeof(double))
            return Avx.ConvertToVector256Double(Unsafe.ReadUnaligned<Vector128<int>>(ref src)).AsByte();
        return Avx2.ConvertToVector256Int64(Unsafe.ReadUnaligned<Vector128<int>>(ref src)).AsByte();
    }
}

/// <summary>
/// <see cref="ExactStep{TFrom,TTo}"/> of every other 8-byte element (a source stride of 16 bytes, <c>a[::2]</c>): two
/// loads, an unpack and a lane permute put four wanted elements side by side, so the strided cast runs at the speed of
/// its reads instead of one element at a time.
/// </summary>
/// <remarks>A step reads the 8 bytes after its last element too; the caller keeps that inside the source.</remarks>
internal readonly struct EvenElementsStep<TFrom, TTo> : ICastStep where TFrom : unmanaged where TTo : unmanaged
{
    public static bool Handles => ExactStep<TFrom, TTo>.Handles && Unsafe.SizeOf<TFrom>() == 8;

    public static int InputBytes => 2 * ExactStep<TFrom, TTo>.InputBytes;

    public static Type Source => typeof(TFrom);

    public static int ElementGap => 2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    [SkipLocalsInit]
    public static Vector256<byte> Step(ref byte src)
    {
        Unsafe.SkipInit(out Gathered gathered);
        ref byte g = ref Unsafe.As<Gathered, byte>(ref gathered);
        for (int i = 0; i < ExactStep<TFrom, TTo>.InputBytes; i += 32)
        {
            var a = Unsafe.ReadUnaligned<Vector256<double>>(ref Unsafe.Add(ref src, 2 * i));
            var b = Unsafe.ReadUnaligned<Vector256<double>>(ref Unsafe.Add(ref src, 2 * i + 32));
            // a0 b0 a2 b2, then reordered to a0 a2 b0 b2: elements 0, 1, 2, 3 of the strided run.
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref g, i), Avx2.Permute4x64(Avx.UnpackLow(a, b), 0b11_01_10_00));
        }
        return ExactStep<TFrom, TTo>.Step(ref g);
    }

    /// <summary>Room for the gathered input of one step: at most 64 bytes.</summary>
    [InlineArray(2)]
    private struct Gathered
    {
        private Vector256<double> _part;
    }
}

/// <summary>Byte order reversal of parts of <typeparamref name="TPart"/>'s size within 32 bytes.</summary>
internal readonly struct SwapStep<TPart> : ICastStep where TPart : unmanaged
{
    private static readonly Vector256<byte> Mask = BuildMask();

    public static int InputBytes => 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<byte> Step(ref byte src) => Avx2.Shuffle(Unsafe.ReadUnaligned<Vector256<byte>>(ref src), Mask);

    // vpshufb indexes within each 16-byte lane, which holds whole parts of 2, 4 or 8 bytes.
    private static Vector256<byte> BuildMask()
    {
        int size = Unsafe.SizeOf<TPart>();
        Span<byte> mask = stackalloc byte[32];
        for (int i = 0; i < 32; i++)
            mask[i] = (byte)(i % 16 / size * size + size - 1 - i % size);
        return Vector256.Create<byte>(mask);
    }
}
