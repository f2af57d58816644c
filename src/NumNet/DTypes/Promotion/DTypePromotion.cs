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
        var common = CommonClass(a.Family, b.Family) ?? throw NoCommon(b.Family.Name, a.Family.Name, [PromotionOperand.Of(a), PromotionOperand.Of(b)]);
        var rule = common.Promotion;
        if (!rule.IsParametric)
            return DTypeRegistry.Get(common.Code);
        return rule.CommonInstance(rule.Adapt(a, common), rule.Adapt(b, common)).AsNative();
    }

    /// <summary>
    /// NumPy 2's <c>PyArray_ResultType</c> for two or more operands, in NumPy's order (the dtypes first, then the
    /// arrays and scalars): the common class of all at once, a weak Python number taking part as its abstract class;
    /// then, for a parametric class, the common instance of the descriptors (weak numbers bring none). A lone
    /// descriptor of the common class is kept as it is, byte order included, as NumPy keeps it.
    /// </summary>
    /// <exception cref="ArgumentException">No operands.</exception>
    /// <exception cref="InvalidCastException">No common dtype exists (NumPy's DTypePromotionError).</exception>
    public static DType ResultType(ReadOnlySpan<PromotionOperand> operands)
    {
        if (operands.IsEmpty)
            throw new ArgumentException("at least one dtype is required to promote", nameof(operands));
        var nodes = new Node?[operands.Length];
        for (int i = 0; i < operands.Length; i++)
            nodes[i] = operands[i].Descriptor is { } d ? new Node(d.Family, default) : new Node(null, operands[i].Weak);
        var common = CommonOfSequence(nodes, operands);
        var family = common.Class ?? DefaultClass(common.Weak);
        var rule = family.Promotion;
        if (!rule.IsParametric)
            return DTypeRegistry.Get(family.Code);
        DType? result = null;
        foreach (var op in operands)
        {
            if (op.Descriptor is not { } d)
                continue;
            var adapted = d.Family == family ? d : rule.Adapt(d, family);
            result = result is null ? adapted : rule.CommonInstance(result, adapted);
        }
        return result ?? DTypeRegistry.Get(family.Code);
    }

    /// <summary>NumPy's <c>PyArray_CommonDType</c>: ask one class, then the other; null when neither knows.</summary>
    public static DTypeClass? CommonClass(DTypeClass a, DTypeClass b)
    {
        if (a == b)
            return a;
        return a.Promotion.CommonClass(a, b) ?? b.Promotion.CommonClass(b, a);
    }

    // A class in a sequence promotion: a dtype class, or (Class null) a weak Python number's abstract class.
    private readonly record struct Node(DTypeClass? Class, WeakNumber Weak)
    {
        public string Name => Class?.Name ?? $"Python {Weak.ToString().ToLowerInvariant()}";
    }

    // The default descriptor's class of an abstract Python number (np.result_type(1, 2.0) is float64).
    private static DTypeClass DefaultClass(WeakNumber weak) => DTypeRegistry.Families[(int)(weak switch
    {
        WeakNumber.Int => DTypeCode.Int64,
        WeakNumber.Float => DTypeCode.Float64,
        WeakNumber.Complex => DTypeCode.Complex128,
        _ => throw new ArgumentOutOfRangeException(nameof(weak)),
    })];

    // NumPy's sequence promotion: find the most knowledgeable class first (pairing the ends of the list and moving the
    // one that knows the other to the front), then promote every remaining class with it. (uint8, int8, float16) is
    // float16 this way, where promoting pair by pair would go through int16 to float32.
    private static Node CommonOfSequence(Node?[] nodes, ReadOnlySpan<PromotionOperand> operands)
    {
        if (nodes.Length == 1)
            return nodes[0]!.Value;
        Node? result = ReduceToMostKnowledgeable(nodes, nodes.Length);
        var main = nodes[0]!.Value;
        int start = result is null ? 1 : 2;
        for (int i = start; i < nodes.Length; i++)
        {
            if (nodes[i] is not { } next)
                continue;
            var promoted = (next == main ? main : Ask(main, next)) ?? throw NoCommon(next.Name, main.Name, operands);
            result = result is null ? promoted : Common(result.Value, promoted) ?? throw NoCommon(result.Value.Name, promoted.Name, operands);
        }
        return result!.Value;
    }

    // Pairs element i with element n-1-i over the first n; when the low one does not know the high one they swap, and
    // when the low one's answer is itself the high one cannot change the result and is dropped (nulled). Then the same
    // over the front half, until two are left; their common class (or null) is returned.
    private static Node? ReduceToMostKnowledgeable(Node?[] nodes, int length)
    {
        while (true)
        {
            int half = length / 2;
            Node? result = null;
            for (int low = 0; low < half; low++)
            {
                int high = length - 1 - low;
                var a = nodes[low];
                var b = nodes[high];
                result = a == b ? a : a is { } x ? (b is { } y ? Ask(x, y) : x) : null;
                if (result is null)
                    (nodes[low], nodes[high]) = (b, a);
                else if (result == a)
                    nodes[high] = null;
            }
            if (length == 2)
                return result;
            length -= half;
        }
    }

    // PyArray_CommonDType over classes and abstract Python numbers.
    private static Node? Common(Node a, Node b) => a == b ? a : Ask(a, b) ?? Ask(b, a);

    // One class's common_dtype slot, or an abstract Python number's; null is NumPy's NotImplemented.
    private static Node? Ask(Node self, Node other)
    {
        if (self.Class is { } cls)
        {
            var known = other.Class is { } otherClass ? cls.Promotion.CommonClass(cls, otherClass) : cls.Promotion.CommonClass(cls, other.Weak);
            return known is null ? null : new Node(known, default);
        }
        if (other.Class is null)
            return self.Weak > other.Weak ? self : null;
        // A Python number knows only the built-in bool (and, from float up, the integers); it gives their default type.
        var code = other.Class.Code;
        bool boolOrInteger = other.Class.Promotion.IsBuiltin && NumericTraits.IsNumeric(code)
            && (code == DTypeCode.Bool || NumericTraits.IsInteger(code));
        if (!boolOrInteger || (self.Weak == WeakNumber.Int && code != DTypeCode.Bool))
            return null;
        return new Node(DefaultClass(self.Weak), default);
    }

    private static InvalidCastException NoCommon(string a, string b, ReadOnlySpan<PromotionOperand> operands)
    {
        var all = new string[operands.Length];
        for (int i = 0; i < operands.Length; i++)
            all[i] = operands[i].Descriptor?.Repr() ?? $"a Python {operands[i].Weak.ToString().ToLowerInvariant()}";
        return new($"The DType {a} could not be promoted by {b}. This means that no common DType exists for the given inputs ({string.Join(", ", all)}); they can only be stored together in an object array.");
    }
}
