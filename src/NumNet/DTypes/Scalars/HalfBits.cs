using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumNet.DTypes;

/// <summary>
/// float16 ↔ float32 / float64 as NumPy's casts do them on x86-64, one element or a contiguous run: finite values round
/// to nearest even (once, from either width), magnitudes from 65520 become infinite, and a NaN is never quieted: widening
/// keeps every payload bit, narrowing keeps the payload's top ten bits (and its lowest bit set if those are all zero, so
/// it stays a NaN).
/// </summary>
/// <remarks>
/// NumPy 2 builds its float16 casts on x86-64 from the bit-manipulation routines of <c>npymath/halffloat.cpp</c>
/// (<c>npy_floatbits_to_halfbits</c>, <c>npy_doublebits_to_halfbits</c>, <c>npy_halfbits_to_floatbits</c>,
/// <c>npy_halfbits_to_doublebits</c>): <c>lowlevel_strided_loops.c.src</c> takes the native conversion only for Arm's
/// <c>_Float16</c>, so the F16C instructions, which quiet a signalling NaN, never run in a cast. .NET's <c>(Half)x</c>
/// and <see cref="System.Numerics.Tensors.TensorPrimitives"/> quiet it (half <c>0x7C01</c> → <c>0x7FC02000</c> instead
/// of NumPy's <c>0x7F802000</c>); these routines give NumPy's bits. The span loops use 256-bit vectors and hold no
/// vector on the stack: .NET aligns frames to 16 bytes only, and TensorPrimitives' 512-bit loops for these pairs ran
/// three to four times slower at half of the stack positions (docs/performance.md, "Stack alignment").
/// </remarks>
internal static class HalfBits
{
    private const uint SingleSign = 0x8000_0000, SingleInfinity = 0x7F80_0000;

    // The float32 bits of 65520, the least magnitude that rounds to infinity (65504 + half of its step of 32).
    private const uint SingleFirstInfinite = 0x477F_F000;

    // The float32 bits of 2^-14, float16's least normal magnitude; below it the result is subnormal.
    private const uint SingleLeastNormal = 0x3880_0000;

    // float32 exponent bias 127 to float16 bias 15, in the float32 exponent field (wraps: added as a uint).
    private const uint SingleRebias = unchecked((uint)((15 - 127) << 23));

    // The float64 bits of 65520 and of 2^-14, as above.
    private const ulong DoubleFirstInfinite = 0x40EF_FE00_0000_0000, DoubleLeastNormal = 0x3F10_0000_0000_0000;

    private const ulong DoubleRebias = unchecked((ulong)((15L - 1023) << 52));

    private const ushort HalfInfinity = 0x7C00;

    // Adding 0.5f to a magnitude below 2^-14 rounds it, by the hardware's round to nearest even, to a multiple of
    // 2^-24 (0.5f's last place), float16's subnormal step: the low bits of the sum are the float16 significand.
    private const float SubnormalMagicSingle = 0.5f;
    private const uint SubnormalMagicSingleBits = 0x3F00_0000;

    // The same for float64: 2^28's last place is 2^(28-52) = 2^-24.
    private const double SubnormalMagicDouble = 268435456.0;

    // float16's subnormal step, 2^-24: a subnormal float16 is its significand times this, exactly.
    private const float SubnormalStep = 1f / 16_777_216;

    /// <summary>float32 to float16 (NumPy's <c>npy_floatbits_to_halfbits</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Half FromSingle(float value) => BitConverter.UInt16BitsToHalf(FromSingleBits(BitConverter.SingleToUInt32Bits(value)));

    /// <summary>float64 to float16 (NumPy's <c>npy_doublebits_to_halfbits</c>), rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Half FromDouble(double value) => BitConverter.UInt16BitsToHalf(FromDoubleBits(BitConverter.DoubleToUInt64Bits(value)));

    /// <summary>float16 to float32, exactly and keeping a NaN's payload (NumPy's <c>npy_halfbits_to_floatbits</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(Half value) => BitConverter.UInt32BitsToSingle(ToSingleBits(BitConverter.HalfToUInt16Bits(value)));

    /// <summary>float16 to float64, exactly and keeping a NaN's payload (NumPy's <c>npy_halfbits_to_doublebits</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToDouble(Half value) => BitConverter.UInt64BitsToDouble(ToDoubleBits(BitConverter.HalfToUInt16Bits(value)));

