namespace NumNet.DTypes.Chrono;

/// <summary>
/// Turns metadata written with a divisor ("[30m/2]") into a whole multiple of a finer unit ("[900s]"), trying the
/// same finer units in the same order as NumPy so that the chosen unit matches.
/// </summary>
internal static class DivisorConversion
{
    private static (int[] Sizes, DateTimeUnit[] Units) Candidates(DateTimeUnit unit) => unit switch
    {
        DateTimeUnit.Years => ([12, 52, 365], [DateTimeUnit.Months, DateTimeUnit.Weeks, DateTimeUnit.Days]),
        DateTimeUnit.Months => ([4, 30, 720], [DateTimeUnit.Weeks, DateTimeUnit.Days, DateTimeUnit.Hours]),
        // NumPy scans one slot past its three week entries, where a zero size pairs with years: every divisor
        // "fits" it, which yields the degenerate "[0Y]". Kept so that such metadata parses the same.
        DateTimeUnit.Weeks => ([7, 168, 10080, 0],
            [DateTimeUnit.Days, DateTimeUnit.Hours, DateTimeUnit.Minutes, DateTimeUnit.Years]),
        DateTimeUnit.Days => ([24, 1440, 86400], [DateTimeUnit.Hours, DateTimeUnit.Minutes, DateTimeUnit.Seconds]),
        DateTimeUnit.Hours => ([60, 3600], [DateTimeUnit.Minutes, DateTimeUnit.Seconds]),
        DateTimeUnit.Minutes => ([60, 60000], [DateTimeUnit.Seconds, DateTimeUnit.Milliseconds]),
        DateTimeUnit.Femtoseconds => ([1000], [DateTimeUnit.Attoseconds]),
        DateTimeUnit.Attoseconds => ([], []),
        _ => ([1000, 1000000], [unit + 1, unit + 2]),
    };

    public static DateTimeMetadata Apply(DateTimeUnit unit, int multiplier, int divisor, string bracketed)
    {
        if (unit == DateTimeUnit.Generic)
            throw new ArgumentException("Can't use 'den' divisor with generic units");
        var (sizes, units) = Candidates(unit);
        if (divisor != 0)
        {
            for (int i = 0; i < sizes.Length; i++)
            {
                if (sizes[i] % divisor == 0)
                    return new DateTimeMetadata(units[i], unchecked(multiplier * (sizes[i] / divisor)));
            }
        }
        throw new ArgumentException(
            $"divisor ({divisor}) is not a multiple of a lower-unit in datetime metadata \"{bracketed}\"");
    }
}
