namespace NumNet;

/// <summary>
/// NumPy's <c>casting</c> argument: how much a cast may change values, from the strictest to the most permissive.
/// Each rule allows everything the stricter ones allow.
/// </summary>
public enum CastingRule
{
    /// <summary><c>"no"</c>: only the identical dtype.</summary>
    No,
    /// <summary><c>"equiv"</c>: the same values in another byte order.</summary>
    Equiv,
    /// <summary><c>"safe"</c>: every value survives (int16 to int32, int64 to float64, int64 to U21).</summary>
    Safe,
    /// <summary><c>"same_kind"</c>: safe casts and narrowing within a kind order (float64 to float32, uint64 to int64).</summary>
    SameKind,
    /// <summary><c>"unsafe"</c>: any conversion NumPy defines.</summary>
    Unsafe,
}

/// <summary>NumPy's spellings of the <see cref="CastingRule"/> values.</summary>
public static class CastingRules
{
    private static readonly string[] Names = ["no", "equiv", "safe", "same_kind", "unsafe"];

    /// <summary>Parses "no", "equiv", "safe", "same_kind" or "unsafe".</summary>
    /// <exception cref="ArgumentException">Any other text (NumPy's ValueError).</exception>
    public static CastingRule Parse(string casting)
    {
        ArgumentNullException.ThrowIfNull(casting);
        int i = Array.IndexOf(Names, casting);
        if (i < 0)
            throw new ArgumentException($"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '{casting}')", nameof(casting));
        return (CastingRule)i;
    }

    /// <summary>NumPy's name of a rule: "same_kind" for <see cref="CastingRule.SameKind"/>.</summary>
    public static string ToName(this CastingRule rule) => Names[(int)rule];
}
