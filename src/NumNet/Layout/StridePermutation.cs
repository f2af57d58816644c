namespace NumNet.Layout;

/// <summary>Orders of axes derived from strides, as NumPy uses them for order 'K'.</summary>
internal static class StridePermutation
{
    /// <summary>
    /// Axes sorted by absolute stride, largest first; equal strides keep axis order. This is the memory order of
    /// the array from its outermost to its innermost axis.
    /// </summary>
    public static int[] ByAbsoluteStride(ReadOnlySpan<long> strides)
    {
        var perm = new int[strides.Length];
        for (int i = 0; i < perm.Length; i++)
            perm[i] = i;
        var s = strides.ToArray();
        // Insertion sort is stable and the dimension count is small.
        for (int i = 1; i < perm.Length; i++)
        {
            int p = perm[i];
            int j = i - 1;
            while (j >= 0 && Math.Abs(s[perm[j]]) < Math.Abs(s[p]))
            {
                perm[j + 1] = perm[j];
                j--;
            }
            perm[j + 1] = p;
        }
        return perm;
    }

    /// <summary>
    /// Strides of a fresh array laid out in the axis order <paramref name="perm"/> (outermost first). Like NumPy's
    /// "new like" layout, the running stride multiplies by every length, so axes outside an empty one get stride 0.
    /// </summary>
    public static long[] StridesForOrder(ReadOnlySpan<long> shape, ReadOnlySpan<int> perm, long itemSize)
    {
        var strides = new long[shape.Length];
        long stride = itemSize;
        for (int i = perm.Length - 1; i >= 0; i--)
        {
            strides[perm[i]] = stride;
            stride *= shape[perm[i]];
        }
        return strides;
    }

    /// <summary>NumPy's ISFORTRAN: F-contiguous and not C-contiguous.</summary>
    public static bool IsFortran(NDArray a) => a.IsFContiguous && !a.IsCContiguous;
}
