namespace NumNet.Creation;

/// <summary>Steps a multi-index through a shape in C order (last index fastest).</summary>
internal static class Odometer
{
    /// <summary>Advances <paramref name="index"/> by one element; wraps to all zeros after the last.</summary>
    public static void Next(Span<long> index, ReadOnlySpan<long> shape)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (++index[d] < shape[d])
                return;
            index[d] = 0;
        }
    }
}
