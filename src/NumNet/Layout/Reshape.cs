namespace NumNet.Layout;

/// <summary>
/// Whether a new shape can be laid over an array's existing memory (a view) or needs a copy, and the strides of the
/// view when it can. The decision is NumPy's: contiguous groups of old dimensions may be split or merged freely.
/// </summary>
internal static class Reshape
{
    /// <summary>
    /// Replaces a single -1 in <paramref name="shape"/> by the length that keeps <paramref name="size"/> elements.
    /// </summary>
    /// <exception cref="ArgumentException">More than one -1, another negative length, or a size mismatch.</exception>
    public static long[] ResolveUnknown(ReadOnlySpan<long> shape, long size)
    {
        var result = shape.ToArray();
        int unknown = -1;
        long known = 1;
        bool overflow = false;
        for (int i = 0; i < result.Length; i++)
        {
            if (result[i] == -1)
            {
                if (unknown >= 0)
                    throw new ArgumentException("can only specify one unknown dimension", "shape");
                unknown = i;
            }
            else if (result[i] < 0)
            {
                throw new ArgumentException($"negative dimensions not allowed (got {result[i]} in {ShapeMath.Format(shape)})", "shape");
            }
            else
            {
                if (result[i] != 0 && known > long.MaxValue / result[i])
                    overflow = true;
                known = unchecked(known * result[i]);
            }
        }
        if (overflow)
            throw new ArgumentException($"dimensions {ShapeMath.Format(shape)} are too large", "shape");
        if (unknown >= 0)
        {
            if (known == 0 || size % known != 0)
                Internal.ThrowHelper.CannotReshape(size, shape);
            result[unknown] = size / known;
        }
        else if (known != size)
        {
            Internal.ThrowHelper.CannotReshape(size, shape);
        }
        ShapeMath.CheckNDim(result.Length);
        return result;
    }

    /// <summary>
    /// Strides that let <paramref name="newShape"/> view the memory of an array with <paramref name="oldShape"/> and
    /// <paramref name="oldStrides"/>, reading elements in C or F order; null when no view exists.
    /// </summary>
    public static long[]? TryViewStrides(ReadOnlySpan<long> oldShape, ReadOnlySpan<long> oldStrides, ReadOnlySpan<long> newShape, long itemSize, bool fortran)
    {
        // Dimensions of length 1 carry no layout information: drop them from the old side.
        var dims = new List<long>(oldShape.Length);
        var strides = new List<long>(oldShape.Length);
        for (int i = 0; i < oldShape.Length; i++)
        {
            if (oldShape[i] != 1)
            {
                dims.Add(oldShape[i]);
                strides.Add(oldStrides[i]);
            }
        }
        var result = new long[newShape.Length];
        int oi = 0, oj = 1, ni = 0, nj = 1;
        int oldN = dims.Count, newN = newShape.Length;
        while (ni < newN && oi < oldN)
        {
            long np = newShape[ni];
            long op = dims[oi];
            // Grow whichever side is smaller until both groups hold the same number of elements.
            while (np != op)
            {
                if (np < op)
                {
                    if (nj >= newN) return null;
                    np *= newShape[nj++];
                }
                else
                {
                    if (oj >= oldN) return null;
                    op *= dims[oj++];
                }
            }
            // The old dimensions of the group must be contiguous with each other in the reading order.
            for (int k = oi; k < oj - 1; k++)
            {
                bool contiguous = fortran
                    ? strides[k + 1] == dims[k] * strides[k]
                    : strides[k] == dims[k + 1] * strides[k + 1];
                if (!contiguous)
                    return null;
            }
            if (fortran)
            {
                result[ni] = strides[oi];
                for (int k = ni + 1; k < nj; k++)
                    result[k] = result[k - 1] * newShape[k - 1];
            }
            else
            {
                result[nj - 1] = strides[oj - 1];
                for (int k = nj - 1; k > ni; k--)
                    result[k - 1] = result[k] * newShape[k];
            }
            ni = nj++;
            oi = oj++;
        }
        // Trailing new dimensions of length 1 take the stride that would follow the last one.
        long last = ni >= 1 ? result[ni - 1] : itemSize;
        if (fortran && ni >= 1)
            last *= newShape[ni - 1];
        for (int k = ni; k < newN; k++)
            result[k] = last;
        return result;
    }
}
