namespace NumNet.DTypes.Promotion;

/// <summary>
/// NumPy 2's promotion, the one implementation behind <c>np.asarray</c>'s discovery, <c>np.promote_types</c> and
/// <c>np.result_type</c>: first the common class of the operands' classes (their <see cref="PromotionRule"/> slots,
/// promoted as a sequence the way <c>PyArray_PromoteDTypeSequence</c> does), then, for a parametric class, the common
/// instance of the operands adapted to it. The result is always in native byte order.
/// </summary>
internal static class DTypePromotion
{
    /// <summary><c>np.promote_types(a, b)</c>; also what discovery calls for every leaf, so it allocates nothing.</summary>
    /// <exception cref="InvalidCastException">No common dtype exists (NumPy's DTypePromotionError).</exception>
    public static DType Promote(DType a, DType b)
    {
        // For two operands the sequence promotion is asking one class, then the other.
        var common = CommonClass(a.Family, b.Family) ?? throw NoCommon(b.Family, a.Family, [a, b]);
        var rule = common.Promotion;
        if (!rule.IsParametric)
            return DTypeRegistry.Get(common.Code);
        return rule.CommonInstance(rule.Adapt(a, common), rule.Adapt(b, common)).AsNative();
    }

    /// <summary>The common dtype of all <paramref name="dtypes"/> at once (the dtype part of <c>np.result_type</c>).</summary>
    /// <exception cref="ArgumentException">No dtypes.</exception>
    /// <exception cref="InvalidCastException">No common dtype exists (NumPy's DTypePromotionError).</exception>
    public static DType PromoteAll(ReadOnlySpan<DType> dtypes)
    {
        if (dtypes.IsEmpty)
            throw new ArgumentException("at least one dtype is required to promote", nameof(dtypes));
        var classes = new DTypeClass[dtypes.Length];
        for (int i = 0; i < dtypes.Length; i++)
            classes[i] = dtypes[i].Family;
        var common = CommonClassOfSequence(classes, dtypes);
        var rule = common.Promotion;
        if (!rule.IsParametric)
            return DTypeRegistry.Get(common.Code);
        DType result = rule.Adapt(dtypes[0], common);
        for (int i = 1; i < dtypes.Length; i++)
            result = rule.CommonInstance(result, rule.Adapt(dtypes[i], common));
        return result.AsNative();
    }

    /// <summary>NumPy's <c>PyArray_CommonDType</c>: ask one class, then the other; null when neither knows.</summary>
    public static DTypeClass? CommonClass(DTypeClass a, DTypeClass b)
    {
        if (a == b)
            return a;
        return a.Promotion.CommonClass(a, b) ?? b.Promotion.CommonClass(b, a);
    }

    // NumPy's sequence promotion: find the most knowledgeable class first (pairing the ends of the list and moving the
    // one that knows the other to the front), then promote every remaining class with it. (uint8, int8, float16) is
    // float16 this way, where promoting pair by pair would go through int16 to float32.
    private static DTypeClass CommonClassOfSequence(DTypeClass?[] classes, ReadOnlySpan<DType> dtypes)
    {
        if (classes.Length == 1)
            return classes[0]!;
        DTypeClass? result = ReduceToMostKnowledgeable(classes, classes.Length);
        var main = classes[0]!;
        int start = result is null ? 1 : 2;
        for (int i = start; i < classes.Length; i++)
        {
            if (classes[i] is not { } next)
                continue;
            var promoted = (next == main ? main : main.Promotion.CommonClass(main, next)) ?? throw NoCommon(next, main, dtypes);
            result = result is null ? promoted : CommonClass(result, promoted) ?? throw NoCommon(result, promoted, dtypes);
        }
        return result!;
    }

    // Pairs element i with element n-1-i over the first n; when the low one does not know the high one they swap, and
    // when the low one's answer is itself the high one cannot change the result and is dropped (nulled). Then the same
    // over the front half, until two are left; their common class (or null) is returned.
    private static DTypeClass? ReduceToMostKnowledgeable(DTypeClass?[] classes, int length)
    {
        while (true)
        {
            int half = length / 2;
            DTypeClass? result = null;
            for (int low = 0; low < half; low++)
            {
                int high = length - 1 - low;
                var a = classes[low];
                var b = classes[high];
                result = a == b ? a : Ask(a, b);
                if (result is null)
                    (classes[low], classes[high]) = (b, a);
                else if (result == a)
                    classes[high] = null;
            }
            if (length == 2)
                return result;
            length -= half;
        }
    }

    // One class's common_dtype slot; a dropped (null) partner changes nothing.
    private static DTypeClass? Ask(DTypeClass? self, DTypeClass? other) =>
        self is null ? null : other is null ? self : self.Promotion.CommonClass(self, other);

    private static InvalidCastException NoCommon(DTypeClass a, DTypeClass b, ReadOnlySpan<DType> dtypes)
    {
        var all = new string[dtypes.Length];
        for (int i = 0; i < dtypes.Length; i++)
            all[i] = dtypes[i].Repr();
        return new($"The DType {a.Name} could not be promoted by {b.Name}. This means that no common DType exists for the given inputs ({string.Join(", ", all)}); they can only be stored together in an object array.");
    }
}
