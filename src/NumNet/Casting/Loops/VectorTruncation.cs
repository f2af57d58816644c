using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NumNet.Layout;

namespace NumNet.Casting.Loops;

/// <summary>
/// Contiguous float64 and float32 to integer casts with AVX2, bit for bit the results of <see cref="X86Truncation"/>
/// (NumPy's x86-64 results), four elements at a time. The tail, and every target these kernels leave out, runs
/// through <see cref="NumericConvert"/>, so both paths share one definition of the rules.
/// </summary>
/// <remarks>
/// AVX2 has no 64-bit conversion (that is AVX-512), so int64 is rebuilt from the bits: the significand shifted by the
/// exponent, then the sign applied; shifts by 64 or more give 0 in <c>vpsllvq</c>/<c>vpsrlvq</c>, which covers the
/// values below 1 without a branch. 32-bit conversion is <c>cvttpd2dq</c> itself, whose out-of-range result is the
/// same "integer indefinite" as the scalar instruction; narrower targets keep its low bits.
/// </remarks>
internal static class VectorTruncation
{
    private const double TwoPow63 = 9223372036854775808.0;
    private const double TwoPow31 = 2147483648.0;

    /// <summary>Whether <see cref="Run{TFrom, TTo}"/> handles the pair on this machine.</summary>
    public static bool Handles<TFrom, TTo>() =>
        Avx2.IsSupported
        && (typeof(TFrom) == typeof(double) || typeof(TFrom) == typeof(float))
        && (typeof(TTo) == typeof(sbyte) || typeof(TTo) == typeof(byte) || typeof(TTo) == typeof(short)
            || typeof(TTo) == typeof(ushort) || typeof(TTo) == typeof(int) || typeof(TTo) == typeof(uint)
            || typeof(TTo) == typeof(long) || typeof(TTo) == typeof(ulong));

