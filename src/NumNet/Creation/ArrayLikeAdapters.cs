namespace NumNet;

/// <summary>
/// Teaches <c>np.asarray</c>, <c>np.array</c> and <c>like=</c> the objects of another runtime (Python's, through
/// NumNet.Python) without the core knowing that runtime: a registered adapter translates such an object, once, into
/// what the coercion pipeline already understands.
/// </summary>
/// <remarks>
/// A translation is any input <c>np.asarray</c> accepts: an <see cref="NDArray"/> (a view of the foreign memory), a
/// scalar (<see cref="long"/>, <see cref="System.Numerics.BigInteger"/>, <see cref="double"/>, <see cref="string"/>,
/// <see cref="Bytes"/>, null…), a list of translated items (one snapshot of a sequence), an
/// <see cref="IArrayConvertible"/>, or the object itself, which then becomes an element of an object array.
/// </remarks>
public interface IArrayLikeAdapter
{
    /// <summary>True when <paramref name="obj"/> belongs to this adapter's runtime.</summary>
    bool Owns(object obj);

    /// <summary>
    /// <paramref name="obj"/> (which <see cref="Owns"/> accepted) as an input the pipeline understands.
    /// <paramref name="dtype"/> and <paramref name="copy"/> are the caller's, for protocols that take them
    /// (<c>__array__(dtype=, copy=)</c>).
    /// </summary>
    object? Translate(object obj, DType? dtype, bool? copy);

    /// <summary>
    /// <paramref name="like"/> (which <see cref="Owns"/> accepted) as the <see cref="IArrayFunction"/> that takes over
    /// a call made with <c>like=</c>, or null when it implements no such protocol.
    /// </summary>
    IArrayFunction? AsArrayFunction(object like);
}

/// <summary>The registered <see cref="IArrayLikeAdapter"/>s, asked in the order they were registered.</summary>
public static class ArrayLikeAdapters
{
    private static IArrayLikeAdapter[] s_adapters = [];
    private static readonly Lock s_gate = new();

    /// <summary>Registers <paramref name="adapter"/>; registering the same adapter twice has no further effect.</summary>
    public static void Register(IArrayLikeAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        lock (s_gate)
        {
            if (!s_adapters.Contains(adapter))
                s_adapters = [.. s_adapters, adapter];
        }
    }

    /// <summary>The adapter that owns <paramref name="obj"/>, or null.</summary>
    internal static IArrayLikeAdapter? OwnerOf(object? obj)
    {
        if (obj is null or NDArray)
            return null;
        // One snapshot of the array: a registration racing with this call is seen entirely or not at all.
        foreach (var adapter in Volatile.Read(ref s_adapters))
        {
            if (adapter.Owns(obj))
                return adapter;
        }
        return null;
    }

    /// <summary><paramref name="obj"/> translated by its adapter, or itself when no adapter owns it.</summary>
    internal static object? Translate(object? obj, DType? dtype, bool? copy) =>
        OwnerOf(obj) is { } adapter ? adapter.Translate(obj!, dtype, copy) : obj;

    /// <summary><paramref name="like"/> as an <see cref="IArrayFunction"/> when an adapter owns it; else itself.</summary>
    internal static object? TranslateLike(object? like) =>
        OwnerOf(like) is { } adapter ? (object?)adapter.AsArrayFunction(like!) ?? like : like;
}
