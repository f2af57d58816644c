namespace NumNet.Formatting.Formatters;

/// <summary>
/// Bool elements: " True" and "False", the same width so columns align; a 0-d array prints plain "True"
/// (NumPy's <c>BoolFormat</c>).
/// </summary>
internal sealed class BoolFormatter(NDArray array) : ElementFormatter
{
    private readonly string _true = array.NDim == 0 ? "True" : " True";

    public override void Format(long byteOffset, WordBuffer word)
    {
        bool value;
        using (var lease = array.Lease())
            value = lease.At(byteOffset) != 0;
        word.Append(value ? _true : "False");
    }
}
