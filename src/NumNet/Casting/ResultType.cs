using System.Numerics;
using System.Runtime.InteropServices;
using NumNet.DTypes;
using NumNet.DTypes.Promotion;

namespace NumNet.Casting;

/// <summary>
/// NumPy 2's <c>result_type</c> with NEP 50: dtypes, arrays (0-d ones too) and NumPy scalars count by dtype; Python
/// numbers (<see cref="PythonScalar"/>, <see cref="BigInteger"/>) are weak and only lift the kind.
/// </summary>
internal static class ResultType
{
    public static DType Of(ReadOnlySpan<object?> operands)
    {
        if (operands.Length == 0)
            throw new ArgumentException("at least one array or dtype is required", nameof(operands));
        var strongs = new List<DType>(operands.Length);
        PythonScalarKind? weak = null;
        BigInteger? loneInt = null;
        foreach (var op in operands)
        {
            if (TryWeak(op, out var kind, out var integer))
            {
                weak = weak is { } w && w > kind ? w : kind;
                loneInt = kind == PythonScalarKind.Int ? integer : loneInt;
                continue;
            }
            strongs.Add(StrongDType(op));
        }
        // The dtypes promote all at once, as NumPy's sequence promotion does (not pair by pair).
        DType? strong = strongs.Count == 0 ? null : DTypePromotion.PromoteAll(CollectionsMarshal.AsSpan(strongs));
        if (weak is null)
            return strong!;
        if (strong is null)
            return DefaultFor(weak.Value, loneInt);
        return WithWeak(strong, weak.Value);
    }

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
        string s => np.dtype(s),
        Type t => np.dtype(t),
        null => throw new ArgumentException("None is not a dtype or an array", nameof(op)),
        Bytes b => np.bytes_.WithLength(b.Length),
        DateTime64 dt => DTypeParser.DateTimeDType(DTypeCode.DateTime64, dt.Unit),
        TimeDelta64 td => DTypeParser.DateTimeDType(DTypeCode.TimeDelta64, td.Unit),
        _ => np.dtype(op.GetType()),
    };

    // Python numbers alone take NumPy's default types; an int too large for int64 and uint64 becomes object.
    private static DType DefaultFor(PythonScalarKind kind, BigInteger? integer) => kind switch
    {
        PythonScalarKind.Int when integer is { } i && (i < long.MinValue || i > ulong.MaxValue) => np.object_,
        PythonScalarKind.Int when integer is { } i && i > long.MaxValue => np.uint64,
        PythonScalarKind.Int => np.int64,
        PythonScalarKind.Float => np.float64,
        _ => np.complex128,
    };

    private static DType WithWeak(DType strong, PythonScalarKind weak)
    {
        DTypeCode c = strong.Code;
        if (c == DTypeCode.Object)
            return strong;
        if (!NumericTraits.IsNumeric(c))
        {
            // A timedelta counts in integers; nothing else takes a Python number.
            if (c == DTypeCode.TimeDelta64 && weak == PythonScalarKind.Int)
                return strong;
            throw new InvalidCastException(
                $"The DType of a Python {weak.ToString().ToLowerInvariant()} could not be promoted by {strong.Repr()}: there is no common DType");
        }
        var kind = NumericTraits.KindOf(c);
        return weak switch
        {
            PythonScalarKind.Int => kind == NumericTraits.NumKind.Bool ? np.int64 : strong,
            PythonScalarKind.Float => kind >= NumericTraits.NumKind.Float ? strong : np.float64,
            _ => kind == NumericTraits.NumKind.Complex ? strong
                : kind == NumericTraits.NumKind.Float ? ComplexOf(c) : np.complex128,
        };
    }

    // The complex type whose parts are at least this float (float16 has no complex partner, so complex64).
    private static DType ComplexOf(DTypeCode floatCode)
    {
        foreach (var c in NumericTraits.PromotionOrder)
        {
            if (NumericTraits.IsComplex(c) && NumericTraits.IsSafe(floatCode, c))
                return DTypeRegistry.Get(c);
        }
        return np.complex256;
    }
}
