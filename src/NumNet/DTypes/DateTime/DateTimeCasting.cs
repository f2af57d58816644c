namespace NumNet.DTypes.Chrono;

/// <summary>NumPy's casting kinds, from the strictest to the most permissive, as the datetime rules use them.</summary>
internal enum DateTimeCasting
{
    No,
    Equiv,
    Safe,
    SameKind,
    Unsafe,
}

/// <summary>NumPy's names of the casting kinds.</summary>
internal static class DateTimeCastingNames
{
    public static DateTimeCasting Parse(string casting) => casting switch
    {
        "no" => DateTimeCasting.No,
        "equiv" => DateTimeCasting.Equiv,
        "safe" => DateTimeCasting.Safe,
        "same_kind" => DateTimeCasting.SameKind,
        "unsafe" => DateTimeCasting.Unsafe,
        null => throw new ArgumentNullException(nameof(casting)),
        _ => throw new ArgumentException(
            $"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '{casting}')", nameof(casting)),
    };

    public static string ToName(this DateTimeCasting casting) => casting switch
    {
        DateTimeCasting.No => "no",
        DateTimeCasting.Equiv => "equiv",
        DateTimeCasting.Safe => "safe",
        DateTimeCasting.SameKind => "same_kind",
        _ => "unsafe",
    };
}
