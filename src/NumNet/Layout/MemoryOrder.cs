namespace NumNet;

/// <summary>
/// NumPy's <c>order</c> argument: how a multi-dimensional array is laid out in (or read from) flat memory.
/// </summary>
public enum MemoryOrder
{
    /// <summary>Row-major: the last index varies fastest.</summary>
    C,
    /// <summary>Column-major: the first index varies fastest.</summary>
    F,
    /// <summary>F when the input is Fortran-contiguous and not C-contiguous, else C.</summary>
    A,
    /// <summary>Keep: follow the input's memory layout as closely as possible.</summary>
    K,
}

/// <summary>Parsing of order arguments, as NumPy accepts them.</summary>
public static class MemoryOrders
{
    /// <summary>
    /// Parses "C", "F", "A", "K" in either case; null gives <paramref name="whenNull"/>. Anything else is rejected
    /// with an exception quoting it, as NumPy's "order must be one of 'C', 'F', 'A', or 'K'".
    /// </summary>
    /// <exception cref="ArgumentException">Not a valid order.</exception>
    public static MemoryOrder Parse(string? order, MemoryOrder whenNull = MemoryOrder.K)
    {
        if (order is null)
            return whenNull;
        if (order.Length == 1)
        {
            switch (char.ToUpperInvariant(order[0]))
            {
                case 'C': return MemoryOrder.C;
                case 'F': return MemoryOrder.F;
                case 'A': return MemoryOrder.A;
                case 'K': return MemoryOrder.K;
            }
        }
        throw new ArgumentException($"order must be one of 'C', 'F', 'A', or 'K' (got '{order}')", nameof(order));
    }
}
