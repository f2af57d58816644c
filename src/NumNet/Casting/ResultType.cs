using System.Numerics;
using NumNet.DTypes;
using NumNet.DTypes.Promotion;

namespace NumNet.Casting;

/// <summary>
/// NumPy 2's <c>result_type</c> with NEP 50: dtypes, arrays (0-d ones too) and NumPy scalars count by dtype; Python
/// numbers (<see cref="PythonScalar"/>, <see cref="BigInteger"/>) are weak: they take part in the promotion as NumPy's
/// abstract classes and only lift the kind.
/// </summary>
internal static class ResultType
{
    public static DType Of(ReadOnlySpan<object?> operands)
    {
        if (operands.Length == 0)
            throw new ArgumentException("at least one array or dtype is required", nameof(operands));
        // One operand is not promoted: it is the dtype of its array (a lone Python int as large as NumPy makes it).
        if (operands.Length == 1)
            return TryWeak(operands[0], out var kind, out var integer) ? DefaultFor(kind, integer) : StrongDType(operands[0]).AsNative();
        // NumPy's result_type lists the dtypes before the arrays and scalars; the order decides which class leads.
        var ordered = new PromotionOperand[operands.Length];
        int next = 0;
        foreach (var op in operands)
        {
            if (IsDTypeLike(op))
                ordered[next++] = PromotionOperand.Of(StrongDType(op));
        }
        foreach (var op in operands)
        {
            if (IsDTypeLike(op))
                continue;
            ordered[next++] = TryWeak(op, out var kind, out _) ? PromotionOperand.Python(AsWeak(kind)) : PromotionOperand.Of(StrongDType(op));
        }
        return DTypePromotion.ResultType(ordered);
    }

    // What NumPy's result_type reads as a dtype rather than as an array or scalar.
    private static bool IsDTypeLike(object? op) => op is DType or string or Type;

    private static WeakNumber AsWeak(PythonScalarKind kind) => kind switch
    {
        PythonScalarKind.Int => WeakNumber.Int,
        PythonScalarKind.Float => WeakNumber.Float,
        PythonScalarKind.Complex => WeakNumber.Complex,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static bool TryWeak(object? op, out PythonScalarKind kind, out BigInteger integer)
    {
        integer = default;
        switch (op)
        {
            case PythonScalar p:
                kind = p.Kind;
                integer = p.IntegerValue;
                return true;
            case BigInteger b:
                kind = PythonScalarKind.Int;
                integer = b;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>The dtype an operand counts with: its own for dtypes and arrays, the matching dtype for .NET scalars.</summary>
    public static DType StrongDType(object? op) => op switch
    {
        DType d => d,
        NDArray a => a.DType,
        NumPyScalar s => s.DType,
        string s => np.dtype(s),
        Type t => np.dtype(t),
        null => throw new ArgumentException("None is not a dtype or an array", nameof(op)),
        Bytes b => np.bytes_.WithLength(b.Length),
        DateTime64 dt => DTypeParser.DateTimeDType(DTypeCode.DateTime64, dt.Unit),
        TimeDelta64 td => DTypeParser.DateTimeDType(DTypeCode.TimeDelta64, td.Unit),
        _ => np.dtype(op.GetType()),
    };

    // A lone Python number is the dtype NumPy makes of it; an int too large for int64 and uint64 becomes object.
    private static DType DefaultFor(PythonScalarKind kind, BigInteger integer) => kind switch
    {
        PythonScalarKind.Int when integer < long.MinValue || integer > ulong.MaxValue => np.object_,
        PythonScalarKind.Int when integer > long.MaxValue => np.uint64,
        PythonScalarKind.Int => np.int64,
        PythonScalarKind.Float => np.float64,
        _ => np.complex128,
    };
}
