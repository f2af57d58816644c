using System.Numerics;
using NumNet.DTypes.Text.Digits;

namespace NumNet.DTypes.Text;

/// <summary>
/// What float printing needs from one floating-point type. Comparisons and division run in the type's own
/// arithmetic, as NumPy 2 compares a float32 array's values with a Python float converted to float32.
/// </summary>
internal interface IFloatOps<T> where T : unmanaged
{
    /// <summary>Decimal digits the type carries (NumPy's <c>finfo(T).precision</c>).</summary>
    static abstract int DecimalPrecision { get; }

    static abstract bool IsFinite(T x);
    static abstract bool IsNaN(T x);
    static abstract bool IsSignBitSet(T x);
    static abstract bool IsZero(T x);
    static abstract T Abs(T x);
    static abstract bool Less(T a, T b);
    static abstract T Divide(T a, T b);
    static abstract T FromDouble(double x);
    static abstract BinaryFloat Decompose(T x);
}

internal readonly struct HalfOps : IFloatOps<Half>
{
    public static int DecimalPrecision => 3;
    public static bool IsFinite(Half x) => Half.IsFinite(x);
    public static bool IsNaN(Half x) => Half.IsNaN(x);
    public static bool IsSignBitSet(Half x) => Half.IsNegative(x);
    public static bool IsZero(Half x) => x == Half.Zero;
    public static Half Abs(Half x) => Half.Abs(x);
    public static bool Less(Half a, Half b) => a < b;
    public static Half Divide(Half a, Half b) => (Half)((float)a / (float)b);
    public static Half FromDouble(double x) => (Half)x;
    public static BinaryFloat Decompose(Half x) => BinaryFloat.FromHalf(x);
}

internal readonly struct SingleOps : IFloatOps<float>
{
    public static int DecimalPrecision => 6;
    public static bool IsFinite(float x) => float.IsFinite(x);
    public static bool IsNaN(float x) => float.IsNaN(x);
    public static bool IsSignBitSet(float x) => float.IsNegative(x);
    public static bool IsZero(float x) => x == 0f;
    public static float Abs(float x) => MathF.Abs(x);
    public static bool Less(float a, float b) => a < b;
    public static float Divide(float a, float b) => a / b;
    public static float FromDouble(double x) => (float)x;
    public static BinaryFloat Decompose(float x) => BinaryFloat.FromSingle(x);
}

internal readonly struct DoubleOps : IFloatOps<double>
{
    public static int DecimalPrecision => 15;
    public static bool IsFinite(double x) => double.IsFinite(x);
    public static bool IsNaN(double x) => double.IsNaN(x);
    public static bool IsSignBitSet(double x) => double.IsNegative(x);
    public static bool IsZero(double x) => x == 0d;
    public static double Abs(double x) => Math.Abs(x);
    public static bool Less(double a, double b) => a < b;
    public static double Divide(double a, double b) => a / b;
    public static double FromDouble(double x) => x;
    public static BinaryFloat Decompose(double x) => BinaryFloat.FromDouble(x);
}

internal readonly struct LongDoubleOps : IFloatOps<LongDouble>
{
    public static int DecimalPrecision => 18;
    public static bool IsFinite(LongDouble x) => LongDouble.IsFinite(x);
    public static bool IsNaN(LongDouble x) => LongDouble.IsNaN(x);
    public static bool IsSignBitSet(LongDouble x) => LongDouble.IsNegative(x);
    public static bool IsZero(LongDouble x) => LongDouble.IsZero(x);
    public static LongDouble Abs(LongDouble x) => LongDouble.Abs(x);
    public static bool Less(LongDouble a, LongDouble b) => a < b;
    public static LongDouble Divide(LongDouble a, LongDouble b) => a / b;
    public static LongDouble FromDouble(double x) => x;
    public static BinaryFloat Decompose(LongDouble x) => BinaryFloat.FromX87Extended(x.SignExponent, x.Significand);
}

/// <summary>Splits a complex type into its two floating-point parts.</summary>
internal interface IComplexOps<TComplex, TPart> where TComplex : unmanaged where TPart : unmanaged
{
    static abstract TPart Real(TComplex z);
    static abstract TPart Imaginary(TComplex z);
}

internal readonly struct Complex64Ops : IComplexOps<Complex64, float>
{
    public static float Real(Complex64 z) => z.Real;
    public static float Imaginary(Complex64 z) => z.Imaginary;
}

internal readonly struct Complex128Ops : IComplexOps<Complex, double>
{
    public static double Real(Complex z) => z.Real;
    public static double Imaginary(Complex z) => z.Imaginary;
}

internal readonly struct Complex256Ops : IComplexOps<Complex256, LongDouble>
{
    public static LongDouble Real(Complex256 z) => z.Real;
    public static LongDouble Imaginary(Complex256 z) => z.Imaginary;
}
