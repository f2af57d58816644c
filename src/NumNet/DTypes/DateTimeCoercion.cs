namespace NumNet.DTypes;

/// <summary>Turns .NET values into datetime64/timedelta64 counts of a given unit, as NumPy's setitem does.</summary>
internal static class DateTimeCoercion
{
    /// <summary>A datetime64 count in <paramref name="unit"/>: NaT for null, counts as they are, ISO text parsed, other units converted.</summary>
    public static long ToDateTimeCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => DateTimes.NaT,
        DateTime64 d => DateTimes.Cast(d.Value, d.Unit, unit),
        string s => DateTimes.Parse(s, unit.IsGeneric ? null : unit).Value,
        System.DateTime d => DateTimes.FromDateTime(d, unit),
        DateTimeOffset d => DateTimes.FromDateTimeOffset(d, unit),
        DateOnly d => DateTimes.FromDateOnly(d, unit),
        _ when ScalarCoercion.IsInteger(value) => (long)ScalarCoercion.ToBig(value),
        _ => throw new InvalidCastException($"Could not convert object of type {value.GetType().Name} to datetime64{unit}"),
    };

    /// <summary>A timedelta64 count in <paramref name="unit"/>: NaT for null, counts as they are, other units converted.</summary>
    public static long ToTimeDeltaCount(object? value, DateTimeMetadata unit) => value switch
    {
        null => TimeDeltas.NaT,
        TimeDelta64 d => TimeDeltas.Cast(d.Value, d.Unit, unit),
        string s => TimeDeltas.Parse(s),
        TimeSpan t => TimeDeltas.FromTimeSpan(t, unit),
        _ when ScalarCoercion.IsInteger(value) => (long)ScalarCoercion.ToBig(value),
        _ => throw new InvalidCastException($"Could not convert object of type {value.GetType().Name} to timedelta64{unit}"),
    };
}
