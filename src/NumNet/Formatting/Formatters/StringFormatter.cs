namespace NumNet.Formatting.Formatters;

/// <summary>
/// S and U elements: Python's repr of the value without trailing NULs ('abc', b'abc'), unpadded (NumPy's
/// <c>repr_format</c> for <c>numpystr</c>).
/// </summary>
internal sealed class StringFormatter(NDArray array) : ElementFormatter
{
    public override void Format(long byteOffset, WordBuffer word)
    {
        object? value = ElementBoxing.Get(array, byteOffset);
        if (value is Bytes b)
            PythonRepr.AppendBytes(word, b.Span);
        else
            PythonRepr.AppendString(word, (string)value!);
    }
}
