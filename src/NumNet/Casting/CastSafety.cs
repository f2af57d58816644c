using NumNet.DTypes;
using NumNet.DTypes.Chrono;

namespace NumNet.Casting;

/// <summary>
/// The outcome of matching a source dtype to a target: the least permissive rule that allows the cast, and the target
/// with its open parameters filled in (an unsized <c>U</c> becomes <c>U21</c> for int64).
/// </summary>
/// <param name="Rule">The strictest <see cref="CastingRule"/> under which the cast is allowed.</param>
/// <param name="To">The target dtype, sized. Still unsized when only the data can tell (object to <c>U</c>).</param>
internal readonly record struct CastResolution(CastingRule Rule, DType To);

/// <summary>
/// NumPy 2's cast safety for every pair of dtypes (its <c>resolve_descriptors</c> step): numbers by kind and width,
/// strings by length, datetimes by unit, object as the universal target.
/// </summary>
internal static class CastSafety
{
    /// <summary>The rule needed to cast <paramref name="from"/> to <paramref name="to"/>, and the sized target.</summary>
    public static CastResolution Resolve(DType from, DType to)
    {
        // A registered class declares its casts itself (safety and target together, as NumPy's ArrayMethod).
        if (RegisteredDTypeClass.Find(from, to) is { } declared)
            return new(declared.Rule, declared.To);
        DTypeCode fc = from.Code, tc = to.Code;
        if (NumericTraits.IsNumeric(fc) && NumericTraits.IsNumeric(tc))
            return new(NumericRule(fc, tc, from, to), to);
        if (tc == DTypeCode.Object)
            return new(fc == DTypeCode.Object ? CastingRule.No : CastingRule.Safe, to);
        if (fc == DTypeCode.Object)
            return new(CastingRule.Unsafe, to);
        if (IsText(tc))
            return ToText(from, to);
        if (IsTime(tc))
            return new(ToTime(from, to), ResolveTime(from, to));
        if (tc == DTypeCode.Void)
            return ToVoid(from, to);
        // Text, times and raw bytes into numbers: only an explicit conversion.
        return new(CastingRule.Unsafe, to);
    }

    /// <summary>True when a cast under <paramref name="rule"/> is allowed.</summary>
    public static bool Allows(CastingRule rule, DType from, DType to) =>
        RegisteredDTypeClass.Allows(rule, from, to) ?? Resolve(from, to).Rule <= rule;

    /// <summary>NumPy's TypeError for a cast the casting rule forbids (InvalidCastException here).</summary>
    public static InvalidCastException Refused(DType from, DType to, CastingRule rule) =>
        new($"Cannot cast array data from {from.Repr()} to {to.Repr()} according to the rule '{rule.ToName()}'");

    public static bool IsText(DTypeCode c) => c is DTypeCode.Bytes or DTypeCode.Unicode;

    public static bool IsTime(DTypeCode c) => c is DTypeCode.DateTime64 or DTypeCode.TimeDelta64;

    private static CastingRule SameOrder(DType a, DType b) => a.ByteOrder == b.ByteOrder ? CastingRule.No : CastingRule.Equiv;

    private static CastingRule NumericRule(DTypeCode fc, DTypeCode tc, DType from, DType to)
    {
        if (fc == tc)
            return SameOrder(from, to);
        if (NumericTraits.IsSafe(fc, tc))
            return CastingRule.Safe;
        return NumericTraits.IsSameKind(fc, tc) ? CastingRule.SameKind : CastingRule.Unsafe;
    }

    /// <summary>
    /// The characters (for U) or bytes (for S) NumPy gives an unsized string target for this source; 0 when only the
    /// data can tell (object).
    /// </summary>
    public static int TextLengthFor(DType from) => from.Family.Text.Width(from) ?? 0;

    private static CastResolution ToText(DType from, DType to)
    {
        int needed = TextLengthFor(from);
        // An unsized target is a class, not a descriptor (NumPy passes NULL): the cast picks a native one, also for an
        // unsized text source (U -> >U is a cast to native U, so casting 'no' allows it).
        DType sized = to.ItemSize != 0 ? to : needed > 0 ? to.AsNative().WithLength(needed) : IsText(from.Code) ? to.AsNative() : to;
        if (IsText(from.Code))
        {
            if (from.Code == DTypeCode.Unicode && to.Code == DTypeCode.Bytes)
                return new(CastingRule.Unsafe, sized);
            if (sized.Length > from.Length || (from.Code != to.Code && sized.Length == from.Length))
                return new(CastingRule.Safe, sized);
            if (sized.Length == from.Length)
                return new(SameOrder(from, sized), sized);
            return new(CastingRule.SameKind, sized);
        }
        if (NumericTraits.IsNumeric(from.Code))
            return new(sized.Length >= needed ? CastingRule.Safe : CastingRule.SameKind, sized);
        return new(CastingRule.Unsafe, sized);
    }

    private static CastingRule ToTime(DType from, DType to)
    {
        if (from.Code == to.Code)
        {
            var rule = UnitCastRules.MinimumCasting(from.DateTimeMeta!.Value, to.DateTimeMeta!.Value,
                from.Code == DTypeCode.TimeDelta64);
            return rule == CastingRule.No ? SameOrder(from, to) : rule;
        }
        // Integers are counts of a timedelta's unit; only uint64 can exceed the int64 range of the count.
        if (to.Code == DTypeCode.TimeDelta64 && NumericTraits.IsNumeric(from.Code)
            && (from.Code == DTypeCode.Bool || NumericTraits.IsInteger(from.Code)))
        {
            return NumericTraits.IsSafe(from.Code, DTypeCode.Int64) ? CastingRule.Safe : CastingRule.SameKind;
        }
        return CastingRule.Unsafe;
    }

    // A generic target keeps the unit of a datetime source of the same family, as astype("M8") does.
    private static DType ResolveTime(DType from, DType to) =>
        from.Code == to.Code && to.DateTimeMeta!.Value.IsGeneric ? DTypes.DTypeParser.DateTimeDType(to.Code, from.DateTimeMeta!.Value, to.ByteOrder) : to;

    private static CastResolution ToVoid(DType from, DType to)
    {
        DType sized = to.ItemSize == 0 && from.ItemSize > 0 && from.Code != DTypeCode.Object ? to.WithLength(from.ItemSize) : to;
        if (from.Code == DTypeCode.Void)
            return new(sized.ItemSize == from.ItemSize ? CastingRule.No : CastingRule.SameKind, sized);
        return new(sized.ItemSize >= from.ItemSize ? CastingRule.Safe : CastingRule.Unsafe, sized);
    }
}
