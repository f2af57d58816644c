using NumNet.Casting;
using NumNet.DTypes;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// The array's values as another dtype (NumPy's <c>astype</c>): a new array unless <paramref name="copy"/> is false
    /// and nothing needs to change, in which case the array itself is returned.
    /// </summary>
    /// <param name="dtype">The target dtype. An unsized <c>S</c> or <c>U</c> is sized to hold the values (<c>U21</c> for int64).</param>
    /// <param name="order">Layout of the result: C, F, A (F for Fortran-ordered arrays, else C) or K (keep this array's order).</param>
    /// <param name="casting">"no", "equiv", "safe", "same_kind" or "unsafe": how much the cast may change values.</param>
    /// <param name="copy">False returns this array when the dtype is equal and the layout satisfies <paramref name="order"/>.</param>
    /// <remarks>
    /// Values convert as NumPy's loops do on x86-64: floats truncate toward zero, NaN and out-of-range floats give the
    /// hardware's result (int64.MinValue for int64), integers wrap, anything is true when non-zero, complex to real
    /// keeps the real part and raises a ComplexWarning (<see cref="Warnings"/>), numbers become their <c>str()</c> in
    /// S and U, text parses as Python's <c>int()</c>/<c>float()</c>, datetimes convert units rounding toward the past.
    /// </remarks>
    /// <exception cref="InvalidCastException">The cast is not allowed under <paramref name="casting"/>, or NumPy has no such cast.</exception>
    /// <exception cref="ArgumentException">Bad <paramref name="casting"/>, or text that does not parse as the target.</exception>
    /// <exception cref="OverflowException">Text or objects holding integers out of the target's range.</exception>
    public NDArray AsType(DType dtype, OrderLike? order = null, CastingLike? casting = null, bool copy = true)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        var rule = casting?.Rule ?? CastingRule.Unsafe;
        var layout = order is { } o ? o.Resolve(MemoryOrder.K) : MemoryOrder.K;
        // An unsized request (U, S, m8 without a unit) names a family: an array of that family keeps its own
        // descriptor and datetime64/timedelta64 lend each other their unit (NumPy adapts the DType class, not the
        // spelling); the casting rule is judged against that adapted descriptor.
        bool unsized = !Creation.RequestedDType.For(dtype).IsComplete;
        var requested = !unsized ? dtype
            : dtype.Code == _dtype.Code ? _dtype
            : dtype.DateTimeMeta is not null && _dtype.DateTimeMeta is { } unit ? DTypes.DTypeParser.DateTimeDType(dtype.Code, unit)
            : dtype;
        // Text cast to a generic datetime64 takes the unit its values need: NumPy parses them to find it (text that is
        // no date fails there) before it judges the casting rule against the unit found.
        bool textReadsUnit = ToGenericDateTime(requested) && _dtype.Code is DTypeCode.Unicode or DTypeCode.Bytes;
        if (textReadsUnit)
            requested = Creation.RequestedDType.For(requested.AsNative()).AdaptTo(this);
        var resolution = CastSafety.Resolve(_dtype, requested);
        if (resolution.Rule > rule)
            throw CastSafety.Refused(_dtype, textReadsUnit ? requested : dtype, rule);
        // Any other family's descriptor is the native one.
        var target = unsized && requested == dtype ? resolution.To.AsNative() : resolution.To;
        // Objects find the unit from their values after the rule (object to datetime/timedelta is unsafe anyway).
        if (target.DateTimeMeta is { IsGeneric: true } && _dtype.Code == DTypeCode.Object)
            target = Creation.RequestedDType.For(target).AdaptTo(this);
        if (!copy && target == _dtype && LayoutSatisfies(layout))
            return this;
        return CastEngine.Cast(this, target, layout);
    }

    /// <summary>AsType with a dtype string.</summary>
    /// <inheritdoc cref="AsType(DType, OrderLike?, CastingLike?, bool)"/>
    public NDArray AsType(string dtype, OrderLike? order = null, CastingLike? casting = null, bool copy = true) =>
        AsType(np.dtype(dtype), order, casting, copy);

    private static bool ToGenericDateTime(DType dtype) =>
        dtype.Code == DTypeCode.DateTime64 && dtype.DateTimeMeta is { Unit: DateTimeUnit.Generic };

    private bool LayoutSatisfies(MemoryOrder order) => order switch
    {
        MemoryOrder.K => true,
        MemoryOrder.A => IsCContiguous || IsFContiguous,
        MemoryOrder.C => IsCContiguous,
        _ => IsFContiguous,
    };
}
