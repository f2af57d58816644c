namespace NumNet;

#pragma warning disable CS8981 // NumPy's lowercase names are the API.
public static partial class np
#pragma warning restore CS8981
{
    /// <summary>
    /// A NumPy scalar of <paramref name="dtype"/>: <c>np.scalar(300.0, np.float64)</c> is NumPy's
    /// <c>np.float64(300.0)</c>. Use it where NumPy treats a NumPy scalar differently from the Python scalar a plain
    /// .NET value plays: <c>np.asarray(np.scalar(300.0, np.float64), np.int8)</c> wraps to 44 as NumPy's cast does,
    /// while <c>np.asarray(300.0, np.int8)</c> raises as a Python float does.
    /// </summary>
    /// <param name="value">The value, converted as <c>np.asarray(value, dtype)</c> converts it.</param>
    /// <param name="dtype">The scalar's dtype (a <see cref="DType"/> or a spelling such as <c>"float64"</c>).</param>
    /// <returns>The scalar.</returns>
    /// <exception cref="ArgumentException">The value is a sequence or array with dimensions, or does not parse as the dtype.</exception>
    /// <exception cref="OverflowException">The value does not fit an integer dtype.</exception>
    /// <exception cref="InvalidCastException">The dtype cannot take the value (None or complex into a number).</exception>
    public static NumPyScalar scalar(object? value, DType dtype) => NumPyScalar.Create(value, dtype);
}
