namespace NumNet.DTypes.Promotion;

/// <summary>
/// NumPy's abstract DTypes of Python's <c>int</c>, <c>float</c> and <c>complex</c> (NEP 50's "weak" scalars): they
/// take part in <c>np.result_type</c>'s sequence promotion like a class, but bring no descriptor, so they lift the
/// kind of the result without widening it. The order is the order of their knowledge: a float knows an int, a complex
/// knows both.
/// </summary>
internal enum WeakNumber
{
    /// <summary>A Python <c>int</c> (NumPy's <c>_PyLongDType</c>).</summary>
    Int,

    /// <summary>A Python <c>float</c> (NumPy's <c>_PyFloatDType</c>).</summary>
    Float,

    /// <summary>A Python <c>complex</c> (NumPy's <c>_PyComplexDType</c>).</summary>
    Complex,
}

/// <summary>One operand of <see cref="DTypePromotion.ResultType"/>: a descriptor, or a weak Python number.</summary>
internal readonly struct PromotionOperand
{
    private PromotionOperand(DType? descriptor, WeakNumber weak)
    {
        Descriptor = descriptor;
        Weak = weak;
    }

    /// <summary>The operand's descriptor; null for a weak Python number.</summary>
    public DType? Descriptor { get; }

    /// <summary>Which Python number the operand is, when <see cref="Descriptor"/> is null.</summary>
    public WeakNumber Weak { get; }

    /// <summary>A dtype, an array or a NumPy scalar: it counts with its descriptor.</summary>
    public static PromotionOperand Of(DType descriptor) => new(descriptor, default);

    /// <summary>A Python number: only its kind counts.</summary>
    public static PromotionOperand Python(WeakNumber kind) => new(null, kind);
}
