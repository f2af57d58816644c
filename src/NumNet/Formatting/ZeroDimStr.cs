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
            string s when array.DType.Code == DTypeCode.Unicode => s,
            Bytes b => PythonRepr.Repr(b),
            byte[] raw when array.DType.Code == DTypeCode.Void => PythonRepr.Repr(raw),
            _ when array.DType.IsObject => PythonRepr.Str(value),
            _ => ScalarStr.Format(value),
        };
    }

}
