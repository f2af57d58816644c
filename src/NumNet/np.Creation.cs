using System.Numerics.Tensors;
using NumNet.Creation;
using NumNet.Layout;

namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// <c>np.asarray(a, dtype, order, device, copy, like)</c>: <paramref name="a"/> as an array, without copying when
    /// it already is one of the right dtype and order. Accepts an <see cref="NDArray"/> (returned itself when it fits),
    /// scalars (0-d result), typed .NET arrays and memory (<c>double[]</c>, <c>float[,]</c>, <c>Memory&lt;T&gt;</c>:
    /// zero-copy views of the caller's memory when no conversion is needed), <see cref="IArrayInterface"/>,
    /// <see cref="IArrayConvertible"/>, <c>Tensor&lt;T&gt;</c>, and nested sequences (lists, arrays, tuples, any
    /// enumerable) whose shape and dtype are discovered as NumPy does.
    /// </summary>
    /// <param name="a">The input.</param>
    /// <param name="dtype">The element type (a <see cref="DType"/>, a spelling such as <c>"float32"</c>, or a .NET type); null discovers it.</param>
    /// <param name="order">"C", "F", "A" or "K" (any case); null is K: keep the input's layout where one exists.</param>
    /// <param name="device">null or "cpu".</param>
    /// <param name="copy">true: always copy; null: copy only if needed; false: never copy (an error if one is needed).</param>
    /// <param name="like">null, an <see cref="NDArray"/>, or an <see cref="IArrayFunction"/> that takes the call over.</param>
    /// <returns>The array.</returns>
    /// <exception cref="ArgumentException">
    /// Bad order, device or like; <paramref name="copy"/> false when a copy is needed; ragged input (unless dtype is
    /// object), input nested deeper than 64 levels or containing itself; text that does not parse as the dtype.
    /// </exception>
    /// <exception cref="OverflowException">A Python int (<see cref="System.Numerics.BigInteger"/>) or float that does not fit an integer dtype.</exception>
    /// <exception cref="InvalidCastException">A value the dtype cannot take (None or complex into a number).</exception>
    public static NDArray asarray(object? a, DType? dtype = null, OrderLike? order = null, string? device = null, bool? copy = null, object? like = null)
    {
        CheckDevice(device);
        if (Forward(like, "asarray", new() { ["a"] = a, ["dtype"] = dtype, ["order"] = order?.Text, ["device"] = device, ["copy"] = copy }) is { } forwarded)
            return forwarded;
        return Coercion.AsArray(a, dtype, Order(order, MemoryOrder.K), copy);
    }

    /// <summary>
    /// <c>np.array(object, dtype, copy, order, subok, ndmin, like)</c>: like <see cref="asarray(object?, DType?, OrderLike?, string?, bool?, object?)"/>
    /// but copying by default, and with <paramref name="ndmin"/>.
    /// </summary>
    /// <param name="obj">The input.</param>
    /// <param name="dtype">The element type; null discovers it.</param>
    /// <param name="copy">true (default): always copy; null: only if needed; false: never.</param>
    /// <param name="order">"C", "F", "A" or "K" (default).</param>
    /// <param name="subok">Accepted for NumPy compatibility; NumNet has no array subclasses.</param>
    /// <param name="ndmin">Minimum number of dimensions: ones are prepended to the shape (a view).</param>
    /// <param name="like">null, an <see cref="NDArray"/>, or an <see cref="IArrayFunction"/> that takes the call over.</param>
    /// <returns>The array.</returns>
    /// <exception cref="ArgumentException">As for asarray, or <paramref name="ndmin"/> above 64.</exception>
    /// <exception cref="OverflowException">A value that does not fit an integer dtype.</exception>
    /// <exception cref="InvalidCastException">A value the dtype cannot take.</exception>
    public static NDArray array(object? obj, DType? dtype = null, bool? copy = true, OrderLike? order = null, bool subok = false, int ndmin = 0, object? like = null)
    {
        if (Forward(like, "array", new() { ["object"] = obj, ["dtype"] = dtype, ["copy"] = copy, ["order"] = order?.Text ?? "K", ["subok"] = subok, ["ndmin"] = ndmin }) is { } forwarded)
            return forwarded;
        if (ndmin > ShapeMath.MaxDims)
            throw new ArgumentException($"ndmin must be <= ndmax ({ShapeMath.MaxDims})", nameof(ndmin));
        var memoryOrder = Order(order, MemoryOrder.K);
        var result = Coercion.AsArray(obj, dtype, memoryOrder, copy);
        return Decide.PrependOnes(result, ndmin, memoryOrder);
    }

    /// <summary><c>np.asanyarray</c>: the same as <see cref="asarray(object?, DType?, OrderLike?, string?, bool?, object?)"/>, since NumNet has no array subclasses.</summary>
    /// <inheritdoc cref="asarray(object?, DType?, OrderLike?, string?, bool?, object?)"/>
    public static NDArray asanyarray(object? a, DType? dtype = null, OrderLike? order = null, string? device = null, bool? copy = null, object? like = null) =>
        asarray(a, dtype, order, device, copy, like);

    /// <summary>
    /// <c>np.ascontiguousarray(a, dtype, like)</c>: a C-contiguous array of at least one dimension; <paramref name="a"/>
    /// itself when it already is one of that dtype.
    /// </summary>
    /// <exception cref="ArgumentException">As for asarray.</exception>
    public static NDArray ascontiguousarray(object? a, DType? dtype = null, object? like = null) =>
        array(a, dtype, copy: null, order: "C", ndmin: 1, like: like);

    /// <summary>
    /// <c>np.asfortranarray(a, dtype, like)</c>: an F-contiguous array of at least one dimension; <paramref name="a"/>
    /// itself when it already is one of that dtype.
    /// </summary>
    /// <exception cref="ArgumentException">As for asarray.</exception>
    public static NDArray asfortranarray(object? a, DType? dtype = null, object? like = null) =>
        array(a, dtype, copy: null, order: "F", ndmin: 1, like: like);

    /// <summary><c>np.copy(a, order, subok)</c>: a new array that owns its memory; order K (default) keeps the input's layout.</summary>
    /// <exception cref="ArgumentException">As for asarray.</exception>
    public static NDArray copy(object? a, OrderLike? order = null, bool subok = false) => array(a, copy: true, order: order, subok: subok);

    /// <summary>
    /// <c>np.asarray</c> over a typed .NET array: a zero-copy view of <paramref name="a"/> (writes are seen both ways)
    /// when no conversion or copy is asked for; otherwise as the general overload.
    /// </summary>
    /// <exception cref="ArgumentException">As for the general overload.</exception>
    public static NDArray asarray<T>(T[] a, DType? dtype = null, OrderLike? order = null, bool? copy = null) where T : unmanaged =>
        TypedArray<T>(a, dtype, order, copy);

    /// <inheritdoc cref="asarray{T}(T[], DType?, OrderLike?, bool?)"/>
    public static NDArray asarray<T>(T[,] a, DType? dtype = null, OrderLike? order = null, bool? copy = null) where T : unmanaged =>
        TypedArray<T>(a, dtype, order, copy);

    /// <inheritdoc cref="asarray{T}(T[], DType?, OrderLike?, bool?)"/>
    public static NDArray asarray<T>(T[,,] a, DType? dtype = null, OrderLike? order = null, bool? copy = null) where T : unmanaged =>
        TypedArray<T>(a, dtype, order, copy);

    /// <summary><c>np.asarray</c> over <see cref="Memory{T}"/>: a zero-copy, writable 1-d view when no conversion is needed.</summary>
    /// <exception cref="ArgumentException">As for the general overload.</exception>
    public static NDArray asarray<T>(Memory<T> a, DType? dtype = null, bool? copy = null) where T : unmanaged =>
        Coercion.AsArray(a, dtype, MemoryOrder.K, copy);

    /// <summary><c>np.asarray</c> over <see cref="ReadOnlyMemory{T}"/>: a zero-copy 1-d view with WRITEABLE cleared when no conversion is needed.</summary>
    /// <exception cref="ArgumentException">As for the general overload.</exception>
    public static NDArray asarray<T>(ReadOnlyMemory<T> a, DType? dtype = null, bool? copy = null) where T : unmanaged =>
        Coercion.AsArray(a, dtype, MemoryOrder.K, copy);

    /// <summary><c>np.asarray</c> over an <see cref="ArraySegment{T}"/>: a zero-copy 1-d view of that part of the array.</summary>
    /// <exception cref="ArgumentException">As for the general overload.</exception>
    public static NDArray asarray<T>(ArraySegment<T> a, DType? dtype = null, bool? copy = null) where T : unmanaged =>
        Coercion.AsArray(a, dtype, MemoryOrder.K, copy);

    /// <summary><c>np.asarray</c> over a <see cref="Tensor{T}"/>: a zero-copy view with the tensor's lengths and strides.</summary>
    /// <exception cref="ArgumentException">As for the general overload.</exception>
    public static NDArray asarray<T>(Tensor<T> a, DType? dtype = null, OrderLike? order = null, bool? copy = null) where T : unmanaged =>
        Coercion.AsArray(a, dtype, Order(order, MemoryOrder.K), copy);

    /// <summary><c>np.array</c> over a span: always a new 1-d array (a span cannot be kept, so it is copied).</summary>
    /// <exception cref="ArgumentException"><typeparamref name="T"/> is no dtype's element type and no dtype was given.</exception>
    public static NDArray array<T>(ReadOnlySpan<T> a, DType? dtype = null) where T : unmanaged
    {
        // The span's elements move into an array the result owns; no view of the span can outlive the call.
        return asarray(a.ToArray(), dtype, copy: null);
    }

    /// <summary><c>np.array</c> over a tensor span: always a new C-ordered array of the span's shape.</summary>
    /// <exception cref="ArgumentException">As for the general overload.</exception>
    public static NDArray array<T>(ReadOnlyTensorSpan<T> a, DType? dtype = null) where T : unmanaged
    {
        var element = BufferViews.DTypeOfElement(typeof(T)) ?? throw new ArgumentException($"{typeof(T).Name} is not the element type of any dtype", nameof(a));
        var copy = TensorInterop.Copy(a, element);
        return dtype is null ? copy : asarray(copy, dtype, copy: null);
    }

    private static NDArray TypedArray<T>(Array a, DType? dtype, OrderLike? order, bool? copy) where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(a);
        var parsed = Order(order, MemoryOrder.K);
        if (BufferViews.DTypeOfElement(typeof(T)) is not { } element)
            return Coercion.AsArray(a, dtype, parsed, copy);
        return Decide.FromArray(BufferViews.OfArray<T>(a, element), RequestedDType.For(dtype), parsed, copy);
    }

    // An order argument as a MemoryOrder: the function's own default when none was given.
    private static MemoryOrder Order(OrderLike? order, MemoryOrder whenNone) => order is { } o ? o.Resolve(whenNone) : whenNone;

    private static void CheckDevice(string? device)
    {
        if (device is not null and not "cpu")
            throw new ArgumentException($"Device not understood. Only \"cpu\" is allowed, but received: {device}", nameof(device));
    }

    // like=: an IArrayFunction takes the call over; an NDArray (or nothing) means NumNet itself; anything else is
    // NumPy's TypeError.
    private static NDArray? Forward(object? like, string name, Dictionary<string, object?> arguments)
    {
        switch (ArrayLikeAdapters.TranslateLike(like))
        {
            case null or NDArray:
                return null;
            case IArrayFunction backend:
                var result = backend.ArrayFunction(name, arguments);
                return result as NDArray ?? Coercion.AsArray(result, null, MemoryOrder.K, null);
            default:
                throw new ArgumentException("The `like` argument must be an array-like that implements the `__array_function__` protocol.", nameof(like));
        }
    }
}
