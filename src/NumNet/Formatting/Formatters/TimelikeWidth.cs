namespace NumNet.Formatting.Formatters;

/// <summary>The column width NumPy gives datetime64 and timedelta64 elements.</summary>
internal static class TimelikeWidth
{
    /// <summary>
    /// The wider of the texts of the largest and the smallest non-NaT value (NumPy measures only these two), and at
    /// least 5 (the width of 'NaT') when a NaT is present.
    /// </summary>
    public static int Measure(ReadOnlySpan<long> values, Func<long, int> textLength)
    {
        long min = long.MaxValue, max = long.MinValue;
        bool anyValue = false, anyNaT = false;
        foreach (long v in values)
        {
            if (v == DateTime64.NaTValue)
            {
                anyNaT = true;
                continue;
            }
            anyValue = true;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        int width = anyValue ? Math.Max(textLength(max), textLength(min)) : 0;
        return anyNaT ? Math.Max(width, 5) : width;
    }
}
