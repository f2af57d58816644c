using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NumNet.Casting.Loops;

/// <summary>
/// float32 values that are whole numbers (an integer source's elements, converted exactly) to float16, rounding to
/// nearest even as the IEEE conversion does: eight at a time in 256-bit vectors, else one at a time.
/// </summary>
/// <remarks>
/// <see cref="System.Numerics.Tensors.TensorPrimitives.ConvertToHalf(ReadOnlySpan{float}, Span{Half})"/> gives the same
/// bits, but its 512-bit loop keeps vectors on the stack, which .NET aligns to 16 bytes only: in half of the stack
/// positions a process or thread can have, it ran four times slower (1.0 against 4.3 ms for 2 000 blocks of 2 048 on the
/// benchmark machine, docs/performance.md, "Stack alignment"). A whole number needs no NaN or subnormal case: it is
/// zero, a normal float16 or beyond the largest one.
/// </remarks>
internal static class IntegralHalf
{
    // The float32 bits of 65520, the least magnitude that rounds to infinity in float16 (65504 + half a step of 32).
    private const uint FirstInfinite = 0x477F_F000;

    // float32 exponent bias 127 to float16 bias 15, in the float32 exponent field (wraps: added as a uint).
    private const uint Rebias = unchecked((uint)((15 - 127) << 23));

    /// <summary>Converts <paramref name="source"/>, whole numbers, into <paramref name="destination"/> (at least as long).</summary>
    public static void Convert(ReadOnlySpan<float> source, Span<Half> destination)
    {
        Debug.Assert(destination.Length >= source.Length, "the destination is shorter than the source");
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref float from = ref MemoryMarshal.GetReference(source);
            ref ushort to = ref Unsafe.As<Half, ushort>(ref MemoryMarshal.GetReference(destination));
            for (; i <= source.Length - 16; i += 16)
            {
                var low = Bits(Vector256.LoadUnsafe(ref from, (nuint)i).AsUInt32());
                var high = Bits(Vector256.LoadUnsafe(ref from, (nuint)(i + 8)).AsUInt32());
                Vector256.Narrow(low, high).StoreUnsafe(ref to, (nuint)i);
            }
        }
        for (; i < source.Length; i++)
            destination[i] = (Half)source[i];
    }

    // Rounds the 23-bit significand to 10 at its 13th bit, to even on a tie (the added 0xFFF plus the kept bit's
    // parity), with the exponent rebiased in the same add; a carry out of the significand raises the exponent, which
    // is how 2047.5-like ties and 65504 + 16 round up. Zero and magnitudes from 65520 are set apart.
    private static Vector256<uint> Bits(Vector256<uint> bits)
    {
        var sign = bits & Vector256.Create(0x8000_0000u);
        var magnitude = bits ^ sign;
        var odd = (magnitude >>> 13) & Vector256.Create(1u);
        var rounded = (magnitude + Vector256.Create(Rebias + 0xFFF) + odd) >>> 13;
        var infinite = Vector256.GreaterThanOrEqual(magnitude, Vector256.Create(FirstInfinite));
        var zero = Vector256.Equals(magnitude, Vector256<uint>.Zero);
        var half = Vector256.ConditionalSelect(infinite, Vector256.Create(0x7C00u), rounded);
        half = Vector256.AndNot(half, zero);
        return half | (sign >>> 16);
    }
}
