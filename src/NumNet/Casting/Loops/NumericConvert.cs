using System.Numerics;
using System.Runtime.CompilerServices;
using NumNet.DTypes;
using static System.Runtime.CompilerServices.Unsafe;

namespace NumNet.Casting.Loops;

/// <summary>
/// One element of a numeric cast with NumPy's value rules on x86-64: integers wrap, floats truncate toward zero with
/// the hardware's result for NaN and overflow (<see cref="X86Truncation"/>), float16 converts by NumPy's bit routines
/// (<see cref="HalfBits"/>: a NaN keeps its payload; integers reach it through float32, float64 rounds once), complex
/// to real keeps the real part, anything to bool is "non-zero".
/// </summary>
/// <remarks>
/// Every value is first read into one of a few hubs (long, ulong, float, double, long double, or a complex) and
/// written from there. All type tests are on generic arguments, which the JIT folds away: each (from, to) pair compiles
/// to straight-line code with no branches on the dtype.
/// </remarks>
internal static class NumericConvert
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TTo Convert<TFrom, TTo>(TFrom v) where TFrom : unmanaged where TTo : unmanaged
    {
        if (typeof(TFrom) == typeof(TTo))
            return As<TFrom, TTo>(ref v);
        if (typeof(TTo) == typeof(bool))
        {
            bool b = IsNonZero(v);
            return As<bool, TTo>(ref b);
        }
        if (typeof(TFrom) == typeof(bool)) return FromUInt64<TTo>(As<TFrom, bool>(ref v) ? 1UL : 0UL);
        if (typeof(TFrom) == typeof(sbyte)) return FromInt64<TTo>(As<TFrom, sbyte>(ref v));
        if (typeof(TFrom) == typeof(short)) return FromInt64<TTo>(As<TFrom, short>(ref v));
        if (typeof(TFrom) == typeof(int)) return FromInt64<TTo>(As<TFrom, int>(ref v));
        if (typeof(TFrom) == typeof(long)) return FromInt64<TTo>(As<TFrom, long>(ref v));
        if (typeof(TFrom) == typeof(byte)) return FromUInt64<TTo>(As<TFrom, byte>(ref v));
        if (typeof(TFrom) == typeof(ushort)) return FromUInt64<TTo>(As<TFrom, ushort>(ref v));
        if (typeof(TFrom) == typeof(uint)) return FromUInt64<TTo>(As<TFrom, uint>(ref v));
        if (typeof(TFrom) == typeof(ulong)) return FromUInt64<TTo>(As<TFrom, ulong>(ref v));
        if (typeof(TFrom) == typeof(Half)) return FromHalf<TTo>(As<TFrom, Half>(ref v));
        if (typeof(TFrom) == typeof(float)) return FromSingle<TTo>(As<TFrom, float>(ref v));
        if (typeof(TFrom) == typeof(double)) return FromDouble<TTo>(As<TFrom, double>(ref v));
        if (typeof(TFrom) == typeof(LongDouble)) return FromLongDouble<TTo>(As<TFrom, LongDouble>(ref v));
        if (typeof(TFrom) == typeof(Complex64))
        {
            var c = As<TFrom, Complex64>(ref v);
            if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>(new Complex(c.Real, c.Imaginary));
            if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(c.Real, c.Imaginary));
            return FromSingle<TTo>(c.Real);
        }
        if (typeof(TFrom) == typeof(Complex))
        {
            var c = As<TFrom, Complex>(ref v);
            if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>(new Complex64((float)c.Real, (float)c.Imaginary));
            if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(c.Real, c.Imaginary));
            return FromDouble<TTo>(c.Real);
        }
        if (typeof(TFrom) == typeof(Complex256))
        {
            var c = As<TFrom, Complex256>(ref v);
            if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>((Complex64)c);
            if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>((Complex)c);
            return FromLongDouble<TTo>(c.Real);
        }
        throw new NotSupportedException($"no numeric conversion from {typeof(TFrom).Name} to {typeof(TTo).Name}");
    }

    // Reinterprets a value already of type TTo; the JIT reduces it to a move.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo Box<T, TTo>(T value) => As<T, TTo>(ref value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNonZero<T>(T v) where T : unmanaged
    {
        if (typeof(T) == typeof(Half)) return As<T, Half>(ref v) != Half.Zero;
        if (typeof(T) == typeof(float)) return As<T, float>(ref v) != 0;
        if (typeof(T) == typeof(double)) return As<T, double>(ref v) != 0;
        if (typeof(T) == typeof(LongDouble)) return !LongDouble.IsZero(As<T, LongDouble>(ref v));
        if (typeof(T) == typeof(Complex64)) { var c = As<T, Complex64>(ref v); return c.Real != 0 || c.Imaginary != 0; }
        if (typeof(T) == typeof(Complex)) { var c = As<T, Complex>(ref v); return c.Real != 0 || c.Imaginary != 0; }
        if (typeof(T) == typeof(Complex256)) { var c = As<T, Complex256>(ref v); return !LongDouble.IsZero(c.Real) || !LongDouble.IsZero(c.Imaginary); }
        // Integers, bool and datetime counts: any set bit.
        if (SizeOf<T>() == 1) return As<T, byte>(ref v) != 0;
        if (SizeOf<T>() == 2) return As<T, ushort>(ref v) != 0;
        if (SizeOf<T>() == 4) return As<T, uint>(ref v) != 0;
        return As<T, ulong>(ref v) != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo FromInt64<TTo>(long v)
    {
        if (typeof(TTo) == typeof(sbyte)) return Box<sbyte, TTo>((sbyte)v);
        if (typeof(TTo) == typeof(byte)) return Box<byte, TTo>((byte)v);
        if (typeof(TTo) == typeof(short)) return Box<short, TTo>((short)v);
        if (typeof(TTo) == typeof(ushort)) return Box<ushort, TTo>((ushort)v);
        if (typeof(TTo) == typeof(int)) return Box<int, TTo>((int)v);
        if (typeof(TTo) == typeof(uint)) return Box<uint, TTo>((uint)v);
        if (typeof(TTo) == typeof(long)) return Box<long, TTo>(v);
        if (typeof(TTo) == typeof(ulong)) return Box<ulong, TTo>((ulong)v);
        if (typeof(TTo) == typeof(Half)) return Box<Half, TTo>(HalfBits.FromSingle((float)v));
        if (typeof(TTo) == typeof(float)) return Box<float, TTo>(v);
        if (typeof(TTo) == typeof(double)) return Box<double, TTo>(v);
        if (typeof(TTo) == typeof(LongDouble)) return Box<LongDouble, TTo>(v);
        if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>(new Complex64(v, 0f));
        if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>(new Complex(v, 0));
        if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(v, LongDouble.Zero));
        throw new NotSupportedException(typeof(TTo).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo FromUInt64<TTo>(ulong v)
    {
        if (typeof(TTo) == typeof(Half)) return Box<Half, TTo>(HalfBits.FromSingle((float)v));
        if (typeof(TTo) == typeof(float)) return Box<float, TTo>(v);
        if (typeof(TTo) == typeof(double)) return Box<double, TTo>(v);
        if (typeof(TTo) == typeof(LongDouble)) return Box<LongDouble, TTo>(v);
        if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>(new Complex64(v, 0f));
        if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>(new Complex(v, 0));
        if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(v, LongDouble.Zero));
        // Integer targets keep the low bits, whatever the signedness.
        return FromInt64<TTo>((long)v);
    }

    // float16 widens to float64 directly: through float32, the widening instruction would quiet a signalling NaN.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo FromHalf<TTo>(Half v)
    {
        if (typeof(TTo) == typeof(double)) return Box<double, TTo>(HalfBits.ToDouble(v));
        if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>(new Complex(HalfBits.ToDouble(v), 0));
        return FromSingle<TTo>(HalfBits.ToSingle(v));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo FromSingle<TTo>(float v)
    {
        if (typeof(TTo) == typeof(Half)) return Box<Half, TTo>(HalfBits.FromSingle(v));
        if (typeof(TTo) == typeof(float)) return Box<float, TTo>(v);
        if (typeof(TTo) == typeof(LongDouble)) return Box<LongDouble, TTo>(v);
        if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>(new Complex64(v, 0f));
        if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(v, LongDouble.Zero));
        // float widens to double exactly, and its integer conversions give the same results from there.
        return FromDouble<TTo>(v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo FromDouble<TTo>(double v)
    {
        if (typeof(TTo) == typeof(sbyte)) return Box<sbyte, TTo>((sbyte)X86Truncation.ToInt32(v));
        if (typeof(TTo) == typeof(byte)) return Box<byte, TTo>((byte)X86Truncation.ToInt32(v));
        if (typeof(TTo) == typeof(short)) return Box<short, TTo>((short)X86Truncation.ToInt32(v));
        if (typeof(TTo) == typeof(ushort)) return Box<ushort, TTo>((ushort)X86Truncation.ToInt32(v));
        if (typeof(TTo) == typeof(int)) return Box<int, TTo>(X86Truncation.ToInt32(v));
        if (typeof(TTo) == typeof(uint)) return Box<uint, TTo>(X86Truncation.ToUInt32(v));
        if (typeof(TTo) == typeof(long)) return Box<long, TTo>(X86Truncation.ToInt64(v));
        if (typeof(TTo) == typeof(ulong)) return Box<ulong, TTo>(X86Truncation.ToUInt64(v));
        if (typeof(TTo) == typeof(Half)) return Box<Half, TTo>(HalfBits.FromDouble(v));
        if (typeof(TTo) == typeof(float)) return Box<float, TTo>((float)v);
        if (typeof(TTo) == typeof(double)) return Box<double, TTo>(v);
        if (typeof(TTo) == typeof(LongDouble)) return Box<LongDouble, TTo>(v);
        if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>(new Complex64((float)v, 0f));
        if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>(new Complex(v, 0));
        if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(v, LongDouble.Zero));
        throw new NotSupportedException(typeof(TTo).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TTo FromLongDouble<TTo>(LongDouble v)
    {
        if (typeof(TTo) == typeof(sbyte)) return Box<sbyte, TTo>((sbyte)v);
        if (typeof(TTo) == typeof(byte)) return Box<byte, TTo>((byte)v);
        if (typeof(TTo) == typeof(short)) return Box<short, TTo>((short)v);
        if (typeof(TTo) == typeof(ushort)) return Box<ushort, TTo>((ushort)v);
        if (typeof(TTo) == typeof(int)) return Box<int, TTo>((int)v);
        if (typeof(TTo) == typeof(uint)) return Box<uint, TTo>((uint)v);
        if (typeof(TTo) == typeof(long)) return Box<long, TTo>((long)v);
        if (typeof(TTo) == typeof(ulong)) return Box<ulong, TTo>((ulong)v);
        if (typeof(TTo) == typeof(Half)) return Box<Half, TTo>((Half)v);
        if (typeof(TTo) == typeof(float)) return Box<float, TTo>((float)v);
        if (typeof(TTo) == typeof(double)) return Box<double, TTo>((double)v);
        if (typeof(TTo) == typeof(LongDouble)) return Box<LongDouble, TTo>(v);
        if (typeof(TTo) == typeof(Complex64)) return Box<Complex64, TTo>(new Complex64((float)v, 0f));
        if (typeof(TTo) == typeof(Complex)) return Box<Complex, TTo>(new Complex((double)v, 0));
        if (typeof(TTo) == typeof(Complex256)) return Box<Complex256, TTo>(new Complex256(v, LongDouble.Zero));
        throw new NotSupportedException(typeof(TTo).Name);
    }
}
