namespace NumNet.Tests.Formatting;

/// <summary>
/// repr and str wrap lines by code points, as NumPy's <c>len()</c> counts them: a character outside the Basic
/// Multilingual Plane (two UTF-16 units in .NET) takes one column.
/// </summary>
public sealed class CodePointColumnsTests
{
    private static readonly string Ten = string.Concat(Enumerable.Repeat("\U0001F600", 10));
    private static readonly string Twelve = string.Concat(Enumerable.Repeat("\U0001F600", 12));

    private static NDArray Words() =>
        np.asarray(new[] { Ten, "aaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbb", Twelve, "ccccccccccccc", "dddd" });

    [Fact]
    public void ReprWrapsAfterTheThirdWordAsNumPyDoes() =>
        Assert.Equal(
            $"array(['{Ten}', 'aaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbb',\n       '{Twelve}', 'ccccccccccccc', 'dddd'], dtype='<U23')",
            Words().Repr());

    [Fact]
    public void StrKeepsFourWordsOnTheFirstLine() =>
        Assert.Equal(
            $"['{Ten}' 'aaaaaaaaaaaaa' 'bbbbbbbbbbbbbbbbbbbbbbb' '{Twelve}'\n 'ccccccccccccc' 'dddd']",
            Words().ToString());
}
