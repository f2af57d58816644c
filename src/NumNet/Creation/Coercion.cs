using NumNet.Layout;

namespace NumNet.Creation;

/// <summary>
/// The coercion pipeline behind <c>np.asarray</c> and <c>np.array</c>: classify, then either decide about an
/// existing array (same object, view or copy) or discover, allocate and fill a new one.
/// </summary>
internal static class Coercion
{
    /// <summary>Converts <paramref name="obj"/> with the caller's dtype, order and copy mode.</summary>
    public static NDArray AsArray(object? obj, DType? dtype, MemoryOrder order, bool? copy)
    {
        var requested = RequestedDType.For(dtype);
        obj = ArrayLikeAdapters.Translate(obj, dtype, copy);
        // A bare NumPy scalar is packed as an element is, except where NumPy casts it as a 0-d array.
        if (obj is IArrayConvertible convertible && obj is not NDArray && !(obj is NumPyScalar && ScalarPack.PacksBare(dtype)))
        {
            // The object was told about the copy mode; a copy it already made must not be made again.
            var converted = convertible.ToNDArray(dtype, copy)
                ?? throw new InvalidOperationException($"{obj.GetType().Name}.ToNDArray returned null");
            return Decide.FromArray(converted, requested, order, copy == true ? null : copy, fromArrayLike: true);
        }
        if (obj is not null && TypedSources.TryCreate(obj, requested, order, copy) is { } typed)
            return typed;
        var classifier = new Classifier(dtype);
        // An object[] or List<object?> is a sequence, never an array; it is not resolved before the fast path for boxed
        // rows, which reads it once in place, since resolving copies a List<object?> (8 MB for a million items).
        if (!BoxedRows.IsTopLevelType(obj) && classifier.Resolve(obj) is { Kind: NodeKind.Array } node)
            return Decide.FromArray(node.Array!, requested, order, copy);
        if (copy == false)
        {
            // NumPy discovers the dtype and shape first (PyArray_FromAny_int, ctors.c: PyArray_DiscoverDTypeAndShape,
            // then the NPY_COPY_NEVER refusal), so a ragged sequence or a promotion that fails is told before it.
            Discoverer.Run(obj, requested, classifier);
            throw new ArgumentException(Decide.NoCopyMessage, nameof(copy));
        }
        if (BoxedRows.TryCreate(obj, requested, order) is { } boxed)
            return boxed;
        var discovered = Discoverer.Run(obj, requested, classifier);
        var result = Allocate.For(discovered, order);
        try
        {
            Filler.Run(result, obj, classifier);
        }
        catch
        {
            // Partly filled and never seen by the caller: its memory goes back now, not at finalization.
            result.Dispose();
            throw;
        }
        return result;
    }
}
