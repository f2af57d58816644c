using System.Collections;

namespace NumNet;

public sealed partial class NDArray : IReadOnlyCollection<NDArray>
{
    /// <summary>
    /// The length of the first dimension (Python's <c>len(a)</c>): the number of rows <c>foreach</c> visits.
    /// </summary>
    /// <exception cref="InvalidOperationException">The array is 0-d (NumPy's TypeError "len() of unsized object").</exception>
    public long Length => _shape.Length > 0 ? _shape[0] : throw new InvalidOperationException("len() of unsized object: a 0-d array has no length");

    /// <summary>The number of rows, as <see cref="Length"/>; for collections and LINQ (an int: at most int.MaxValue rows).</summary>
    /// <exception cref="InvalidOperationException">The array is 0-d, or has more rows than an int counts.</exception>
    int IReadOnlyCollection<NDArray>.Count => checked((int)Length);

    /// <summary>
    /// The rows, first dimension first, as NumPy iterates an array: views <c>a[0]</c>, <c>a[1]</c>, … (0-d views for a
    /// 1-d array; read their value with <see cref="Item()"/>). The shape is read once, so the rows are those of the
    /// array as it was when the loop began.
    /// </summary>
    /// <exception cref="InvalidOperationException">The array is 0-d (NumPy's TypeError "iteration over a 0-d array").</exception>
    public IEnumerator<NDArray> GetEnumerator()
    {
        if (_shape.Length == 0)
            throw new InvalidOperationException("iteration over a 0-d array");
        return Rows(_shape[0]);
    }

    private IEnumerator<NDArray> Rows(long count)
    {
        for (long i = 0; i < count; i++)
            yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
