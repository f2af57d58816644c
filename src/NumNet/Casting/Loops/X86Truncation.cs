using System.Runtime.CompilerServices;

namespace NumNet.Casting.Loops;

/// <summary>
/// Float to integer conversion as NumPy's C loops produce it on x86-64, where the result of an out-of-range value is
/// not defined by C but fixed by the instructions gcc emits: <c>cvttsd2si</c> returns the "integer indefinite"
/// (the minimum value) for NaN, infinities and values that do not fit, and narrower targets keep the low bits of a
/// 32-bit conversion.
/// </summary>
/// <remarks>.NET's own conversions saturate instead, so they are not used for these casts.</remarks>
internal static class X86Truncation
{
    private const double TwoPow63 = 9223372036854775808.0;

    /// <summary><c>cvttsd2si</c> to 32 bits: truncation, or <see cref="int.MinValue"/> when the result does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ToInt32(double x) => x > -2147483649.0 && x < 2147483648.0 ? (int)x : int.MinValue;

    /// <summary><c>cvttsd2si</c> to 64 bits: truncation, or <see cref="long.MinValue"/> when the result does not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long ToInt64(double x) => x >= -TwoPow63 && x < TwoPow63 ? (long)x : long.MinValue;

    /// <summary>
    /// gcc's double to uint64: values below 2^63 (and NaN, which compares as below) through the signed conversion,
    /// larger ones reduced by 2^63 first and the top bit put back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ToUInt64(double x) =>
        x >= TwoPow63 ? (ulong)ToInt64(x - TwoPow63) ^ 0x8000_0000_0000_0000UL : (ulong)ToInt64(x);

    /// <summary>gcc's scalar double to uint32: the low 32 bits of the 64-bit conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ToUInt32(double x) => (uint)ToInt64(x);

    /// <summary>
    /// gcc's vectorised double to uint32, used by NumPy's contiguous loops in blocks of four: values from 2^31 on are
    /// reduced by 2^31 and converted with 32-bit <c>cvttpd2dq</c>, the rest converted directly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint ToUInt32Vectorised(double x) =>
        x >= 2147483648.0 ? (uint)ToInt32(x - 2147483648.0) ^ 0x8000_0000u : (uint)ToInt32(x);
}
