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
    /// NumPy's promotion table between two built-in classes: the smallest number both reach safely; a timedelta with
    /// the integers that fit its int64 count; nothing otherwise.
    /// </summary>
    protected static DTypeClass? Table(DTypeClass a, DTypeClass b)
    {
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
