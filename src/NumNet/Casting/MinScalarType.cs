using System.Numerics;
using NumNet.DTypes;

namespace NumNet.Casting;

/// <summary><c>np.min_scalar_type</c> (value-based) and <c>np.common_type</c> (by dtype).</summary>
internal static class MinScalarType
{
    private static readonly DTypeCode[] Unsigned = [DTypeCode.UInt8, DTypeCode.UInt16, DTypeCode.UInt32, DTypeCode.UInt64];
    private static readonly DTypeCode[] Signed = [DTypeCode.Int8, DTypeCode.Int16, DTypeCode.Int32, DTypeCode.Int64];

    public static DType Of(object? value)
    {
        switch (value)
        {
            case NDArray { NDim: > 0 } a:
                return a.DType;
            case NDArray a:
                return NumericTraits.IsNumeric(a.DType.Code) ? Of(a.Item()) : a.DType;
            case bool:
                return np.bool_;
            case PythonScalar p:
                return Of(p.ToObject());
            case Half or float or double:
                return ForFloat(ScalarCoercion.ToDouble(value));
            case LongDouble l:
                return LongDouble.IsFinite(l) && LongDouble.Abs(l) > (LongDouble)double.MaxValue ? np.float128 : ForFloat((double)l);
            case Complex c:
                return FitsSingle(c.Real) && FitsSingle(c.Imaginary) ? np.complex64 : np.complex128;
            case Complex64:
                return np.complex64;
            case Complex256 c:
                return FitsSingle((double)c.Real) && FitsSingle((double)c.Imaginary) ? np.complex64 : np.complex256;
        }
        if (ScalarCoercion.IsInteger(value))
            return ForInteger(ScalarCoercion.ToBig(value));
        return ResultType.StrongDType(value);
    }

    private static DType ForInteger(BigInteger v)
    {
        foreach (var code in v.Sign >= 0 ? Unsigned : Signed)
        {
            var d = DTypeRegistry.Get(code);
            var (min, max) = Range(d.ItemSize, signed: v.Sign < 0);
            if (v >= min && v <= max)
                return d;
        }
        return np.object_;
    }

    private static (BigInteger Min, BigInteger Max) Range(int bytes, bool signed)
    {
        var span = BigInteger.One << (bytes * 8);
        return signed ? (-(span >> 1), (span >> 1) - 1) : (0, span - 1);
    }

    private static DType ForFloat(double x)
    {
        double abs = Math.Abs(x);
        if (!double.IsFinite(x) || abs <= (double)Half.MaxValue)
            return np.float16;
        return abs <= float.MaxValue ? np.float32 : np.float64;
    }

    private static bool FitsSingle(double x) => !double.IsFinite(x) || Math.Abs(x) <= float.MaxValue;

    public static DType CommonType(NDArray[] arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        DTypeCode precision = DTypeCode.Float16;
        bool complex = false;
        foreach (var a in arrays)
        {
            var code = a.DType.Code;
            if (!NumericTraits.IsNumeric(code) || code == DTypeCode.Bool)
                throw new ArgumentException($"can't get common type for non-numeric array of dtype {a.DType}", nameof(arrays));
            DTypeCode p = NumericTraits.IsInteger(code) ? DTypeCode.Float64 : RealPart(code);
            complex |= NumericTraits.IsComplex(code);
            if (p > precision)
                precision = p;
        }
        if (!complex)
            return DTypeRegistry.Get(precision);
        return precision switch
        {
            DTypeCode.Float128 => np.complex256,
            DTypeCode.Float64 => np.complex128,
            _ => np.complex64,
        };
    }

    private static DTypeCode RealPart(DTypeCode code) => code switch
    {
        DTypeCode.Complex64 => DTypeCode.Float32,
        DTypeCode.Complex128 => DTypeCode.Float64,
        DTypeCode.Complex256 => DTypeCode.Float128,
        _ => code,
    };
}
