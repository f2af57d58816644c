namespace NumNet.Formatting.Formatters;

/// <summary>
/// Object elements: the repr of each .NET object as Python would show the matching Python object ('a', None, 1.5,
/// and lists as <c>list([1, 2])</c> so they cannot be mistaken for a dimension) (NumPy's <c>_object_format</c>).
/// </summary>
internal sealed class ObjectFormatter(NDArray array) : ElementFormatter
{
    public override void Format(long byteOffset, WordBuffer word)
    {
        object? value = ElementBoxing.Get(array, byteOffset);
        word.Append(PythonRepr.ObjectElement(value));
    }
}
