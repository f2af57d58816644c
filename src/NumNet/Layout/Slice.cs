namespace NumNet;

/// <summary>
/// Python's <c>start:stop:step</c>. Null parts take Python's defaults; negative start and stop count from the end;
/// a negative step walks backwards.
/// </summary>
public readonly record struct Slice(long? Start = null, long? Stop = null, long? Step = null)
{
    /// <summary>The whole dimension, <c>:</c>.</summary>
    public static Slice All => default;

    /// <summary>Python's <c>slice.indices(length)</c>: concrete start and step, and the number of elements selected.</summary>
    /// <exception cref="ArgumentException">The step is zero.</exception>
    public (long Start, long Step, long Count) Resolve(long length)
    {
        long step = Step ?? 1;
        if (step == 0)
            throw new ArgumentException("slice step cannot be zero");
        long start, stop;
        if (step > 0)
        {
            start = Clamp(Start, length, 0, 0, length);
            stop = Clamp(Stop, length, length, 0, length);
            long count = stop > start ? (stop - start + step - 1) / step : 0;
            return (start, step, count);
        }
        start = Clamp(Start, length, length - 1, -1, length - 1);
        stop = Clamp(Stop, length, -1, -1, length - 1);
        long n = start > stop ? (start - stop + (-step) - 1) / (-step) : 0;
        return (start, step, n);
    }

    private static long Clamp(long? value, long length, long whenNull, long low, long high)
    {
        if (value is not { } v)
            return whenNull;
        if (v < 0)
            v += length;
        return Math.Clamp(v, low, high);
    }

    /// <summary>Python's text for the slice: "1:3", "::2", ":".</summary>
    public override string ToString() => Step is null ? $"{Start}:{Stop}" : $"{Start}:{Stop}:{Step}";
}

/// <summary>The marker types of NumPy's basic indexing.</summary>
public sealed class IndexMarker
{
    private readonly string _name;

    private IndexMarker(string name) => _name = name;

    /// <summary><c>np.newaxis</c> (Python's <c>None</c> in an index): inserts a dimension of length 1.</summary>
    public static readonly IndexMarker NewAxis = new("None");

    /// <summary><c>...</c>: as many full slices as the dimensions not otherwise indexed.</summary>
    public static readonly IndexMarker Ellipsis = new("...");

    /// <inheritdoc/>
    public override string ToString() => _name;
}
