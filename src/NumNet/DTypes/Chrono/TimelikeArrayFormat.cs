namespace NumNet.DTypes.Chrono;

/// <summary>NumPy's shared padding rule for printing datetime64 and timedelta64 array elements.</summary>
internal static class TimelikeArrayFormat
{
    private const string QuotedNaT = "'NaT'";

    public static string[] Format(ReadOnlySpan<long> values, Func<long, string> formatValue)
    {
        long min = long.MaxValue, max = long.MinValue;
        bool anyValue = false, anyNaT = false;
        foreach (long v in values)
        {
            if (v == DateTimes.NaT)
            {
                anyNaT = true;
                continue;
            }
            anyValue = true;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        // NumPy measures only the extremes, not every element.
        int width = anyValue ? Math.Max(formatValue(max).Length, formatValue(min).Length) : 0;
        if (anyNaT)
            width = Math.Max(width, QuotedNaT.Length);

        var result = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = (values[i] == DateTimes.NaT ? QuotedNaT : formatValue(values[i])).PadLeft(width);
        return result;
    }
}
