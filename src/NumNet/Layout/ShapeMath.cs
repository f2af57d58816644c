namespace NumNet.Layout;

/// <summary>Checks and arithmetic on shapes and byte strides, done once so nothing else has to repeat it.</summary>
internal static class ShapeMath
{
    /// <summary>NumPy 2's limit on the number of dimensions.</summary>
    public const int MaxDims = 64;

    /// <summary>Validates a shape and returns the number of elements.</summary>
    /// <exception cref="ArgumentException">A negative dimension, too many dimensions, or a size past what memory can address.</exception>
    public static long Size(ReadOnlySpan<long> shape)
    {
        CheckNDim(shape.Length);
        long size = 1;
        bool overflow = false;
        for (int i = 0; i < shape.Length; i++)
        {
            long d = shape[i];
            if (d < 0)
                throw new ArgumentException(FormattableString.Invariant($"negative dimensions are not allowed (dimension {i} is {d} in shape {Format(shape)})"), "shape");
            // NumPy checks the product even past a zero dimension, so a shape like (0, 2**62, 8) is still too big.
            if (d != 0 && size != 0 && size > long.MaxValue / d)
                overflow = true;
            size = unchecked(size * d);
        }
        if (overflow || Overflows(shape))
            throw new ArgumentException($"array is too big; shape {Format(shape)} has more elements than can be addressed", "shape");
        return size;
    }

    /// <summary>Validates a shape and that <c>size * itemsize</c> bytes are addressable.</summary>
    public static long CheckedByteSize(ReadOnlySpan<long> shape, int itemSize)
    {
        long size = Size(shape);
        if (itemSize > 0 && size > long.MaxValue / itemSize)
            throw new ArgumentException($"array is too big; shape {Format(shape)} of {itemSize}-byte items exceeds the addressable size", "shape");
        return size * itemSize;
    }

    private static bool Overflows(ReadOnlySpan<long> shape)
    {
        // The product of the non-zero dimensions must fit, as NumPy requires.
        Int128 p = 1;
        foreach (long d in shape)
        {
            if (d == 0)
                continue;
            p *= d;
            if (p > long.MaxValue)
                return true;
        }
        return false;
    }

    /// <summary>Rejects more than <see cref="MaxDims"/> dimensions.</summary>
    public static void CheckNDim(int ndim)
    {
        if (ndim > MaxDims)
            throw new ArgumentException($"maximum supported dimension for an ndarray is currently {MaxDims}, found {ndim}", "shape");
    }

    /// <summary>Contiguous strides for <paramref name="shape"/> in C or F order.</summary>
    public static long[] ContiguousStrides(ReadOnlySpan<long> shape, long itemSize, bool fortran)
    {
        var strides = new long[shape.Length];
        long s = itemSize;
        if (fortran)
        {
            for (int i = 0; i < shape.Length; i++)
            {
                strides[i] = s;
                s *= Math.Max(shape[i], 1);
            }
        }
        else
        {
            for (int i = shape.Length - 1; i >= 0; i--)
            {
                strides[i] = s;
                s *= Math.Max(shape[i], 1);
            }
        }
        return strides;
    }

    /// <summary>
    /// NumPy's contiguity flags: dimensions of length 1 do not constrain their stride, and an empty array is both.
    /// </summary>
    public static (bool C, bool F) Contiguity(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long itemSize)
    {
        foreach (long d in shape)
        {
            if (d == 0)
                return (true, true);
        }
        bool c = true;
        long expected = itemSize;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1)
                continue;
            if (strides[i] != expected)
            {
                c = false;
                break;
            }
            expected *= shape[i];
        }
        bool f = true;
        expected = itemSize;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 1)
                continue;
            if (strides[i] != expected)
            {
                f = false;
                break;
            }
            expected *= shape[i];
        }
        return (c, f);
    }

    /// <summary>
    /// The lowest and one-past-highest byte offsets any element occupies, relative to the array's offset;
    /// (0, 0) for an empty array.
    /// </summary>
    public static (Int128 Low, Int128 High) Extent(ReadOnlySpan<long> shape, ReadOnlySpan<long> strides, long itemSize)
    {
        Int128 low = 0, high = 0;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == 0)
                return (0, 0);
            Int128 span = (Int128)strides[i] * (shape[i] - 1);
            if (span < 0) low += span; else high += span;
        }
        return (low, high + itemSize);
    }

    /// <summary>Python's tuple text for a shape: "(2, 3)", "(5,)", "()".</summary>
    public static string Format(ReadOnlySpan<long> shape) =>
        shape.Length == 1 ? FormattableString.Invariant($"({shape[0]},)") : "(" + string.Join(", ", Invariant(shape)) + ")";

    // Lengths as text whatever the current culture (a negative one must not print with U+2212).
    private static IEnumerable<string> Invariant(ReadOnlySpan<long> values)
    {
        var text = new string[values.Length];
        for (int i = 0; i < values.Length; i++)
            text[i] = values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        return text;
    }

    /// <summary>Normalises a possibly negative axis, rejecting one out of range as NumPy's AxisError does.</summary>
    public static int NormalizeAxis(long axis, int ndim, string paramName = "axis")
    {
        if (axis < -ndim || axis >= ndim)
            throw new ArgumentOutOfRangeException(paramName, axis, $"axis {axis} is out of bounds for array of dimension {ndim}");
        return (int)(axis < 0 ? axis + ndim : axis);
    }
}
