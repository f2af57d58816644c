namespace NumNet.DTypes.Chrono;

/// <summary>
/// The fraction num/denom that converts a count in one unit to a count in another, as NumPy computes it: years and
/// months use their average length over the 400-year Gregorian cycle (146097 days).
/// </summary>
internal static class ConversionFactor
{
    private const ulong DaysPer400Years = 400 * 365 + 97;

    public static (long Num, long Denom) Get(DateTimeMetadata from, DateTimeMetadata to)
    {
        if (from.IsGeneric)
            return (1, 1);
        if (to.IsGeneric)
            throw new ArgumentException("Cannot convert from specific units to generic units in NumPy datetimes or timedeltas");
        RequirePositive(from);
        RequirePositive(to);

        bool swapped = from.Unit > to.Unit;
        var coarse = swapped ? to.Unit : from.Unit;
        var fine = swapped ? from.Unit : to.Unit;
        ulong num = 1, denom = 1;
        if (coarse != fine)
        {
            if (coarse == DateTimeUnit.Years && fine == DateTimeUnit.Months)
            {
                num = 12;
            }
            else if (coarse.IsNonlinear())
            {
                ulong monthsPerCoarse = coarse == DateTimeUnit.Years ? 1UL : 12UL;
                num = DaysPer400Years;
                denom = 400 * monthsPerCoarse;
                if (fine == DateTimeUnit.Weeks)
                    denom *= 7;
                else
                    num = unchecked(num * UnitFactors.Between(DateTimeUnit.Days, fine));
            }
            else
            {
                num = UnitFactors.Between(coarse, fine);
            }
        }
        if (num == 0)
        {
            throw new OverflowException(
                $"Integer overflow while computing the conversion factor between NumPy datetime units {coarse.ToCode()} and {fine.ToCode()}");
        }
        if (swapped)
            (num, denom) = (denom, num);

        num = unchecked(num * (ulong)from.Multiplier);
        denom = unchecked(denom * (ulong)to.Multiplier);
        ulong gcd = UnitFactors.Gcd(num, denom);
        return (unchecked((long)(num / gcd)), unchecked((long)(denom / gcd)));
    }

    private static void RequirePositive(DateTimeMetadata meta)
    {
        if (meta.Multiplier <= 0)
            throw new ArgumentException($"Cannot convert datetime metadata {meta} with a multiplier below 1");
    }
}
