namespace NumNet.Layout;

/// <summary>
/// NumPy's broadcasting of one array onto a target shape, as assignment uses it (<c>np.copyto</c>, <c>a[...] = v</c>,
/// <c>np.full</c>): the value's dimensions line up with the target's trailing ones; a value dimension of 1 repeats
/// through a zero stride; extra leading value dimensions must be 1.
/// </summary>
internal static class Broadcast
{
    /// <summary>A view of <paramref name="value"/> with exactly <paramref name="shape"/>, sharing its memory.</summary>
    /// <exception cref="ArgumentException">The shapes do not broadcast (NumPy's ValueError, with its message).</exception>
    public static NDArray To(NDArray value, long[] shape)
    {
        var valueShape = value.ShapeRef;
        if (valueShape.AsSpan().SequenceEqual(shape))
            return value;
        int lead = shape.Length - valueShape.Length;
        var strides = new long[shape.Length];
        bool fits = true;
        // Extra leading dimensions of the value must be 1 (NumPy drops them).
        for (int j = 0; j < -lead; j++)
            fits &= valueShape[j] == 1;
        for (int i = 0; i < shape.Length && fits; i++)
        {
            int j = i - lead;
            if (j < 0 || valueShape[j] == 1)
                continue;
            fits = valueShape[j] == shape[i];
            strides[i] = value.StridesRef[j];
        }
        if (!fits)
            throw new ArgumentException($"could not broadcast input array from shape {Format(valueShape)} into shape {Format(shape)}");
        return value.View(value.Offset, (long[])shape.Clone(), strides);
    }

    // A shape as NumPy's broadcast errors write it: (2,) and (2,3), without spaces.
    private static string Format(long[] shape) =>
        "(" + string.Join(",", shape.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture))) + (shape.Length == 1 ? ",)" : ")");
}