    /// <summary>Converts <paramref name="count"/> contiguous elements; the caller has checked <see cref="Handles{TFrom, TTo}"/>.</summary>
    public static void Run<TFrom, TTo>(ref byte src, ref byte dst, nint count) where TFrom : unmanaged where TTo : unmanaged
    {
        nint i = StreamingCast.Run<TruncationStep<TFrom, TTo>>(ref src, ref dst, count * Unsafe.SizeOf<TTo>()) / Unsafe.SizeOf<TTo>();
        // What is left, less than 32 bytes of results: byte and short targets gather 16 or 8 results before one store; their rule has no block structure, so the
        // wider step changes nothing in the results.
        if (Unsafe.SizeOf<TTo>() == 1)
        {
            for (; i <= count - 16; i += 16)
            {
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, i), Vector128.Narrow(Int32Pair<TFrom>(ref src, i), Int32Pair<TFrom>(ref src, i + 8)));
            }
        }
        else if (Unsafe.SizeOf<TTo>() == 2)
        {
            for (; i <= count - 8; i += 8)
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, i * 2), Int32Pair<TFrom>(ref src, i));
        }
        // Blocks of four: double to uint32 follows NumPy's vector code for whole blocks and its scalar code after.
        for (; i <= count - 4; i += 4)
        {
            var x = Load<TFrom>(ref src, i);
            ref byte d = ref Unsafe.Add(ref dst, i * Unsafe.SizeOf<TTo>());
            if (typeof(TTo) == typeof(long))
                Unsafe.WriteUnaligned(ref d, ToInt64(x));
            else if (typeof(TTo) == typeof(ulong))
                Unsafe.WriteUnaligned(ref d, ToUInt64(x));
            else if (typeof(TTo) == typeof(int))
                Unsafe.WriteUnaligned(ref d, Avx.ConvertToVector128Int32WithTruncation(x));
            else if (typeof(TTo) == typeof(uint))
                Unsafe.WriteUnaligned(ref d, ToUInt32(x));
            else if (typeof(TTo) == typeof(short) || typeof(TTo) == typeof(ushort))
            {
                var v = Avx.ConvertToVector128Int32WithTruncation(x);
                Unsafe.WriteUnaligned(ref d, Vector128.Narrow(v, v).AsUInt64().ToScalar());
            }
            else
            {
                var v = Avx.ConvertToVector128Int32WithTruncation(x);
                var s = Vector128.Narrow(v, v);
                Unsafe.WriteUnaligned(ref d, Vector128.Narrow(s, s).AsUInt32().ToScalar());
            }
        }
        for (; i < count; i++)
        {
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref dst, i * Unsafe.SizeOf<TTo>()),
                NumericConvert.Convert<TFrom, TTo>(Unsafe.ReadUnaligned<TFrom>(ref Unsafe.Add(ref src, i * Unsafe.SizeOf<TFrom>()))));
        }
    }

    // Four source elements as doubles; float widens exactly, and its integer results are those of the double.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Load<TFrom>(ref byte src, nint i) =>
        typeof(TFrom) == typeof(double)
            ? Unsafe.ReadUnaligned<Vector256<double>>(ref Unsafe.Add(ref src, i * 8))
            : Avx.ConvertToVector256Double(Unsafe.ReadUnaligned<Vector128<float>>(ref Unsafe.Add(ref src, i * 4)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<int> Int32Quad<TFrom>(ref byte src, nint i) => Avx.ConvertToVector128Int32WithTruncation(Load<TFrom>(ref src, i));

    // Eight elements through cvttpd2dq, keeping the low 16 bits of each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector128<short> Int32Pair<TFrom>(ref byte src, nint i) => Vector128.Narrow(Int32Quad<TFrom>(ref src, i), Int32Quad<TFrom>(ref src, i + 4));

    /// <summary><c>cvttsd2si</c> to 64 bits on four lanes: truncation, or <see cref="long.MinValue"/> when |x| ≥ 2^63, infinite or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<long> ToInt64(Vector256<double> x)
    {
        var bits = x.AsUInt64();
        var exponent = (bits >>> 52) & Vector256.Create(0x7FFUL);
        var significand = (bits & Vector256.Create(0x000F_FFFF_FFFF_FFFFUL)) | Vector256.Create(0x0010_0000_0000_0000UL);
        // 1075 is the biased exponent at which the significand's last bit is worth 1; one of the two shifts is
        // by a negative amount, which as an unsigned count is ≥ 64 and gives 0.
        var bias = Vector256.Create(1075UL);
        var magnitude = Avx2.ShiftLeftLogicalVariable(significand, exponent - bias)
                        | Avx2.ShiftRightLogicalVariable(significand, bias - exponent);
        var negative = Vector256<long>.Zero - (bits >>> 63).AsInt64();
        var value = (magnitude.AsInt64() ^ negative) - negative;
        var tooLarge = Vector256.GreaterThanOrEqual(exponent.AsInt64(), Vector256.Create(1086L));
        return Vector256.ConditionalSelect(tooLarge, Vector256.Create(long.MinValue), value);
    }

    /// <summary>gcc's double to uint64 on four lanes, as <see cref="X86Truncation.ToUInt64"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> ToUInt64(Vector256<double> x)
    {
        // An ordered compare: NaN is "below" and takes the signed conversion, as in the scalar code.
        var large = Vector256.GreaterThanOrEqual(x, Vector256.Create(TwoPow63)).AsInt64();
        var reduced = ToInt64(x - Vector256.Create(TwoPow63)) ^ Vector256.Create(long.MinValue);
        return Vector256.ConditionalSelect(large, reduced, ToInt64(x)).AsUInt64();
    }

    /// <summary>gcc's vectorised double to uint32 on one block of four, as <see cref="X86Truncation.ToUInt32Vectorised"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<int> ToUInt32(Vector256<double> x)
    {
        var large = Vector256.GreaterThanOrEqual(x, Vector256.Create(TwoPow31));
        var shifted = Vector256.ConditionalSelect(large, x - Vector256.Create(TwoPow31), x);
        // cvttpd2dq(-2^31) is exactly 0x80000000: the top bit to put back on the large lanes, 0 elsewhere.
        var topBit = Avx.ConvertToVector128Int32WithTruncation(Vector256.ConditionalSelect(large, Vector256.Create(-TwoPow31), Vector256<double>.Zero));
        return Avx.ConvertToVector128Int32WithTruncation(shifted) ^ topBit;
    }
}
