using NumNet.Casting;
using NumNet.DTypes.Promotion;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// <c>np.can_cast(from, to, casting)</c>: whether a cast from <paramref name="from"/> to <paramref name="to"/> is
    /// allowed under <paramref name="casting"/>, with NumPy 2's rules for every pair of dtypes (int64 to float64 and to
    /// U21 are safe, <c>&lt;i4</c> to <c>&gt;i4</c> is equiv, float64 to int64 is unsafe).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="casting"/> is not a casting rule.</exception>
    public static bool can_cast(DType from, DType to, CastingLike? casting = null)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return CastSafety.Allows(casting?.Rule ?? CastingRule.Safe, from, to);
    }

    /// <summary>
    /// <c>np.can_cast</c> for any operand: a <see cref="DType"/>, an <see cref="NDArray"/> (by its dtype only: NumPy 2
    /// no longer looks at values) or a dtype string. Python and .NET scalars are refused as NumPy 2 refuses Python
    /// scalars, since the answer used to depend on the value. (One overload for every operand, so that a .NET number
    /// is never turned into a 0-d array by <see cref="NDArray"/>'s implicit conversions and answered by its dtype.)
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="from"/> is a scalar, or <paramref name="casting"/> is not a rule.</exception>
    public static bool can_cast(object from, DType to, CastingLike? casting = null) => from switch
    {
        DType d => can_cast(d, to, casting),
        NDArray a => can_cast(a.DType, to, casting),
        string s => can_cast(dtype(s), to, casting),
        _ => throw new ArgumentException(
            $"can_cast() does not support scalars such as {from?.GetType().Name ?? "null"}, because the result used to depend on the value; pass a dtype or an array",
            nameof(from)),
    };

    /// <summary>
    /// <c>np.promote_types(a, b)</c>: the smallest dtype both cast to safely, in native byte order (int8 and uint8 give
    /// int16, int64 and uint64 give float64, S3 and int64 give S21).
    /// </summary>
    /// <exception cref="InvalidCastException">The two have no common dtype (NumPy's DTypePromotionError).</exception>
    public static DType promote_types(DType a, DType b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return DTypePromotion.Promote(a, b);
    }

    /// <summary>
    /// <c>np.result_type(*operands)</c> with NumPy 2's NEP 50 rules. Operands are dtypes (or dtype strings), arrays (by
    /// dtype, 0-d ones too), .NET scalars (by their dtype: <c>int</c> is int32, <c>double</c> float64, as NumPy
    /// scalars) and Python numbers, which are weak: <see cref="PythonScalar"/> and <see cref="System.Numerics.BigInteger"/>.
    /// A weak number keeps the other operands' precision and only lifts the kind: int8 with a Python int is int8,
    /// float32 with a Python float is float32, uint32 with a Python float is float64.
    /// </summary>
    /// <exception cref="ArgumentException">No operands, or an operand that is neither.</exception>
    /// <exception cref="InvalidCastException">The operands have no common dtype (NumPy's DTypePromotionError).</exception>
    public static DType result_type(params object?[] operands) => ResultType.Of(operands);

    /// <summary>
    /// <c>np.min_scalar_type(a)</c>: the smallest dtype that holds the value: unsigned for non-negative integers,
    /// float16 for floats within its range, complex64 for complex values within float32's. Arrays with dimensions give
    /// their dtype; a 0-d array is judged by its value.
    /// </summary>
    public static DType min_scalar_type(object? a) => MinScalarType.Of(a);

    /// <summary>
    /// <c>np.common_type(*arrays)</c>: the float or complex dtype that holds all the arrays' values: integers count as
    /// float64, float16 stays float16, any complex input makes the result complex.
    /// </summary>
    /// <exception cref="ArgumentException">An array is not numeric (bool, strings, object, datetimes).</exception>
    public static DType common_type(params NDArray[] arrays) => MinScalarType.CommonType(arrays);
}
