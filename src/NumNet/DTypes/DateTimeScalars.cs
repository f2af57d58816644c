namespace NumNet;

/// <summary>NumPy's <c>datetime64</c> scalar: a count of <see cref="Unit"/> since 1970-01-01T00:00, or NaT.</summary>
/// <param name="Value">The count; <see cref="long.MinValue"/> is NaT.</param>
/// <param name="Unit">The unit and multiplier of the count.</param>
public readonly record struct DateTime64(long Value, DateTimeMetadata Unit)
{
    /// <summary>The NaT ("not a time") marker.</summary>
    public const long NaTValue = long.MinValue;

    /// <summary>True for NaT.</summary>
    public bool IsNaT => Value == NaTValue;
}

/// <summary>NumPy's <c>timedelta64</c> scalar: a count of <see cref="Unit"/>, or NaT.</summary>
/// <param name="Value">The count; <see cref="long.MinValue"/> is NaT.</param>
/// <param name="Unit">The unit and multiplier of the count.</param>
public readonly record struct TimeDelta64(long Value, DateTimeMetadata Unit)
{
    /// <summary>True for NaT.</summary>
    public bool IsNaT => Value == DateTime64.NaTValue;
}
