namespace NumNet.DTypes.Chrono;

/// <summary>Applies a unit conversion fraction to a count, rounding toward negative infinity, with NumPy 2.5's overflow check.</summary>
internal static class LinearScale
{
    /// <summary>
    /// Returns floor(<paramref name="value"/> * num / denom); NaT passes through. Like NumPy, the check is on the
    /// intermediate product, so a result that would fit can still be refused.
    /// </summary>
    /// <exception cref="OverflowException">The product leaves the int64 range (or would land on NaT).</exception>
    public static long Apply(long value, long num, long denom, string typeName)
    {
        if (value == DateTimes.NaT)
            return value;
        if (num <= 0 || denom <= 0)
            throw Overflow(typeName);
        long positiveLimit = long.MaxValue / num;
        long negativeLimit = (long.MaxValue - denom + 1) / num;
        if (value > positiveLimit || value < -negativeLimit)
            throw Overflow(typeName);
        return value < 0 ? (value * num - (denom - 1)) / denom : value * num / denom;
    }

    public static OverflowException Overflow(string typeName) => new($"Overflow when converting between {typeName} units");
}
