namespace NumNet.DTypes.Promotion;

/// <summary>
/// NumPy's default <c>common_dtype</c> of its built-in classes (bool, the numbers, void): the class with the larger
/// type number decides, and it promotes by NumPy's promotion table, the smallest number both cast to safely.
/// </summary>
internal class BuiltinRule(int typeNumber) : PromotionRule(typeNumber)
{
    /// <inheritdoc/>
    public override DTypeClass? CommonClass(DTypeClass self, DTypeClass other) =>
        other.Promotion.TypeNumber > TypeNumber ? null : Table(self, other);

    /// <summary>
    /// A Python number lifts the kind only: complex meets complex (a float becomes the complex of its precision), float
    /// meets the floats and complex, int meets every number but bool, and a timedelta's count; bool knows none of them.
    /// </summary>
    public override DTypeClass? CommonClass(DTypeClass self, WeakNumber weak)
    {
        var c = self.Code;
        if (!NumericTraits.IsNumeric(c))
            return weak == WeakNumber.Int && c == DTypeCode.TimeDelta64 ? self : null;
        var kind = NumericTraits.KindOf(c);
        return weak switch
        {
            WeakNumber.Int => kind == NumericTraits.NumKind.Bool ? null : self,
            WeakNumber.Float => kind >= NumericTraits.NumKind.Float ? self : null,
            WeakNumber.Complex => kind == NumericTraits.NumKind.Complex ? self
                : kind == NumericTraits.NumKind.Float ? ComplexPartner(c) : null,
            _ => throw new ArgumentOutOfRangeException(nameof(weak)),
        };
    }

    // The complex class whose parts hold this float: float16 and float32 give complex64.
    private static DTypeClass ComplexPartner(DTypeCode floatCode)
    {
        foreach (var c in NumericTraits.PromotionOrder)
        {
            if (NumericTraits.IsComplex(c) && NumericTraits.IsSafe(floatCode, c))
                return DTypeRegistry.Families[(int)c];
        }
        throw new InvalidOperationException($"no complex class holds {floatCode}");
    }

    /// <summary>
    /// NumPy's promotion table between two built-in classes: the smallest number both reach safely; a timedelta with
    /// the integers that fit its int64 count; object with anything; nothing otherwise.
    /// </summary>
    protected static DTypeClass? Table(DTypeClass a, DTypeClass b)
    {
        // The table's object row and column: a datetime or float16 asked about object (a smaller type number) answers
        // object, so in a sequence it stays the main class and can still refuse a third operand.
        if (a.Code == DTypeCode.Object)
            return a;
        if (b.Code == DTypeCode.Object)
            return b;
        if (NumericTraits.IsNumeric(a.Code) && NumericTraits.IsNumeric(b.Code))
            return DTypeRegistry.Families[(int)NumericTraits.SmallestSafe(a.Code, b.Code)];
        if (a.Code == DTypeCode.TimeDelta64 && IsCount(b.Code))
            return a;
        if (b.Code == DTypeCode.TimeDelta64 && IsCount(a.Code))
            return b;
        return null;
    }

    // Booleans and integers that cast safely to int64 count timedelta units.
    private static bool IsCount(DTypeCode c) =>
        NumericTraits.IsNumeric(c) && (c == DTypeCode.Bool || NumericTraits.IsInteger(c)) && NumericTraits.IsSafe(c, DTypeCode.Int64);
}

/// <summary><c>object</c> holds everything: it is the common class of any pair it is in.</summary>
internal sealed class ObjectRule(int typeNumber) : PromotionRule(typeNumber)
{
    /// <inheritdoc/>
    public override DTypeClass? CommonClass(DTypeClass self, DTypeClass other) => self;

    /// <inheritdoc/>
    public override DTypeClass? CommonClass(DTypeClass self, WeakNumber weak) => self;
}

/// <summary>
/// Unstructured void: only itself, and only at one size (NumPy asks for <c>S</c> to pad bytes of different lengths).
/// </summary>
internal sealed class VoidRule(int typeNumber) : BuiltinRule(typeNumber)
{
    /// <inheritdoc/>
    public override bool IsParametric => true;

    /// <inheritdoc/>
    public override DType Adapt(DType from, DTypeClass self) => from;

    /// <inheritdoc/>
    public override DType CommonInstance(DType a, DType b) =>
        a.ItemSize == b.ItemSize
            ? a
            : throw new InvalidCastException(
                $"Invalid type promotion with void datatypes of different lengths ({a.Repr()} and {b.Repr()}); use the bytes dtype 'S' to pad the shorter value with trailing zero bytes.");
}
