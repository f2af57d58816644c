using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace NumNet.Casting.Loops;

/// <summary>
/// How a loop reads and writes one element of type <typeparamref name="T"/>: in native order, or byte-swapped. Loops
/// take the implementation as a struct type argument, so the JIT compiles a separate loop for each and the swap test
/// never runs per element.
/// </summary>
internal interface IElementIO<T> where T : unmanaged
{
    static abstract T Read(ref byte p);

    static abstract void Write(ref byte p, T value);
}

/// <summary>Elements stored in this machine's byte order.</summary>
internal readonly struct NativeIO<T> : IElementIO<T> where T : unmanaged
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read(ref byte p) => Unsafe.ReadUnaligned<T>(ref p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(ref byte p, T value) => Unsafe.WriteUnaligned(ref p, value);
}

/// <summary>Elements stored in the other byte order: swapped on the way in and out.</summary>
internal readonly struct SwappedIO<T> : IElementIO<T> where T : unmanaged
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read(ref byte p) => ByteSwap.Reverse(Unsafe.ReadUnaligned<T>(ref p));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write(ref byte p, T value) => Unsafe.WriteUnaligned(ref p, ByteSwap.Reverse(value));
}

/// <summary>Byte order reversal per element type: whole values, except complex numbers, whose two parts swap separately.</summary>
internal static class ByteSwap
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Reverse<T>(T value) where T : unmanaged
    {
        if (typeof(T) == typeof(Complex64))
        {
            ulong both = Unsafe.As<T, ulong>(ref value);
            ulong swapped = BinaryPrimitives.ReverseEndianness((uint)both) | ((ulong)BinaryPrimitives.ReverseEndianness((uint)(both >> 32)) << 32);
            return Unsafe.As<ulong, T>(ref swapped);
        }
        if (typeof(T) == typeof(Complex))
        {
            var c = Unsafe.As<T, (ulong Re, ulong Im)>(ref value);
            var s = (BinaryPrimitives.ReverseEndianness(c.Re), BinaryPrimitives.ReverseEndianness(c.Im));
            return Unsafe.As<(ulong, ulong), T>(ref s);
        }
        if (typeof(T) == typeof(Complex256))
        {
            var c = Unsafe.As<T, (UInt128 Re, UInt128 Im)>(ref value);
            var s = (BinaryPrimitives.ReverseEndianness(c.Re), BinaryPrimitives.ReverseEndianness(c.Im));
            return Unsafe.As<(UInt128, UInt128), T>(ref s);
        }
        switch (Unsafe.SizeOf<T>())
        {
            case 2:
            {
                ushort v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ushort>(ref value));
                return Unsafe.As<ushort, T>(ref v);
            }
            case 4:
            {
                uint v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, uint>(ref value));
                return Unsafe.As<uint, T>(ref v);
            }
            case 8:
            {
                ulong v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, ulong>(ref value));
                return Unsafe.As<ulong, T>(ref v);
            }
            case 16:
            {
                UInt128 v = BinaryPrimitives.ReverseEndianness(Unsafe.As<T, UInt128>(ref value));
                return Unsafe.As<UInt128, T>(ref v);
            }
            default:
                return value;
        }
    }
}
