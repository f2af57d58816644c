using NumNet.Layout;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// <c>np.empty_like(prototype, dtype, order='K', shape)</c>: a new array with the prototype's shape and dtype (or
    /// those given), laid out as the prototype is for order K (its axis order by stride), and not initialised.
    /// </summary>
    /// <param name="prototype">The array whose shape, dtype and layout the result follows.</param>
    /// <param name="dtype">Overrides the dtype.</param>
    /// <param name="order">"C", "F", "A" (F when the prototype is Fortran-ordered) or "K" (keep its layout).</param>
    /// <param name="shape">Overrides the shape; a different number of dimensions makes order K mean C.</param>
    /// <exception cref="ArgumentException">A bad order or shape.</exception>
    public static NDArray empty_like(NDArray prototype, DType? dtype = null, OrderLike? order = null, ShapeLike? shape = null) =>
        NewLike(prototype, dtype, order, shape, zero: false);

    /// <summary><c>np.zeros_like(a, dtype, order='K', shape)</c>: as <see cref="empty_like"/>, filled with zeros.</summary>
    /// <inheritdoc cref="empty_like"/>
    public static NDArray zeros_like(NDArray prototype, DType? dtype = null, OrderLike? order = null, ShapeLike? shape = null) =>
        NewLike(prototype, dtype, order, shape, zero: true);

    /// <summary><c>np.ones_like(a, dtype, order='K', shape)</c>: as <see cref="empty_like"/>, filled with ones.</summary>
    /// <inheritdoc cref="empty_like"/>
    public static NDArray ones_like(NDArray prototype, DType? dtype = null, OrderLike? order = null, ShapeLike? shape = null) =>
        full_like(prototype, 1L, dtype, order, shape);

    /// <summary>
    /// <c>np.full_like(a, fillValue, dtype, order='K', shape)</c>: as <see cref="empty_like"/>, with every element
    /// <paramref name="fillValue"/> converted to the result's dtype (the prototype's unless given), as an unsafe cast does.
    /// </summary>
    /// <inheritdoc cref="empty_like"/>
    /// <param name="prototype">The array whose shape, dtype and layout the result follows.</param>
    /// <param name="fillValue">The value of every element.</param>
    /// <param name="dtype">Overrides the dtype.</param>
    /// <param name="order">"C", "F", "A" or "K".</param>
    /// <param name="shape">Overrides the shape.</param>
    public static NDArray full_like(NDArray prototype, object? fillValue, DType? dtype = null, OrderLike? order = null, ShapeLike? shape = null)
    {
        ArgumentNullException.ThrowIfNull(prototype);
        return Filled(fillValue, dtype ?? prototype.DType, d => NewLike(prototype, d, order, shape, zero: false));
    }

    private static NDArray NewLike(NDArray prototype, DType? dtype, OrderLike? order, ShapeLike? shape, bool zero)
    {
        ArgumentNullException.ThrowIfNull(prototype);
        var d = dtype ?? prototype.DType;
        var memoryOrder = Order(order, MemoryOrder.K);
        if (shape is null)
            return NDArray.Allocate(d, prototype.Shape, prototype.NewLikeStrides(memoryOrder, d.ItemSize), zero);
        var newShape = shape.Value.ToArray();
        ShapeMath.CheckNDim(newShape.Length);
        if (newShape.Length != prototype.NDim && memoryOrder is MemoryOrder.K or MemoryOrder.A)
            memoryOrder = MemoryOrder.C;
        if (memoryOrder is MemoryOrder.C or MemoryOrder.F)
            return NDArray.Allocate(d, newShape, memoryOrder, zero);
        // Same number of dimensions: lay the new shape out in the prototype's axis order.
        var template = prototype.NewLikeStrides(memoryOrder, d.ItemSize);
        return NDArray.Allocate(d, newShape, StridePermutation.StridesForOrder(newShape, StridePermutation.ByAbsoluteStride(template), d.ItemSize), zero);
    }

    /// <summary>
    /// <c>np.asarray_chkfinite(a, dtype, order)</c>: <see cref="asarray(object?, DType?, OrderLike?, string?, bool?, object?)"/>,
    /// then a check that no element of a float or complex result is NaN or infinite.
    /// </summary>
    /// <exception cref="ArgumentException">"array must not contain infs or NaNs", or asarray's own errors.</exception>
    public static NDArray asarray_chkfinite(object? a, DType? dtype = null, OrderLike? order = null)
    {
        var result = asarray(a, dtype, order);
        if (result.DType.Kind is 'f' or 'c' && !AllFinite(result))
            throw new ArgumentException("array must not contain infs or NaNs", nameof(a));
        return result;
    }

    private static bool AllFinite(NDArray a)
    {
        // float128 and complex256 hold values beyond double's range, so they are read at their own precision; every
        // other float or complex widens to float64 / complex128 without changing finiteness. Complex parts are read as
        // pairs of reals through a flat view of a C-ordered copy.
        bool extended = a.DType.Code is DTypeCode.Float128 or DTypeCode.Complex256;
        var wide = extended ? a.AsType(a.DType.AsNative(), MemoryOrder.C)
            : a.AsType(a.DType.Kind == 'c' ? complex128 : float64, MemoryOrder.C);
        using (wide)
        {
            var reals = frombuffer(wide, extended ? float128 : float64);
            for (long i = 0; i < reals.Size; i++)
            {
                bool finite = extended ? LongDouble.IsFinite(reals.GetItem<LongDouble>(i)) : double.IsFinite(reals.GetItem<double>(i));
                if (!finite)
                    return false;
            }
        }
        return true;
    }
}
