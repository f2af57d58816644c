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
