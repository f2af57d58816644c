namespace NumNet.Formatting.Formatters;

/// <summary>A formatter from the <c>formatter</c> print option, called with each element as <see cref="NDArray.GetValue"/> returns it.</summary>
internal sealed class CustomFormatter(NDArray array, Func<object?, string> format) : ElementFormatter
{
    public override void Format(long byteOffset, WordBuffer word)
    {
        string? text = format(ElementBoxing.Get(array, byteOffset));
        if (text is null)
            throw new InvalidOperationException("a formatter in the print options returned null instead of a string");
        word.Append(text);
    }
}
