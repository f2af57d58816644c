using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// Stage 3 of the coercion pipeline, for inputs that already are arrays: returns the input itself, a view of it, or
/// a cast copy, from the dtype, order and copy mode, in one place. Order C and F require that contiguity; A and K
/// accept any layout. <c>copy: false</c> that cannot be honoured is an error, as in NumPy 2.
/// </summary>
internal static class Decide
{
    /// <summary>NumPy 2's message when <c>copy=False</c> cannot be honoured.</summary>
    public const string NoCopyMessage = "Unable to avoid copy while creating an array as requested.";

    /// <summary>The result for array input <paramref name="array"/>.</summary>
    /// <param name="array">The input array, or the array an array-like converted to.</param>
    /// <param name="requested">The caller's dtype.</param>
    /// <param name="order">The caller's order.</param>
    /// <param name="copy">The caller's copy mode.</param>
    /// <param name="fromArrayLike">
    /// True when <paramref name="array"/> came from an array-like (NumPy's <c>PyArray_FromArray</c>): an equivalent
    /// dtype then keeps the array as it is; only an ndarray input gets the identity rule (a dtype spelled anew is a view).
    /// </param>
    /// <exception cref="ArgumentException"><paramref name="copy"/> is false and a copy is needed.</exception>
    public static NDArray FromArray(NDArray array, RequestedDType requested, MemoryOrder order, bool? copy, bool fromArrayLike = false)
    {
        var target = requested.DType is null ? array.DType : requested.AdaptTo(array);
        // A text request still unsized after adapting (an object array whose texts are all empty) takes the source's
        // item size, as PyArray_FromArray does (numpy/_core/src/multiarray/ctors.c: newtype->elsize = oldtype->elsize):
        // the 8-byte object slots give <U2 and |S8. astype sizes such a result as one character instead.
        if (target.ItemSize == 0 && target.Code is DTypeCode.Unicode or DTypeCode.Bytes && array.DType.IsObject)
            target = target.WithLength(target.Code == DTypeCode.Unicode ? array.DType.ItemSize / 4 : array.DType.ItemSize);
        bool sameValues = target == array.DType;
        bool layoutFits = order switch
        {
            MemoryOrder.C => array.IsCContiguous,
            MemoryOrder.F => array.IsFContiguous,
            _ => true,
        };
        if (sameValues && layoutFits && copy != true)
        {
            // NumPy returns the input only when the descriptor it would use is the array's own object: the array's when
            // none or an unsized one (S, M8) was asked for, and the shared builtin one for a native, unsized spelling.
            // Anything spelled anew (another name such as 'q' for 'l', a size, a unit, a byte order) is a view.
            if (fromArrayLike || (target.Char == array.DType.Char && (!requested.IsComplete || IsSharedDescriptor(target))))
                return array;
            return array.View(array.Offset, (long[])array.ShapeRef.Clone(), (long[])array.StridesRef.Clone(), target);
        }
        if (copy == false)
            throw new ArgumentException(NoCopyMessage, nameof(copy));
        // A plain copy reads A as "F if Fortran-ordered, else C"; a cast keeps the layout unless Fortran-ordered.
        if (order == MemoryOrder.A && !sameValues)
            order = StridePermutation.IsFortran(array) ? MemoryOrder.F : MemoryOrder.K;
        // An ndarray whose dtype needs no cast is copied with its own descriptor (_array_fromobject_generic in
        // numpy/_core/src/multiarray/multiarraymodule.c: PyArray_NewCopy, then descr = oldtype): 'q' asked of an
        // 'l' array copies as 'l'.
        if (sameValues && !fromArrayLike)
            target = array.DType;
        return Casting.CastEngine.Cast(array, target, order);
    }

    // NumPy's builtin descriptors that every spelling of the dtype returns: native order, no size, no unit.
    private static bool IsSharedDescriptor(DType dtype) => dtype.IsNative && !dtype.IsFlexible && dtype.DateTimeMeta is null;

    /// <summary>
    /// <c>ndmin</c>: a view with ones prepended until the array has <paramref name="ndmin"/> dimensions. The new
    /// dimensions step by the item size for Fortran-ordered results, else by the whole first dimension.
    /// </summary>
    public static NDArray PrependOnes(NDArray array, int ndmin, MemoryOrder order)
    {
        int nd = array.NDim;
        if (ndmin <= nd)
            return array;
        bool fortran = order == MemoryOrder.F || StridePermutation.IsFortran(array) || nd == 0;
        long stride = fortran ? array.ItemSize : array.StridesRef[0] * array.ShapeRef[0];
        int extra = ndmin - nd;
        var shape = new long[ndmin];
        var strides = new long[ndmin];
        for (int i = 0; i < ndmin; i++)
        {
            shape[i] = i < extra ? 1 : array.ShapeRef[i - extra];
            strides[i] = i < extra ? stride : array.StridesRef[i - extra];
        }
        return array.View(array.Offset, shape, strides);
    }
}
