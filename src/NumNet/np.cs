using NumNet.DTypes;
using NumNet.Layout;

namespace NumNet;

/// <summary>
/// NumPy's namespace. Functions keep NumPy's lowercase names so NumPy code reads the same in C#
/// (<c>np.asarray(x, dtype: np.float32)</c>); the types they return follow .NET naming.
/// </summary>
#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary><c>np.bool_</c>.</summary>
    public static readonly DType bool_ = DTypeRegistry.Get(DTypeCode.Bool);
    /// <summary><c>np.int8</c>.</summary>
    public static readonly DType int8 = DTypeRegistry.Get(DTypeCode.Int8);
    /// <summary><c>np.uint8</c>.</summary>
    public static readonly DType uint8 = DTypeRegistry.Get(DTypeCode.UInt8);
    /// <summary><c>np.int16</c>.</summary>
    public static readonly DType int16 = DTypeRegistry.Get(DTypeCode.Int16);
    /// <summary><c>np.uint16</c>.</summary>
    public static readonly DType uint16 = DTypeRegistry.Get(DTypeCode.UInt16);
    /// <summary><c>np.int32</c>.</summary>
    public static readonly DType int32 = DTypeRegistry.Get(DTypeCode.Int32);
    /// <summary><c>np.uint32</c>.</summary>
    public static readonly DType uint32 = DTypeRegistry.Get(DTypeCode.UInt32);
    /// <summary><c>np.int64</c>.</summary>
    public static readonly DType int64 = DTypeRegistry.Get(DTypeCode.Int64);
    /// <summary><c>np.uint64</c>.</summary>
    public static readonly DType uint64 = DTypeRegistry.Get(DTypeCode.UInt64);
    /// <summary><c>np.float16</c>.</summary>
    public static readonly DType float16 = DTypeRegistry.Get(DTypeCode.Float16);
    /// <summary><c>np.float32</c>.</summary>
    public static readonly DType float32 = DTypeRegistry.Get(DTypeCode.Float32);
    /// <summary><c>np.float64</c>.</summary>
    public static readonly DType float64 = DTypeRegistry.Get(DTypeCode.Float64);
    /// <summary><c>np.float128</c> (<c>np.longdouble</c> on x86-64 Linux).</summary>
    public static readonly DType float128 = DTypeRegistry.Get(DTypeCode.Float128);
    /// <summary><c>np.complex64</c>.</summary>
    public static readonly DType complex64 = DTypeRegistry.Get(DTypeCode.Complex64);
    /// <summary><c>np.complex128</c>.</summary>
    public static readonly DType complex128 = DTypeRegistry.Get(DTypeCode.Complex128);
    /// <summary><c>np.complex256</c> (<c>np.clongdouble</c> on x86-64 Linux).</summary>
    public static readonly DType complex256 = DTypeRegistry.Get(DTypeCode.Complex256);
    /// <summary><c>np.object_</c>.</summary>
    public static readonly DType object_ = DTypeRegistry.Get(DTypeCode.Object);
    /// <summary><c>np.bytes_</c>: unsized bytes, <c>S</c>.</summary>
    public static readonly DType bytes_ = DTypeRegistry.Get(DTypeCode.Bytes);
    /// <summary><c>np.str_</c>: unsized unicode, <c>U</c>.</summary>
    public static readonly DType str_ = DTypeRegistry.Get(DTypeCode.Unicode);
    /// <summary><c>np.void</c>: unsized raw bytes, <c>V</c>.</summary>
    public static readonly DType void_ = DTypeRegistry.Get(DTypeCode.Void);
    /// <summary><c>np.datetime64</c> with generic unit.</summary>
    public static readonly DType datetime64 = DTypeRegistry.Get(DTypeCode.DateTime64);
    /// <summary><c>np.timedelta64</c> with generic unit.</summary>
    public static readonly DType timedelta64 = DTypeRegistry.Get(DTypeCode.TimeDelta64);

    /// <summary><c>np.newaxis</c>: in an index, inserts a dimension of length 1.</summary>
    public static readonly IndexMarker newaxis = IndexMarker.NewAxis;

    /// <summary>Python's <c>...</c> in an index.</summary>
    public static readonly IndexMarker Ellipsis = IndexMarker.Ellipsis;

    /// <summary>
    /// <c>np.dtype(spec)</c>: parses any spelling NumPy 2 accepts: names ("float32", "int", "complex", "str", "bytes",
    /// "object", "datetime64[ms]"), type characters ("f", "d", "g", "G", "?", "b", "B", "e"), typestrs ("&lt;i8",
    /// "&gt;u2", "|S10", "U5", "M8[ns]", "m8[D]").
    /// </summary>
    /// <exception cref="ArgumentException">NumPy rejects the spelling; the message quotes it.</exception>
    public static DType dtype(string spec) => DTypeParser.Parse(spec);

    /// <summary><c>np.dtype(type)</c> for a .NET type: float → float32, double → float64, int → int32, string → U, …</summary>
    /// <exception cref="ArgumentException">No dtype corresponds to the type.</exception>
    public static DType dtype(Type type) => DTypeParser.FromType(type);

    /// <summary><c>np.dtype(dtype)</c>: the dtype itself.</summary>
    public static DType dtype(DType dtype) => dtype ?? throw new ArgumentNullException(nameof(dtype));

    /// <summary>A slice for indexing, <c>start:stop:step</c> (NumPy's <c>slice</c>).</summary>
    public static Slice s(long? start = null, long? stop = null, long? step = null) => new(start, stop, step);

    /// <summary><c>np.shares_memory(a, b)</c>: true when some byte belongs to an element of both arrays (exact).</summary>
    public static bool shares_memory(NDArray a, NDArray b) => MemoryOverlap.Shares(a, b);

    /// <summary><c>np.may_share_memory(a, b)</c>: true when the memory ranges the two arrays span intersect.</summary>
    public static bool may_share_memory(NDArray a, NDArray b) => MemoryOverlap.MayShare(a, b);

    /// <summary>
    /// <c>np.empty(shape, dtype, order)</c>: a new array whose contents are whatever the memory held. dtype defaults to
    /// float64.
    /// </summary>
    public static NDArray empty(long[] shape, DType? dtype = null, string order = "C") =>
        NDArray.Allocate(dtype ?? float64, (long[])shape.Clone(), ContiguousOrder(order), zero: false);

    /// <summary><c>np.zeros(shape, dtype, order)</c>: a new array of zeros (empty strings, <c>None</c> for object). dtype defaults to float64.</summary>
    public static NDArray zeros(long[] shape, DType? dtype = null, string order = "C") =>
        NDArray.Allocate(dtype ?? float64, (long[])shape.Clone(), ContiguousOrder(order), zero: true);

    /// <summary><c>np.ones(shape, dtype, order)</c>: a new array of ones (<c>True</c> for bool, <c>'1'</c> for strings). dtype defaults to float64.</summary>
    public static NDArray ones(long[] shape, DType? dtype = null, string order = "C") => full(shape, 1L, dtype ?? float64, order);

    /// <summary>
    /// <c>np.full(shape, fill_value, dtype, order)</c>: a new array with every element <paramref name="fill_value"/>,
    /// converted to <paramref name="dtype"/> as an unsafe cast does (NumPy's <c>copyto(..., casting='unsafe')</c>); without
    /// a dtype, the dtype <c>np.array(fill_value)</c> would have.
    /// </summary>
    /// <exception cref="ArgumentException">The fill value cannot be converted to <paramref name="dtype"/>.</exception>
    public static NDArray full(long[] shape, object? fill_value, DType? dtype = null, string order = "C")
    {
        var memoryOrder = ContiguousOrder(order);
        return Filled(fill_value, dtype, d => NDArray.Allocate(d, (long[])shape.Clone(), memoryOrder, zero: false));
    }

    /// <summary>
    /// A new array from <paramref name="allocate"/> (given the result's dtype: <paramref name="dtype"/>, or the fill
    /// value's own) with <paramref name="fill_value"/>, converted as an unsafe cast converts, broadcast into it.
    /// </summary>
    private static NDArray Filled(object? fill_value, DType? dtype, Func<DType, NDArray> allocate)
    {
        var value = dtype is null ? asarray(fill_value) : asarray(fill_value).AsType(dtype);
        try
        {
            return FillWith(allocate(value.DType), value);
        }
        finally
        {
            // The caller's own array (asarray gives it back unchanged) is not ours to release.
            if (!ReferenceEquals(value, fill_value))
                value.Dispose();
        }
    }

    // The value broadcast over the result's shape (NumPy's copyto): a 0-d value, or an array whose trailing
    // dimensions match or are 1, is repeated through zero strides.
    private static NDArray FillWith(NDArray result, NDArray value)
    {
        var shape = result.ShapeRef;
        var valueShape = value.ShapeRef;
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
            throw new ArgumentException($"could not broadcast input array from shape {BroadcastShape(valueShape)} into shape {BroadcastShape(shape)}");
        if (result.Size > 0)
        {
            using var broadcast = value.View(value.Offset, result.Shape, strides);
            Layout.StridedCopy.Copy(broadcast, result);
        }
        return result;
    }

    // A shape as NumPy's broadcast errors write it: (2,) and (2,3).
    private static string BroadcastShape(long[] shape) =>
        "(" + string.Join(",", shape) + (shape.Length == 1 ? ",)" : ")");

    /// <summary>
    /// <c>np.arange(stop)</c> / <c>np.arange(start, stop, step)</c> over integers: int64 values
    /// <c>start, start+step, …</c> below <c>stop</c> (above it for a negative step).
    /// </summary>
    /// <exception cref="DivideByZeroException">The step is zero (NumPy's ZeroDivisionError).</exception>
    /// <exception cref="ArgumentException">More elements than an array can index (NumPy's "Maximum allowed size exceeded").</exception>
    public static NDArray arange(long start, long? stop = null, long step = 1)
    {
        if (stop is null)
            (start, stop) = (0, start);
        if (step == 0)
            throw new DivideByZeroException("arange: step is zero (division by zero)");
        long count = RangeLength(start, stop.Value, step);
        var result = NDArray.Allocate(int64, [count], MemoryOrder.C, zero: false);
        for (long i = 0; i < count; i++)
            result.SetItem(unchecked(start + i * step), i); // wraps only in the product; the sum is always in range
        return result;
    }

    /// <summary>
    /// ceil((stop - start) / step), at least 0, computed in 128 bits: the span between two longs can be nearly 2^64,
    /// which a 64-bit difference would wrap.
    /// </summary>
    private static long RangeLength(long start, long stop, long step)
    {
        Int128 span = (Int128)stop - start, by = step;
        if (span == 0 || (span > 0) != (by > 0))
            return 0;
        Int128 count = (span + by - (by > 0 ? 1 : -1)) / by;
        if (count > long.MaxValue)
            throw new ArgumentException($"arange: Maximum allowed size exceeded ({count} elements from {start} to {stop} by {step})");
        return (long)count;
    }

    /// <summary><c>np.ravel(a, order)</c>.</summary>
    public static NDArray ravel(NDArray a, string order = "C") => a.Ravel(MemoryOrders.Parse(order, MemoryOrder.C));

    /// <summary><c>np.transpose(a, axes)</c>.</summary>
    public static NDArray transpose(NDArray a, params int[] axes) => a.Transpose(axes);

    /// <summary><c>np.swapaxes(a, axis1, axis2)</c>.</summary>
    public static NDArray swapaxes(NDArray a, int axis1, int axis2) => a.SwapAxes(axis1, axis2);

    /// <summary><c>np.reshape(a, shape, order)</c>.</summary>
    public static NDArray reshape(NDArray a, long[] shape, string order = "C") => a.Reshape(shape, MemoryOrders.Parse(order, MemoryOrder.C));

    private static MemoryOrder ContiguousOrder(string order)
    {
        var o = MemoryOrders.Parse(order, MemoryOrder.C);
        if (o is not (MemoryOrder.C or MemoryOrder.F))
            throw new ArgumentException($"only 'C' or 'F' order is permitted here (got '{order}')", nameof(order));
        return o;
    }
}
