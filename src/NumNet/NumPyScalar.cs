using NumNet.Creation;
using NumNet.DTypes;

namespace NumNet;

/// <summary>
/// A NumPy scalar: one value of a fixed dtype, as <c>np.float64(300.0)</c> or <c>np.int8(5)</c> is in NumPy. Make one
/// with <see cref="np.scalar(object?, DType)"/>.
/// </summary>
/// <remarks>
/// <para>A plain .NET <see cref="double"/>, <see cref="bool"/>, <see cref="string"/>, <see cref="System.Numerics.Complex"/>
/// or <see cref="System.Numerics.BigInteger"/> handed to <c>np.asarray</c> plays the Python scalar of that kind (a
/// <see cref="long"/>, <see cref="int"/>, <see cref="float"/> … is a NumPy scalar of its dtype, as its array is), and NumPy treats Python scalars and NumPy scalars differently
/// where a value does not fit: a Python float <c>nan</c> or <c>300.0</c> stored into an integer dtype raises, while
/// <c>np.float64(nan)</c> and <c>np.float64(300.0)</c> are cast as arrays are (C casts: <c>INT64_MIN</c>, 300 wraps to
/// 44 in int8). A <see cref="NumPyScalar"/> makes the NumPy-scalar behaviour reachable: alone into no dtype, object or a
/// signed integer dtype it converts the way a 0-d array does; otherwise, and as an element of a sequence, it is stored
/// as NumPy's <c>PyArray_Pack</c> stores a NumPy scalar (cast from its own dtype, or through the target's setitem where
/// the target takes it: <c>int()</c> for signed integers, <c>str()</c> of a datetime64 for text).</para>
/// <para>The value is a snapshot taken when the scalar is made; later changes to the source do not reach it.</para>
/// </remarks>
public sealed class NumPyScalar : IArrayConvertible
{
    // 0-d, owned by this scalar alone and never handed out: every conversion gets a copy.
    private readonly NDArray _cell;

    private NumPyScalar(NDArray cell) => _cell = cell;

    /// <summary>The scalar's dtype.</summary>
    public DType DType => _cell.DType;

    /// <summary>The value as the .NET type of the dtype (<see cref="double"/> for float64, <see cref="sbyte"/> for int8, …).</summary>
    public object? Value => _cell.Item();

    /// <summary>
    /// A scalar of <paramref name="dtype"/> holding <paramref name="value"/>, converted as <c>np.asarray(value, dtype)</c>
    /// converts it (so <c>np.scalar(300, np.int8)</c> raises as NumPy 2's <c>np.array(300, dtype=np.int8)</c> does).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not a single value (its array has dimensions).</exception>
    internal static NumPyScalar Create(object? value, DType dtype)
    {
        ArgumentNullException.ThrowIfNull(dtype);
        var converted = Coercion.AsArray(value, dtype, MemoryOrder.K, copy: null);
        if (converted.NDim != 0)
            throw new ArgumentException($"a NumPy scalar holds one value; the value given has shape ({string.Join(", ", converted.Shape)})", nameof(value));
        // NumPy scalars are always in native byte order (np.array(1.5, '>f8')[()] is a plain float64); the cast also
        // copies, so the scalar owns its value even when the input was a 0-d array of its dtype.
        var native = converted.AsType(converted.DType.AsNative(), MemoryOrder.C, "unsafe", copy: true);
        // A text scalar is as wide as its text (np.str_('9') is U1 whatever array it came from; empty text is one wide).
        if (native.DType.Code is DTypeCode.Unicode or DTypeCode.Bytes)
        {
            var text = native.Item();
            native = Coercion.AsArray(text, ScalarDTypes.Of(text) is { ItemSize: 0 } empty ? empty.WithLength(1) : ScalarDTypes.Of(text), MemoryOrder.C, copy: true);
        }
        return new NumPyScalar(native);
    }

    /// <summary>
    /// A fresh 0-d array holding the value (NumPy's <c>np.asarray(scalar)</c>), cast to <paramref name="dtype"/> as any
    /// array is cast (unsafe: out-of-range values wrap instead of raising).
    /// </summary>
    /// <remarks>Asked for object dtype, the array holds the scalar's <see cref="Value"/> (NumPy stores the scalar object).</remarks>
    /// <exception cref="ArgumentException"><paramref name="copy"/> is false: an array is always new memory.</exception>
    public NDArray ToNDArray(DType? dtype, bool? copy)
    {
        if (copy == false)
            throw new ArgumentException(Decide.NoCopyMessage, nameof(copy));
        if (dtype is { IsObject: true })
        {
            // An object array holds the scalar itself (NumPy stores the np.uint32 object, not a Python int).
            var holder = np.empty([], np.object_);
            holder.SetValue(Value);
            return holder;
        }
        // Made in the requested dtype at once, so the result owns its memory whatever the dtype is spelled as.
        return dtype is null ? _cell.Copy() : _cell.AsType(dtype, MemoryOrder.K, "unsafe", copy: true);
    }

    /// <summary>NumPy's <c>str()</c> of the scalar.</summary>
    public override string ToString() => _cell.ToString();
}