    private static ushort FromSingleBits(uint bits)
    {
        uint sign = (bits & SingleSign) >> 16;
        uint magnitude = bits & ~SingleSign;
        if (magnitude > SingleInfinity)
            return (ushort)(sign | NaN(magnitude >> 13));
        if (magnitude >= SingleFirstInfinite)
            return (ushort)(sign | HalfInfinity);
        if (magnitude < SingleLeastNormal)
            return (ushort)(sign | (BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle(magnitude) + SubnormalMagicSingle) - SubnormalMagicSingleBits));
        // Round the 23-bit significand to 10 at its 13th bit, to even on a tie (0xFFF plus the kept bit's parity), with
        // the exponent rebiased in the same add; a carry out of the significand raises the exponent, as it should.
        uint odd = (magnitude >> 13) & 1;
        return (ushort)(sign | ((magnitude + SingleRebias + 0xFFF + odd) >> 13));
    }

    private static ushort FromDoubleBits(ulong bits)
    {
        uint sign = (uint)(bits >> 48) & 0x8000;
        ulong magnitude = bits & 0x7FFF_FFFF_FFFF_FFFF;
        if (magnitude > 0x7FF0_0000_0000_0000)
            return (ushort)(sign | NaN((uint)(magnitude >> 42)));
        if (magnitude >= DoubleFirstInfinite)
            return (ushort)(sign | HalfInfinity);
        if (magnitude < DoubleLeastNormal)
        {
            double sum = BitConverter.UInt64BitsToDouble(magnitude) + SubnormalMagicDouble;
            return (ushort)(sign | (uint)(BitConverter.DoubleToUInt64Bits(sum) - BitConverter.DoubleToUInt64Bits(SubnormalMagicDouble)));
        }
        ulong odd = (magnitude >> 42) & 1;
        return (ushort)(sign | (uint)((magnitude + DoubleRebias + 0x1FF_FFFF_FFFF + odd) >> 42));
    }

    // A NaN's top ten payload bits (from bits shifted so that they are the low ten), kept non-zero so it stays a NaN.
    private static uint NaN(uint shiftedPayload) => HalfInfinity | Math.Max(shiftedPayload & 0x3FF, 1u);

    private static uint ToSingleBits(ushort half)
    {
        uint sign = (uint)(half & 0x8000) << 16;
        uint magnitude = (uint)(half & 0x7FFF);
        if (magnitude >= HalfInfinity)
            return sign | ((magnitude << 13) + 0x7000_0000);   // exponent 31 to 255, every payload bit kept
        if (magnitude < 0x400)
            return sign | BitConverter.SingleToUInt32Bits(magnitude * SubnormalStep);
        return sign | ((magnitude << 13) + 0x3800_0000);
    }

    private static ulong ToDoubleBits(ushort half)
    {
        ulong sign = (ulong)(half & 0x8000) << 48;
        ulong magnitude = (ulong)(half & 0x7FFF);
        if (magnitude >= HalfInfinity)
            return sign | ((magnitude << 42) + 0x7E00_0000_0000_0000);
        if (magnitude < 0x400)
            return sign | BitConverter.DoubleToUInt64Bits(magnitude * (double)SubnormalStep);
        return sign | ((magnitude << 42) + 0x3F00_0000_0000_0000);
    }

    /// <summary>Converts <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Convert(ReadOnlySpan<float> source, Span<Half> destination) => Run<float, Half, SingleToHalf>(source, destination);

    /// <summary>Converts <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Convert(ReadOnlySpan<Half> source, Span<float> destination) => Run<Half, float, HalfToSingle>(source, destination);

    /// <summary>Converts <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Convert(ReadOnlySpan<double> source, Span<Half> destination) => Run<double, Half, DoubleToHalf>(source, destination);

    /// <summary>Converts <paramref name="source"/> into <paramref name="destination"/> (at least as long).</summary>
    public static void Convert(ReadOnlySpan<Half> source, Span<double> destination) => Run<Half, double, HalfToDouble>(source, destination);

    /// <summary>One direction of a run: a vector step of <see cref="Step"/> elements, and one element for the tail.</summary>
    private interface IRun<TFrom, TTo>
    {
        static abstract int Step { get; }

        static abstract void Vector(ref TFrom from, ref TTo to, nuint at);

        static abstract TTo One(TFrom value);
    }

    // Vector steps while a whole one fits, then one at a time (or all one at a time without vector hardware).
    private static void Run<TFrom, TTo, TRun>(ReadOnlySpan<TFrom> source, Span<TTo> destination) where TRun : struct, IRun<TFrom, TTo>
    {
        Debug.Assert(destination.Length >= source.Length, "the destination is shorter than the source");
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref TFrom from = ref MemoryMarshal.GetReference(source);
            ref TTo to = ref MemoryMarshal.GetReference(destination);
            for (; i <= source.Length - TRun.Step; i += TRun.Step)
                TRun.Vector(ref from, ref to, (nuint)i);
        }
        for (; i < source.Length; i++)
            destination[i] = TRun.One(source[i]);
    }

    private readonly struct SingleToHalf : IRun<float, Half>
    {
        public static int Step => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Vector(ref float from, ref Half to, nuint at)
        {
            var low = FromSingleLanes(Vector256.LoadUnsafe(ref from, at).AsUInt32());
            var high = FromSingleLanes(Vector256.LoadUnsafe(ref from, at + 8).AsUInt32());
            Vector256.Narrow(low, high).StoreUnsafe(ref Unsafe.As<Half, ushort>(ref to), at);
        }

        public static Half One(float value) => FromSingle(value);
    }

    private readonly struct HalfToSingle : IRun<Half, float>
    {
        public static int Step => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Vector(ref Half from, ref float to, nuint at)
        {
            var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref from), at));
            ref uint bits = ref Unsafe.As<float, uint>(ref to);
            ToSingleLanes(low).StoreUnsafe(ref bits, at);
            ToSingleLanes(high).StoreUnsafe(ref bits, at + 8);
        }

        public static float One(Half value) => ToSingle(value);
    }

    private readonly struct DoubleToHalf : IRun<double, Half>
    {
        // Eight at a time: sixteen kept more vectors live than there are registers, and the JIT spilled two.
        public static int Step => 8;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Vector(ref double from, ref Half to, nuint at)
        {
            var eight = Vector256.Narrow(FromDoubleLanes(Vector256.LoadUnsafe(ref from, at).AsUInt64()),
                FromDoubleLanes(Vector256.LoadUnsafe(ref from, at + 4).AsUInt64()));
            Vector128.Narrow(eight.GetLower(), eight.GetUpper()).StoreUnsafe(ref Unsafe.As<Half, ushort>(ref to), at);
        }

        public static Half One(double value) => FromDouble(value);
    }

    private readonly struct HalfToDouble : IRun<Half, double>
    {
        public static int Step => 16;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Vector(ref Half from, ref double to, nuint at)
        {
            var (low, high) = Vector256.Widen(Vector256.LoadUnsafe(ref Unsafe.As<Half, ushort>(ref from), at));
            ref ulong bits = ref Unsafe.As<double, ulong>(ref to);
            ToDoubleLanes(Vector256.WidenLower(low)).StoreUnsafe(ref bits, at);
            ToDoubleLanes(Vector256.WidenUpper(low)).StoreUnsafe(ref bits, at + 4);
            ToDoubleLanes(Vector256.WidenLower(high)).StoreUnsafe(ref bits, at + 8);
            ToDoubleLanes(Vector256.WidenUpper(high)).StoreUnsafe(ref bits, at + 12);
        }

        public static double One(Half value) => ToDouble(value);
    }

    // FromSingleBits for eight lanes, without branches: every case is computed and the lane's own is selected.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> FromSingleLanes(Vector256<uint> bits)
    {
        var sign = bits & Vector256.Create(SingleSign);
        var magnitude = bits ^ sign;
        var odd = (magnitude >>> 13) & Vector256.Create(1u);
        // Wraps for magnitudes below 2^-14 and exceeds infinity's bits from 65520 up: the selects below take over.
        var half = Vector256.Min((magnitude + Vector256.Create(SingleRebias + 0xFFF) + odd) >>> 13, Vector256.Create((uint)HalfInfinity));
        var nan = Vector256.Create((uint)HalfInfinity) | Vector256.Max((magnitude >>> 13) & Vector256.Create(0x3FFu), Vector256.Create(1u));
        half = Vector256.ConditionalSelect(Vector256.GreaterThan(magnitude.AsInt32(), Vector256.Create((int)SingleInfinity)).AsUInt32(), nan, half);
        var subnormal = (magnitude.AsSingle() + Vector256.Create(SubnormalMagicSingle)).AsUInt32() - Vector256.Create(SubnormalMagicSingleBits);
        half = Vector256.ConditionalSelect(Vector256.LessThan(magnitude.AsInt32(), Vector256.Create((int)SingleLeastNormal)).AsUInt32(), subnormal, half);
        return half | (sign >>> 16);
    }

    // ToSingleBits for eight lanes holding a float16's bits each.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> ToSingleLanes(Vector256<uint> half)
    {
        var magnitude = (half & Vector256.Create(0x7FFFu)).AsInt32();
        var shifted = magnitude.AsUInt32() << 13;
        var special = Vector256.GreaterThan(magnitude, Vector256.Create(HalfInfinity - 1)).AsUInt32();
        // Exponent rebias: 112 in the exponent field for normal numbers, twice that to take 31 (infinity, NaN) to 255.
        var single = shifted + Vector256.Create(0x3800_0000u) + (Vector256.Create(0x3800_0000u) & special);
        var subnormal = (Vector256.ConvertToSingle(magnitude) * Vector256.Create(SubnormalStep)).AsUInt32();
        single = Vector256.ConditionalSelect(Vector256.LessThan(magnitude, Vector256.Create(0x400)).AsUInt32(), subnormal, single);
        return single | ((half & Vector256.Create(0x8000u)) << 16);
    }

    // FromDoubleBits for four lanes, as FromSingleLanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> FromDoubleLanes(Vector256<ulong> bits)
    {
        var magnitude = bits & Vector256.Create(0x7FFF_FFFF_FFFF_FFFFUL);
        var odd = (magnitude >>> 42) & Vector256.Create(1UL);
        var half = Vector256.Min((magnitude + Vector256.Create(DoubleRebias + 0x1FF_FFFF_FFFF) + odd) >>> 42, Vector256.Create((ulong)HalfInfinity));
        var nan = Vector256.Create((ulong)HalfInfinity) | Vector256.Max((magnitude >>> 42) & Vector256.Create(0x3FFUL), Vector256.Create(1UL));
        half = Vector256.ConditionalSelect(Vector256.GreaterThan(magnitude.AsInt64(), Vector256.Create(0x7FF0_0000_0000_0000L)).AsUInt64(), nan, half);
        var subnormal = (magnitude.AsDouble() + Vector256.Create(SubnormalMagicDouble)).AsUInt64()
                        - Vector256.Create(BitConverter.DoubleToUInt64Bits(SubnormalMagicDouble));
        half = Vector256.ConditionalSelect(Vector256.LessThan(magnitude.AsInt64(), Vector256.Create((long)DoubleLeastNormal)).AsUInt64(), subnormal, half);
        return half | ((bits >>> 48) & Vector256.Create(0x8000UL));
    }

    // ToDoubleBits for four lanes holding a float16's bits each. A subnormal is 2^-14·(1 + m/1024) less 2^-14, exactly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> ToDoubleLanes(Vector256<ulong> half)
    {
        var magnitude = (half & Vector256.Create(0x7FFFUL)).AsInt64();
        var shifted = magnitude.AsUInt64() << 42;
        var special = Vector256.GreaterThan(magnitude, Vector256.Create((long)HalfInfinity - 1)).AsUInt64();
        var wide = shifted + Vector256.Create(0x3F00_0000_0000_0000UL) + (Vector256.Create(0x3F00_0000_0000_0000UL) & special);
        var leastNormal = Vector256.Create(DoubleLeastNormal);
        var subnormal = ((shifted + leastNormal).AsDouble() - leastNormal.AsDouble()).AsUInt64();
        wide = Vector256.ConditionalSelect(Vector256.LessThan(magnitude, Vector256.Create(0x400L)).AsUInt64(), subnormal, wide);
        return wide | ((half & Vector256.Create(0x8000UL)) << 48);
    }
}
