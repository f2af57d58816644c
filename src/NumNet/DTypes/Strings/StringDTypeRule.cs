using NumNet.DTypes.Promotion;

namespace NumNet.DTypes.Strings;

/// <summary>
/// StringDType's promotion slots (NumPy's <c>stringdtype/dtype.c</c>): its <c>common_dtype</c> knows only <c>U</c>,
/// which promotes to it; with everything else (numbers, <c>S</c>, datetimes) there is no common dtype unless the other
/// class knows one (object does). The common instance joins the missing values (a sentinel wins over none; two
/// different sentinels are an error) and coerces only when both do.
/// </summary>
internal sealed class StringDTypeRule() : PromotionRule((int)StringDTypeClass.TypeNumber)
{
    /// <inheritdoc/>
    public override bool IsParametric => true;

    /// <inheritdoc/>
    public override DTypeClass? CommonClass(DTypeClass self, DTypeClass other) => other.Code == DTypeCode.Unicode ? self : null;

    /// <inheritdoc/>
    /// <remarks>A <c>U</c> operand becomes the default <c>StringDType()</c>, as the cast from <c>U</c> resolves it.</remarks>
    public override DType Adapt(DType from, DTypeClass self) => from.Family == self ? from : StringDTypeClass.Instance.Default;

    /// <inheritdoc/>
    public override DType CommonInstance(DType a, DType b)
    {
        var pa = StringDTypeClass.Of(a);
        var pb = StringDTypeClass.Of(b);
        if (pa.HasNA && pb.HasNA && !StringParameters.SameNA(pa.NAObject, pb.NAObject))
            throw new InvalidCastException($"Cannot find common instance for incompatible dtypes '{a.Repr()}' and '{b.Repr()}'");
        var na = pa.HasNA ? pa : pb;
        return StringDTypeClass.Instance.Descriptor(na.HasNA, na.NAObject, pa.Coerce && pb.Coerce);
    }
}
