using NumNet.DTypes;

namespace NumNet.Casting;

/// <summary>
/// NumPy 2's <c>promote_types</c>: the smallest dtype both operands cast to safely, always in native byte order.
/// Numbers take the first family of <see cref="NumericTraits.PromotionOrder"/> both reach safely; strings grow to hold
/// either side; datetimes take the finer common unit; object absorbs everything.
/// </summary>
internal static class Promotion
{
    /// <summary>The promoted dtype.</summary>
    /// <exception cref="InvalidCastException">No common dtype exists (NumPy's DTypePromotionError).</exception>
    public static DType Promote(DType a, DType b)
    {
        DTypeCode ac = a.Code, bc = b.Code;
        if (ac == DTypeCode.Object || bc == DTypeCode.Object)
            return np.object_;
        if (NumericTraits.IsNumeric(ac) && NumericTraits.IsNumeric(bc))
            return PromoteNumeric(ac, bc);
        if (CastSafety.IsText(ac) || CastSafety.IsText(bc))
            return PromoteText(a, b);
        if (CastSafety.IsTime(ac) || CastSafety.IsTime(bc))
            return PromoteTime(a, b);
        if (ac == DTypeCode.Void && bc == DTypeCode.Void && a.ItemSize == b.ItemSize)
            return a.AsNative();
        throw NoCommon(a, b);
    }

    /// <summary>The first numeric family both reach safely.</summary>
    public static DType PromoteNumeric(DTypeCode a, DTypeCode b)
    {
        foreach (var c in NumericTraits.PromotionOrder)
        {
            if (NumericTraits.IsSafe(a, c) && NumericTraits.IsSafe(b, c))
                return DTypeRegistry.Get(c);
        }
        throw new InvalidOperationException("the numeric promotion order ends with a type every number reaches");
    }

    private static DType PromoteText(DType a, DType b)
    {
        bool aText = CastSafety.IsText(a.Code), bText = CastSafety.IsText(b.Code);
        // Numbers and bool join a string as their str(); times and raw bytes do not.
        if ((!aText && !NumericTraits.IsNumeric(a.Code)) || (!bText && !NumericTraits.IsNumeric(b.Code)))
            throw NoCommon(a, b);
        var family = a.Code == DTypeCode.Unicode || b.Code == DTypeCode.Unicode ? np.str_ : np.bytes_;
        int length = Math.Max(CastSafety.TextLengthFor(a), CastSafety.TextLengthFor(b));
        return family.WithLength(length);
    }

    private static DType PromoteTime(DType a, DType b)
    {
        DTypeCode ac = a.Code, bc = b.Code;
        if (CastSafety.IsTime(ac) && CastSafety.IsTime(bc))
        {
            // A datetime absorbs a timedelta; two timedeltas keep the stricter year/month rule.
            bool bothDeltas = ac == DTypeCode.TimeDelta64 && bc == DTypeCode.TimeDelta64;
            var unit = UnitPromotion(a, b, bothDeltas);
            var code = bothDeltas ? DTypeCode.TimeDelta64 : DTypeCode.DateTime64;
            return DTypeParser.DateTimeDType(code, unit);
        }
        // Integers and bool are counts of a timedelta's unit, as long as they fit int64.
        DType time = CastSafety.IsTime(ac) ? a : b;
        DType other = ReferenceEquals(time, a) ? b : a;
        if (time.Code == DTypeCode.TimeDelta64 && NumericTraits.IsNumeric(other.Code)
            && (other.Code == DTypeCode.Bool || NumericTraits.IsInteger(other.Code))
            && NumericTraits.IsSafe(other.Code, DTypeCode.Int64))
        {
            return time.AsNative();
        }
        throw NoCommon(a, b);
    }

    private static DateTimeMetadata UnitPromotion(DType a, DType b, bool bothDeltas)
    {
        try
        {
            return DateTimeMetadata.Promote(a.DateTimeMeta!.Value, b.DateTimeMeta!.Value, bothDeltas);
        }
        catch (InvalidCastException e)
        {
            throw new InvalidCastException($"The DTypes {a} and {b} do not have a common DType: {e.Message}", e);
        }
    }

    /// <summary>NumPy's DTypePromotionError, a TypeError about values that cannot be converted.</summary>
    public static InvalidCastException NoCommon(DType a, DType b) =>
        new($"The DType {a.Repr()} could not be promoted by {b.Repr()}: there is no common DType of the two");
}
