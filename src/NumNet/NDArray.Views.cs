using NumNet.Layout;
using NumNet.Memory;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// Basic indexing, always a view: integers (or <see cref="Index"/>, <c>^1</c>) drop a dimension, <see cref="Slice"/>
    /// and <see cref="Range"/> (<c>1..3</c>) select along one, <see cref="IndexMarker.NewAxis"/> (or null) inserts a
    /// dimension of length 1, <see cref="IndexMarker.Ellipsis"/> fills in the rest. A full integer index gives a 0-d
    /// view; read its value with <see cref="Item()"/> or <see cref="GetItem{T}(ReadOnlySpan{long})"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is out of range, or too many indices.</exception>
    /// <remarks>
    /// <para>
    /// Setting writes into that view as NumPy's <c>a[index] = value</c> does: <c>a[1.., ..2] = 0.0</c>,
    /// <c>a[0] = np.asarray(row)</c>. An array value is broadcast to the view's shape and cast with the <c>unsafe</c>
    /// rule (see <see cref="np.copyto(NDArray, object?, CastingLike?)"/> for a checked cast); a .NET number or string is
    /// stored as NumPy stores a Python scalar.
    /// </para>
    /// <para>
    /// NumPy's index text works too, alone: <c>a["::2, 1, ..., None"]</c>. <c>a[null]</c> is <c>a[None]</c>, a new axis
    /// in front (one indexer for every spelling, so that <c>null</c> is not ambiguous between two).
    /// </para>
    /// </remarks>
    [System.Runtime.CompilerServices.IndexerName("Indexer")]
    public NDArray this[params object?[]? index]
    {
        get
        {
            var (offset, shape, strides) = BasicIndexing.Apply(this, Normalize(index));
            return View(offset, shape, strides);
        }
        set => AssignTo(this[index], value);
    }

    // The forms C# hands the indexer that are not a list of index items: a[null] arrives as a null list (C# passes
    // the null as the params array itself), a["1:, ::2"] as a list holding one string.
    private static object?[] Normalize(object?[]? index) => index switch
    {
        null => [null],
        [string text] => BasicIndexing.Parse(text),
        _ => index,
    };

    /// <summary>The transpose, a view with the axes reversed (NumPy's <c>T</c>).</summary>
    public NDArray T => Transpose();

    /// <summary>
    /// A view with the axes permuted (NumPy's <c>transpose(axes)</c>); with no axes, reversed. Negative axes count
    /// from the end.
    /// </summary>
    /// <exception cref="ArgumentException">The axes are not a permutation of the array's axes.</exception>
    public NDArray Transpose(params int[] axes)
    {
        int n = NDim;
        int[] perm;
        if (axes.Length == 0)
        {
            perm = new int[n];
            for (int i = 0; i < n; i++)
                perm[i] = n - 1 - i;
        }
        else
        {
            if (axes.Length != n)
                throw new ArgumentException($"axes don't match array: {axes.Length} axes for {n} dimensions", nameof(axes));
            perm = new int[n];
            var seen = new bool[n];
            for (int i = 0; i < n; i++)
            {
                int a = ShapeMath.NormalizeAxis(axes[i], n, nameof(axes));
                if (seen[a])
                    throw new ArgumentException($"repeated axis in transpose: {axes[i]}", nameof(axes));
                seen[a] = true;
                perm[i] = a;
            }
        }
        var shape = new long[n];
        var strides = new long[n];
        for (int i = 0; i < n; i++)
        {
            shape[i] = _shape[perm[i]];
            strides[i] = _strides[perm[i]];
        }
        return View(_offset, shape, strides);
    }

    /// <summary>A view with two axes exchanged (NumPy's <c>swapaxes</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">An axis is out of range.</exception>
    public NDArray SwapAxes(int axis1, int axis2)
    {
        int a = ShapeMath.NormalizeAxis(axis1, NDim, nameof(axis1));
        int b = ShapeMath.NormalizeAxis(axis2, NDim, nameof(axis2));
        var perm = Enumerable.Range(0, NDim).ToArray();
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return Transpose(perm);
    }

    /// <summary>The same elements in a new shape, read in C order; a view when the memory allows, else a copy. One length may be -1.</summary>
    /// <exception cref="ArgumentException">The new shape holds a different number of elements.</exception>
    public NDArray Reshape(params long[] shape) => Reshape(shape, MemoryOrder.C);

    /// <summary>
    /// The same elements in a new shape (NumPy's <c>reshape(shape, order)</c>): elements are read and placed in
    /// <paramref name="order"/> (C, F, or A: F for Fortran-ordered arrays). A view when the memory allows, else a copy.
    /// </summary>
    /// <exception cref="ArgumentException">The new shape holds a different number of elements, or order K.</exception>
    public NDArray Reshape(long[] shape, MemoryOrder order)
    {
        if (order == MemoryOrder.K)
            throw new ArgumentException("order 'K' is not permitted for reshaping", nameof(order));
        if (order == MemoryOrder.A)
            order = StridePermutation.IsFortran(this) ? MemoryOrder.F : MemoryOrder.C;
        if (shape.Length == NDim && shape.AsSpan().SequenceEqual(_shape))
            return View(_offset, (long[])_shape.Clone(), (long[])_strides.Clone());
        var newShape = Layout.Reshape.ResolveUnknown(shape, _size);
        bool fortran = order == MemoryOrder.F;
        bool contiguousInOrder = fortran ? IsFContiguous : IsCContiguous;
        long[]? strides = contiguousInOrder ? null : Layout.Reshape.TryViewStrides(_shape, _strides, newShape, ItemSize, fortran);
        NDArray source = this;
        if (!contiguousInOrder && strides is null)
        {
            // No view exists: copy in the reading order, then view the copy.
            source = Copy(order);
        }
        strides ??= ShapeMath.ContiguousStrides(newShape, ItemSize, fortran);
        return source.View(source._offset, newShape, strides);
    }

    /// <summary>
    /// A 1-d array of the elements read in <paramref name="order"/> (NumPy's <c>ravel</c>): a view when the elements
    /// already lie in memory in that order, otherwise a copy.
    /// </summary>
    public NDArray Ravel(MemoryOrder order = MemoryOrder.C)
    {
        if (order == MemoryOrder.A)
            order = StridePermutation.IsFortran(this) ? MemoryOrder.F : MemoryOrder.C;
        else if (order == MemoryOrder.K)
            order = IsCContiguous ? MemoryOrder.C : IsFContiguous ? MemoryOrder.F : MemoryOrder.K;

        if ((order == MemoryOrder.C && IsCContiguous) || (order == MemoryOrder.F && IsFContiguous))
            return Reshape([-1], order);
        if (order == MemoryOrder.K && TryKeepOrderView() is { } view)
            return view;
        return Flatten(order);
    }

    /// <summary>Ravel as a string order: "C", "F", "A" or "K".</summary>
    public NDArray Ravel(string order) => Ravel(MemoryOrders.Parse(order, MemoryOrder.C));

    // Order K: the elements form one contiguous run in memory if, sorted by stride, each stride is the size of what
    // lies inside it.
    private NDArray? TryKeepOrderView()
    {
        var perm = StridePermutation.ByAbsoluteStride(_strides);
        long stride = ItemSize;
        for (int i = perm.Length - 1; i >= 0; i--)
        {
            long dim = _shape[perm[i]];
            if (dim == 1)
                continue;
            if (_strides[perm[i]] != stride)
                return null;
            stride *= dim;
        }
        return View(_offset, [_size], [ItemSize]);
    }

    /// <summary>A new 1-d copy of the elements read in <paramref name="order"/> (NumPy's <c>flatten</c>, default C).</summary>
    public NDArray Flatten(MemoryOrder order = MemoryOrder.C)
    {
        int[] perm = TraversalOrder(order);
        var result = Allocate(_dtype, [_size], [ItemSize], zero: false);
        if (_size == 0)
            return result;
        // View the fresh 1-d buffer with this array's shape, laid out in traversal order, and copy into it.
        using var target = new NDArray(_dtype, result._buffer, 0, (long[])_shape.Clone(),
            StridePermutation.StridesForOrder(_shape, perm, ItemSize), result);
        StridedCopy.Copy(this, target);
        return result;
    }

    /// <summary>Flatten with a string order: "C", "F", "A" or "K".</summary>
    public NDArray Flatten(string order) => Flatten(MemoryOrders.Parse(order, MemoryOrder.C));

    /// <summary>
    /// A copy that owns its memory (NumPy's <c>ndarray.copy(order)</c>, default C). Order K keeps this array's
    /// memory layout, with negative strides made positive; A means F for Fortran-ordered arrays, else C.
    /// </summary>
    public NDArray Copy(MemoryOrder order = MemoryOrder.C)
    {
        var result = Allocate(_dtype, (long[])_shape.Clone(), NewLikeStrides(order), zero: false);
        StridedCopy.Copy(this, result);
        return result;
    }

    /// <summary>Copy with a string order: "C", "F", "A" or "K".</summary>
    public NDArray Copy(string order) => Copy(MemoryOrders.Parse(order, MemoryOrder.C));

    /// <summary>
    /// The strides a new array like this one gets for <paramref name="order"/> (NumPy's new-like layout), for elements of
    /// <paramref name="itemSize"/> bytes (this array's by default; another when the new array has another dtype).
    /// </summary>
    internal long[] NewLikeStrides(MemoryOrder order, int? itemSize = null)
    {
        int size = itemSize ?? ItemSize;
        switch (order)
        {
            case MemoryOrder.A:
                order = StridePermutation.IsFortran(this) ? MemoryOrder.F : MemoryOrder.C;
                break;
            case MemoryOrder.K when IsCContiguous || NDim <= 1:
                order = MemoryOrder.C;
                break;
            case MemoryOrder.K when IsFContiguous:
                order = MemoryOrder.F;
                break;
        }
        if (order == MemoryOrder.K)
            return StridePermutation.StridesForOrder(_shape, StridePermutation.ByAbsoluteStride(_strides), size);
        return ShapeMath.ContiguousStrides(_shape, size, order == MemoryOrder.F);
    }

    /// <summary>The axes from outermost to innermost for reading elements in <paramref name="order"/>.</summary>
    private int[] TraversalOrder(MemoryOrder order)
    {
        int n = NDim;
        if (order == MemoryOrder.A)
            order = StridePermutation.IsFortran(this) ? MemoryOrder.F : MemoryOrder.C;
        return order switch
        {
            MemoryOrder.C => Enumerable.Range(0, n).ToArray(),
            MemoryOrder.F => Enumerable.Range(0, n).Reverse().ToArray(),
            _ => StridePermutation.ByAbsoluteStride(_strides),
        };
    }

    /// <summary>A new array that owns its memory, with the given layout.</summary>
    internal static NDArray Allocate(DType dtype, long[] shape, long[] strides, bool zero)
    {
        long bytes = ShapeMath.CheckedByteSize(shape, dtype.ItemSize);
        long size = dtype.ItemSize > 0 ? bytes / dtype.ItemSize : ShapeMath.Size(shape);
        var buffer = ArrayAllocator.Allocate(dtype, size, zero);
        // NumPy gives every new array of zero bytes all-zero strides.
        if (bytes == 0)
            strides = new long[shape.Length];
        long offset = 0;
        if (size > 0)
        {
            var (low, _) = ShapeMath.Extent(shape, strides, dtype.ItemSize);
            offset = (long)(-low);
        }
        return new NDArray(dtype, buffer, offset, shape, strides, null);
    }

    /// <summary>A new C- or F-ordered array that owns its memory.</summary>
    internal static NDArray Allocate(DType dtype, long[] shape, MemoryOrder order, bool zero)
    {
        // Validate before computing strides, so a bad shape is reported as such rather than as odd strides.
        ShapeMath.CheckNDim(shape.Length);
        return Allocate(dtype, shape, ShapeMath.ContiguousStrides(shape, dtype.ItemSize, order == MemoryOrder.F), zero);
    }
}
