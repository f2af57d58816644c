namespace NumNet.DTypes.Chrono;

/// <summary>NumPy's safety rules for converting between datetime/timedelta units.</summary>
internal static class UnitCastRules
{
    /// <summary>
    /// The least permissive casting kind under which NumPy casts <paramref name="from"/> to <paramref name="to"/>
    /// within datetime64 (or within timedelta64), as <c>np.can_cast</c> and <c>astype</c> decide it.
    /// </summary>
    public static CastingRule MinimumCasting(DateTimeMetadata from, DateTimeMetadata to, bool isTimedelta)
    {
        if (from == to || IsSameScaleRespelled(from, to))
            return CastingRule.No;
        if (from.IsGeneric)
            return CastingRule.Safe;
        // The cast will fail at run time, but NumPy classifies it this way.
        if (to.IsGeneric)
            return CastingRule.Unsafe;
        if (isTimedelta && from.Unit.IsNonlinear() != to.Unit.IsNonlinear())
            return CastingRule.Unsafe;
        if (from.Unit <= to.Unit && Divides(from, to, isTimedelta))
            return CastingRule.Safe;
        return CastingRule.SameKind;
    }

    /// <summary>
    /// NumPy treats "[1000ms]" to "[s]" (and 10^6, 10^9 one or two SI steps apart) as the same dtype. It compares
    /// multipliers by integer division, so "[2001ms]" to "[2s]" passes too; that looseness is reproduced.
    /// </summary>
    private static bool IsSameScaleRespelled(DateTimeMetadata from, DateTimeMetadata to)
    {
        if (to.Unit < DateTimeUnit.Seconds || to.Multiplier == 0)
            return false;
        int steps = from.Unit - to.Unit;
        int ratio = from.Multiplier / to.Multiplier;
        return steps switch
        {
            1 => ratio == 1000,
            2 => ratio == 1000_000,
            3 => ratio == 1000_000_000,
            _ => false,
        };
    }

    /// <summary>
    /// Whether one <paramref name="dividend"/> step is a whole number of <paramref name="divisor"/> steps. Years and
    /// months only divide each other when <paramref name="strictWithNonlinear"/> (timedeltas); for datetimes NumPy
    /// lets them "divide" anything.
    /// </summary>
    public static bool Divides(DateTimeMetadata dividend, DateTimeMetadata divisor, bool strictWithNonlinear)
    {
        if (dividend.IsGeneric)
            return true;
        if (divisor.IsGeneric)
            return false;
        ulong num1 = unchecked((ulong)dividend.Multiplier);
        ulong num2 = unchecked((ulong)divisor.Multiplier);
        if (dividend.Unit != divisor.Unit)
        {
            if (dividend.Unit == DateTimeUnit.Years && divisor.Unit == DateTimeUnit.Months)
                num1 *= 12;
            else if (divisor.Unit == DateTimeUnit.Years && dividend.Unit == DateTimeUnit.Months)
                num2 *= 12;
            else if (dividend.Unit.IsNonlinear() || divisor.Unit.IsNonlinear())
                return !strictWithNonlinear;

            if (dividend.Unit > divisor.Unit)
            {
                num2 = unchecked(num2 * UnitFactors.Between(divisor.Unit, dividend.Unit));
                if (num2 == 0)
                    return false;
            }
            else
            {
                num1 = unchecked(num1 * UnitFactors.Between(dividend.Unit, divisor.Unit));
                if (num1 == 0)
                    return false;
            }
        }
        if (UnitFactors.LooksOverflowed(num1) || UnitFactors.LooksOverflowed(num2) || num2 == 0)
            return false;
        return num1 % num2 == 0;
    }

    /// <summary>
    /// NumPy's unit-only rule used when a parsed string or a scalar is stored under a casting kind: any two
    /// specific datetime units are "same kind"; "safe" only goes towards finer units.
    /// </summary>
    public static bool CanCastDateTimeUnit(DateTimeUnit from, DateTimeUnit to, CastingRule casting)
    {
        switch (casting)
        {
            case CastingRule.Unsafe:
                return true;
            case CastingRule.SameKind:
                return from == DateTimeUnit.Generic || to != DateTimeUnit.Generic;
            case CastingRule.Safe:
                if (from == DateTimeUnit.Generic || to == DateTimeUnit.Generic)
                    return from == DateTimeUnit.Generic;
                return from <= to;
            default:
                return from == to;
        }
    }

    /// <summary>
    /// The common unit of two metadata (NumPy's greatest-common-divisor promotion). A timedelta in years or months
    /// (<paramref name="strictA"/>/<paramref name="strictB"/>) only combines with years or months; a datetime in
    /// years or months simply adopts the other unit's scale without converting its multiplier.
    /// </summary>
    /// <exception cref="InvalidCastException">A nonlinear timedelta unit meets a linear unit.</exception>
    /// <exception cref="OverflowException">The common multiplier does not fit.</exception>
    public static DateTimeMetadata CommonMetadata(DateTimeMetadata a, bool strictA, DateTimeMetadata b, bool strictB)
    {
        if (a.IsGeneric)
            return b;
        if (b.IsGeneric)
            return a;
        ulong num1 = unchecked((ulong)a.Multiplier);
        ulong num2 = unchecked((ulong)b.Multiplier);
        var unit = a.Unit;
        if (a.Unit != b.Unit)
        {
            if (a.Unit == DateTimeUnit.Years && b.Unit == DateTimeUnit.Months)
                num1 *= 12;
            else if (b.Unit == DateTimeUnit.Years && a.Unit == DateTimeUnit.Months)
                num2 *= 12;
            else if ((a.Unit.IsNonlinear() && strictA) || (!a.Unit.IsNonlinear() && b.Unit.IsNonlinear() && strictB))
                throw Incompatible(a, b);

            if (a.Unit > b.Unit)
            {
                unit = a.Unit;
                num2 = unchecked(num2 * UnitFactors.Between(b.Unit, a.Unit));
                if (num2 == 0)
                    throw Overflow(a, b);
            }
            else
            {
                unit = b.Unit;
                num1 = unchecked(num1 * UnitFactors.Between(a.Unit, b.Unit));
                if (num1 == 0)
                    throw Overflow(a, b);
            }
        }
        ulong gcd = UnitFactors.Gcd(num1, num2);
        if (gcd == 0 || gcd > int.MaxValue)
            throw Overflow(a, b);
        return new DateTimeMetadata(unit, (int)gcd);
    }

    private static InvalidCastException Incompatible(DateTimeMetadata a, DateTimeMetadata b) => new(
        $"Cannot get a common metadata divisor for Numpy datetime metadata {a} and {b} because they have incompatible nonlinear base time units.");

    private static OverflowException Overflow(DateTimeMetadata a, DateTimeMetadata b) =>
        new($"Integer overflow getting a common metadata divisor for NumPy datetime metadata {a} and {b}.");
}
