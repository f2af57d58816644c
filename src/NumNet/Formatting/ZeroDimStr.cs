using NumNet.DTypes.Text;

namespace NumNet.Formatting;

/// <summary>
/// <c>str()</c> of a 0-d array, which prints the scalar it holds: strings unquoted, bytes and void as their repr,
/// objects as Python's <c>str()</c>, every other value as <see cref="ScalarStr"/> (full shortest digits, not the print
/// precision).
/// </summary>
internal static class ZeroDimStr
{
    public static string Format(NDArray array)
    {
        object? value = ElementBoxing.Get(array, array.Offset);
        return value switch
        {
            _ when array.DType.IsObject => PythonRepr.Str(value),
            Bytes b => PythonRepr.Repr(b),
            // Only a void element reads as raw bytes.
            byte[] raw => PythonRepr.Repr(raw),
            _ => ScalarStr.Format(value),
        };
    }

}
