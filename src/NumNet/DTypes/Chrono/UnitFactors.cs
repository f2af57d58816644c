namespace NumNet.DTypes.Chrono;

/// <summary>Exact ratios between the linear units, computed the way NumPy does, including its overflow cut-off.</summary>
internal static class UnitFactors
{
    // Factor from each unit to the next finer one. Years/months have no exact factor and are handled by callers.
    private static readonly uint[] Steps = [1, 1, 7, 24, 60, 60, 1000, 1000, 1000, 1000, 1000, 1000, 1, 0];

    // NumPy treats a factor that reaches the top byte as an overflow, well before 2^64, and so must we to reject
    // exactly the same unit pairs (seconds to attoseconds, 10^18, is already "too big").
    private const ulong OverflowMask = 0xFF00_0000_0000_0000UL;

    /// <summary>How many <paramref name="fine"/> units make one <paramref name="coarse"/> unit; 0 when NumPy deems it an overflow.</summary>
    public static ulong Between(DateTimeUnit coarse, DateTimeUnit fine)
    {
        ulong factor = 1;
        for (var unit = coarse; unit < fine; unit++)
        {
            factor = unchecked(factor * Steps[(int)unit]);
            if ((factor & OverflowMask) != 0)
                return 0;
        }
        return factor;
    }

    /// <summary>Whether a product NumPy checks with the same top-byte mask counts as overflowed.</summary>
    public static bool LooksOverflowed(ulong value) => (value & OverflowMask) != 0;

    public static ulong Gcd(ulong x, ulong y)
    {
        while (y != 0)
            (x, y) = (y, x % y);
        return x;
    }
}
