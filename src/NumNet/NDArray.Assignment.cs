using System.Numerics;

namespace NumNet;

public sealed partial class NDArray
{
    /// <summary>
    /// The .NET value this 0-d array was made from by an implicit conversion (<c>a[1.., ..] = 0.0</c>), or null. An
    /// assignment stores such a value as NumPy stores a Python scalar (checked against the destination's dtype), not as
    /// a cast of the 0-d array.
    /// </summary>
    private object? _assignedLiteral;

    /// <summary>
    /// Writes <paramref name="value"/> into the view <c>this[index]</c>, as NumPy's <c>a[index] = value</c>: an array is
    /// broadcast and cast with the <c>unsafe</c> rule; a number, string or other scalar converted implicitly is stored
    /// as NumPy stores a Python scalar (300 into int8 is an <see cref="OverflowException"/>, 1.5 into int64 is 1).
    /// </summary>
    private void AssignTo(NDArray view, NDArray value)
    {
        ArgumentNullException.ThrowIfNull(value);
        view.EnsureWriteable();
        if (value._assignedLiteral is { } literal)
        {
            using var converted = np.asarray(literal, dtype: view.DType);
            np.Assign(view, converted);
        }
        else
        {
            np.Assign(view, value);
        }
    }

    private static NDArray Literal(object value)
    {
        var array = np.asarray(value);
        array._assignedLiteral = value;
        return array;
    }

    /// <summary>A 0-d bool array; assigned into a view, stored as NumPy stores a Python bool.</summary>
    public static implicit operator NDArray(bool value) => Literal(value);

    /// <summary>A 0-d int32 array; assigned into a view, stored as NumPy stores a Python int.</summary>
    public static implicit operator NDArray(int value) => Literal(value);

    /// <summary>A 0-d int64 array; assigned into a view, stored as NumPy stores a Python int.</summary>
    public static implicit operator NDArray(long value) => Literal(value);

    /// <summary>A 0-d uint64 array; assigned into a view, stored as NumPy stores a Python int.</summary>
    public static implicit operator NDArray(ulong value) => Literal(value);

    /// <summary>A 0-d array of a Python int (int64, uint64 or object by size); assigned, stored as NumPy stores it.</summary>
    public static implicit operator NDArray(BigInteger value) => Literal(value);

    /// <summary>A 0-d float16 array; assigned into a view, converted to the view's dtype.</summary>
    public static implicit operator NDArray(Half value) => Literal(value);

    /// <summary>A 0-d float32 array; assigned into a view, converted to the view's dtype.</summary>
    public static implicit operator NDArray(float value) => Literal(value);

    /// <summary>A 0-d float64 array; assigned into a view, stored as NumPy stores a Python float.</summary>
    public static implicit operator NDArray(double value) => Literal(value);

    /// <summary>A 0-d complex128 array; assigned into a view, stored as NumPy stores a Python complex.</summary>
    public static implicit operator NDArray(Complex value) => Literal(value);

    /// <summary>A 0-d U array of the string's length; assigned into a view, stored as NumPy stores a Python str.</summary>
    public static implicit operator NDArray(string value) => Literal(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>A 0-d datetime64[us] array; assigned into a view, converted to the view's unit.</summary>
    public static implicit operator NDArray(DateTime value) => Literal(value);

    /// <summary>A 0-d timedelta64 array; assigned into a view, converted to the view's unit.</summary>
    public static implicit operator NDArray(TimeSpan value) => Literal(value);
}
