using System.Runtime.CompilerServices;

namespace NumNet;

/// <summary>
/// A shape argument in any spelling NumPy accepts (NumPy's <c>_ShapeLike</c>: an int or a sequence of ints): one
/// number (<c>np.zeros(3)</c>), a collection expression (<c>np.zeros([2, 3])</c>, <c>np.zeros([])</c> for 0-d), a
/// <c>long[]</c> such as another array's <see cref="NDArray.Shape"/>, or an <c>int[]</c>. The lengths are copied, so a
/// caller's array changed later changes nothing.
/// </summary>
[CollectionBuilder(typeof(ShapeLike), nameof(Create))]
public readonly struct ShapeLike : IEquatable<ShapeLike>, IReadOnlyList<long>
{
    private readonly long[]? _dims;

    private ShapeLike(long[] dims) => _dims = dims;

    /// <summary>The lengths, one per dimension (empty for a 0-d shape).</summary>
    public ReadOnlySpan<long> Dims => _dims;

    /// <summary>Number of dimensions.</summary>
    public int NDim => _dims?.Length ?? 0;

    /// <summary>Number of dimensions, as a collection.</summary>
    int IReadOnlyCollection<long>.Count => NDim;

    /// <summary>The length of dimension <paramref name="axis"/>.</summary>
    public long this[int axis] => Dims[axis];

    /// <summary>The lengths in order.</summary>
    public IEnumerator<long> GetEnumerator() => ((IEnumerable<long>)(_dims ?? [])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>A fresh <c>long[]</c> of the lengths.</summary>
    public long[] ToArray() => _dims is null ? [] : (long[])_dims.Clone();

    /// <summary>The shape of a collection expression's elements.</summary>
    public static ShapeLike Create(ReadOnlySpan<long> dims) => new(dims.ToArray());

    /// <summary>A 1-d shape of <paramref name="size"/> elements.</summary>
    public static implicit operator ShapeLike(long size) => new([size]);

    /// <summary>A 1-d shape of <paramref name="size"/> elements.</summary>
    public static implicit operator ShapeLike(int size) => new([size]);

    /// <summary>The lengths of <paramref name="dims"/>, copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dims"/> is null.</exception>
    public static implicit operator ShapeLike(long[] dims) => new((long[])(dims ?? throw new ArgumentNullException(nameof(dims))).Clone());

    /// <summary>The lengths of <paramref name="dims"/>, widened and copied.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="dims"/> is null.</exception>
    public static implicit operator ShapeLike(int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        var wide = new long[dims.Length];
        for (int i = 0; i < dims.Length; i++)
            wide[i] = dims[i];
        return new(wide);
    }

    /// <inheritdoc/>
    public bool Equals(ShapeLike other) => Dims.SequenceEqual(other.Dims);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ShapeLike other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (long d in Dims)
            hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>The shape as NumPy prints a tuple: <c>(2, 3)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public override string ToString() => Layout.ShapeMath.Format(Dims);

    /// <summary>Equal lengths.</summary>
    public static bool operator ==(ShapeLike a, ShapeLike b) => a.Equals(b);

    /// <summary>Different lengths.</summary>
    public static bool operator !=(ShapeLike a, ShapeLike b) => !a.Equals(b);
}
