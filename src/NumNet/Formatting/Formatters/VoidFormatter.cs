namespace NumNet.Formatting.Formatters;

/// <summary>Unstructured void elements: their bytes as a Python bytes literal (NumPy's <c>str</c> of <c>np.void</c>).</summary>
internal sealed class VoidFormatter(NDArray array) : ElementFormatter
{
    public override void Format(long byteOffset, WordBuffer word) =>
        PythonRepr.AppendBytes(word, (byte[])ElementBoxing.Get(array, byteOffset)!);
}
