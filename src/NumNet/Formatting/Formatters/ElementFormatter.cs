namespace NumNet.Formatting.Formatters;

/// <summary>
/// Turns one element of the array being printed into text. Each subclass handles one kind of element, as NumPy's
/// per-kind formatters do: it is built from the elements that will be printed (its first pass, fixing widths and
/// notation for all of them) and then formats them one at a time (its second pass).
/// </summary>
internal abstract class ElementFormatter
{
    /// <summary>Appends the text of the element at <paramref name="byteOffset"/> of the printed array to <paramref name="word"/>.</summary>
    public abstract void Format(long byteOffset, WordBuffer word);
}
