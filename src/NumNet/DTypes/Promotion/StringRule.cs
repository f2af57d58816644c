namespace NumNet.DTypes.Promotion;

/// <summary>
/// <c>S</c> and <c>U</c>: a string class absorbs bool and the numbers (as their <c>str()</c>), and <c>U</c> absorbs
/// <c>S</c>; the common instance is the longer string.
/// </summary>
internal sealed class StringRule(int typeNumber) : PromotionRule(typeNumber)
{
    /// <inheritdoc/>
    public override bool IsParametric => true;

    /// <inheritdoc/>
    public override DTypeClass? CommonClass(DTypeClass self, DTypeClass other) =>
        NumericTraits.IsNumeric(other.Code) || (self.Code == DTypeCode.Unicode && other.Code == DTypeCode.Bytes) ? self : null;

    /// <inheritdoc/>
    public override DType Adapt(DType from, DTypeClass self)
    {
        if (from.Family == self)
            return from;
        int length = from.Family.Text.Width(from)
            ?? throw new InvalidOperationException($"{from.Repr()} reached string promotion without a text width");
        return DTypeRegistry.Get(self.Code).WithLength(length);
    }

    /// <inheritdoc/>
    public override DType CommonInstance(DType a, DType b) => (a.ItemSize >= b.ItemSize ? a : b).AsNative();
}

/// <summary>
/// datetime64 and timedelta64: a datetime absorbs a timedelta, a timedelta the integers that fit its count; the
/// common instance takes the finer common unit.
/// </summary>
internal sealed class TimeRule(int typeNumber) : BuiltinRule(typeNumber)
{
    /// <inheritdoc/>
    public override bool IsParametric => true;

    /// <inheritdoc/>
    public override DTypeClass? CommonClass(DTypeClass self, DTypeClass other) =>
        self.Code == DTypeCode.DateTime64 && other.Code == DTypeCode.TimeDelta64 ? self : base.CommonClass(self, other);

    /// <inheritdoc/>
    public override DType Adapt(DType from, DTypeClass self) =>
        DTypeParser.DateTimeDType(self.Code, from.DateTimeMeta ?? DateTimeMetadata.Generic);

    /// <inheritdoc/>
    public override DType CommonInstance(DType a, DType b)
    {
        bool deltas = a.Code == DTypeCode.TimeDelta64;
        try
        {
            return DTypeParser.DateTimeDType(a.Code, DateTimeMetadata.Promote(a.DateTimeMeta!.Value, b.DateTimeMeta!.Value, deltas));
        }
        catch (InvalidCastException e)
        {
            throw new InvalidCastException($"The DTypes {a.Repr()} and {b.Repr()} do not have a common DType: {e.Message}", e);
        }
    }
}
