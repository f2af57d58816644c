using System.Diagnostics.CodeAnalysis;
using NumNet.Layout;

namespace NumNet.Internal;

/// <summary>The errors NumNet raises from hot code, kept out of line so the callers stay small.</summary>
internal static class ThrowHelper
{
    /// <summary>NumPy's IndexError for an index past a dimension.</summary>
    [DoesNotReturn]
    public static void IndexOutOfBounds(long index, int axis, long size) =>
        throw new ArgumentOutOfRangeException(FormattableString.Invariant($"index {index} is out of bounds for axis {axis} with size {size}"), innerException: null);

    /// <summary>NumPy's IndexError for more indices than dimensions.</summary>
    [DoesNotReturn]
    public static void TooManyIndices(int ndim, int given) =>
        throw new ArgumentOutOfRangeException(FormattableString.Invariant($"too many indices for array: array is {ndim}-dimensional, but {given} were indexed"), innerException: null);

    /// <summary>An access through an array after its Dispose.</summary>
    [DoesNotReturn]
    public static void Disposed() =>
        throw new ObjectDisposedException(nameof(NDArray),
            "this array was disposed and can no longer be used (views taken from it before still work). Note that np.asarray(a) " +
            "and a.AsType(dtype, copy: false) return a itself when nothing needs converting, so disposing their result disposes a.");

    /// <summary>A write to an array whose WRITEABLE flag is clear.</summary>
    [DoesNotReturn]
    public static void ReadOnly() => throw new ReadOnlyArrayException();

    /// <summary>A typed access with a .NET type that is not the dtype's element type.</summary>
    [DoesNotReturn]
    public static void WrongElementType(Type requested, DType dtype) =>
        throw new InvalidCastException($"elements of dtype {dtype} are not {requested.Name}; use {dtype.ElementType?.Name ?? "the boxed accessors"}");

    /// <summary>NumPy's error for a reshape whose sizes differ.</summary>
    [DoesNotReturn]
    public static void CannotReshape(long size, ReadOnlySpan<long> shape) =>
        throw new ArgumentException($"cannot reshape array of size {size} into shape {ShapeMath.Format(shape)}", "shape");
}
