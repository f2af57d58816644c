namespace NumNet.DTypes;

/// <summary>Turns .NET values into datetime64/timedelta64 counts of a given unit.</summary>
internal static class DateTimeCoercion
{
    /// <summary>A datetime64 count in <paramref name="unit"/>.</summary>
    public static long ToDateTimeCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTime64.NaTValue,
        DateTime64 d when d.Unit == unit => d.Value,
        long or int or short or sbyte => Convert.ToInt64(value),
        _ => throw new InvalidCastException($"cannot convert {value.GetType().Name} to datetime64{unit}"),
    };

    /// <summary>A timedelta64 count in <paramref name="unit"/>.</summary>
    public static long ToTimeDeltaCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTime64.NaTValue,
        TimeDelta64 d when d.Unit == unit => d.Value,
        long or int or short or sbyte => Convert.ToInt64(value),
        _ => throw new InvalidCastException($"cannot convert {value.GetType().Name} to timedelta64{unit}"),
    };
}
