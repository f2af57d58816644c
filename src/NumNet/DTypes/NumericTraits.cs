namespace NumNet.DTypes;

/// <summary>
/// What the cast and promotion rules need to know about each numeric family (bool, the integers, the floats, the
/// complex types), in one table built once: NumPy's kind order and the width of the value range.
/// </summary>
internal static class NumericTraits
{
    /// <summary>Kind order for "same_kind": bool, unsigned, signed, float, complex.</summary>
    internal enum NumKind : byte { Bool, Unsigned, Signed, Float, Complex }

    private readonly record struct Traits(NumKind Kind, int Bytes);

    private static readonly Traits?[] Table = Build();

    /// <summary>The numeric families in NumPy's promotion order: the first that both operands cast to safely wins.</summary>
    public static readonly DTypeCode[] PromotionOrder =
    [
        DTypeCode.Bool, DTypeCode.Int8, DTypeCode.UInt8, DTypeCode.Int16, DTypeCode.UInt16, DTypeCode.Int32,
        DTypeCode.UInt32, DTypeCode.Int64, DTypeCode.UInt64, DTypeCode.Float16, DTypeCode.Float32, DTypeCode.Float64,
        DTypeCode.Float128, DTypeCode.Complex64, DTypeCode.Complex128, DTypeCode.Complex256,
    ];

    private static Traits?[] Build()
    {
        var t = new Traits?[Enum.GetValues<DTypeCode>().Length];
        void Set(DTypeCode c, NumKind k, int bytes) => t[(int)c] = new Traits(k, bytes);
        Set(DTypeCode.Bool, NumKind.Bool, 1);
        Set(DTypeCode.Int8, NumKind.Signed, 1);
        Set(DTypeCode.UInt8, NumKind.Unsigned, 1);
        Set(DTypeCode.Int16, NumKind.Signed, 2);
        Set(DTypeCode.UInt16, NumKind.Unsigned, 2);
        Set(DTypeCode.Int32, NumKind.Signed, 4);
        Set(DTypeCode.UInt32, NumKind.Unsigned, 4);
        Set(DTypeCode.Int64, NumKind.Signed, 8);
        Set(DTypeCode.UInt64, NumKind.Unsigned, 8);
        Set(DTypeCode.Float16, NumKind.Float, 2);
        Set(DTypeCode.Float32, NumKind.Float, 4);
        Set(DTypeCode.Float64, NumKind.Float, 8);
        Set(DTypeCode.Float128, NumKind.Float, 16);
        Set(DTypeCode.Complex64, NumKind.Complex, 4);
        Set(DTypeCode.Complex128, NumKind.Complex, 8);
        Set(DTypeCode.Complex256, NumKind.Complex, 16);
        return t;
    }

    /// <summary>True for bool, integers, floats and complex types.</summary>
    public static bool IsNumeric(DTypeCode code) => Row(code) is not null;

    // A registered class's code is past the built-in families and is no number.
    private static Traits? Row(DTypeCode code) => (uint)code < (uint)Table.Length ? Table[(int)code] : null;

    /// <summary>The kind of a numeric family.</summary>
    public static NumKind KindOf(DTypeCode code) => Table[(int)code]!.Value.Kind;

    /// <summary>The first family of <see cref="PromotionOrder"/> both reach safely (NumPy's promotion table for numbers).</summary>
    public static DTypeCode SmallestSafe(DTypeCode a, DTypeCode b)
    {
        foreach (var c in PromotionOrder)
        {
            if (IsSafe(a, c) && IsSafe(b, c))
                return c;
        }
        throw new InvalidOperationException("the numeric promotion order ends with a type every number reaches");
    }

    /// <summary>True for the integer families.</summary>
    public static bool IsInteger(DTypeCode code) => Row(code) is { Kind: NumKind.Signed or NumKind.Unsigned };

    /// <summary>True for the complex families.</summary>
    public static bool IsComplex(DTypeCode code) => Row(code) is { Kind: NumKind.Complex };

    /// <summary>
    /// NumPy's "safe" relation between numeric families: every value of <paramref name="from"/> is a value of
    /// <paramref name="to"/>, counting int64 and uint64 in float64 as NumPy does.
    /// </summary>
    public static bool IsSafe(DTypeCode from, DTypeCode to)
    {
        var f = Table[(int)from]!.Value;
        var t = Table[(int)to]!.Value;
        if (from == to || f.Kind == NumKind.Bool)
            return true;
        switch (f.Kind, t.Kind)
        {
            case (NumKind.Unsigned, NumKind.Unsigned) or (NumKind.Signed, NumKind.Signed):
                return t.Bytes >= f.Bytes;
            case (NumKind.Unsigned, NumKind.Signed):
                return t.Bytes > f.Bytes;
            case (NumKind.Unsigned or NumKind.Signed, NumKind.Float or NumKind.Complex):
                // A float holds integers of half its width; float64 and wider are taken to hold them all.
                return t.Bytes >= 8 || f.Bytes * 2 <= t.Bytes;
            case (NumKind.Float, NumKind.Float or NumKind.Complex) or (NumKind.Complex, NumKind.Complex):
                return t.Bytes >= f.Bytes;
            default:
                return false;
        }
    }

    /// <summary>NumPy's "same_kind" relation: the kind does not go down the order bool, unsigned, signed, float, complex.</summary>
    public static bool IsSameKind(DTypeCode from, DTypeCode to) => KindOf(from) <= KindOf(to);
}
