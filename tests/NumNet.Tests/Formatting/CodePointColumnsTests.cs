namespace NumNet.Tests.Formatting;

/// <summary>
/// repr and str wrap lines by code points, as NumPy's <c>len()</c> counts them: a character outside the Basic
/// Multilingual Plane (two UTF-16 units in .NET) takes one column.
/// </summary>
public sealed class CodePointColumnsTests
{
    private const string Smile = "\U0001F600";

    private static NDArray Words() => np.asarray(new[]
    {
        string.Concat(Enumerable.Repeat(Smile, 10)), "aaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbb",
        string.Concat(Enumerable.Repeat(Smile, 12)), "ccccccccccccc", "dddd",
    });

    [Fact]
    public void ReprWrapsAfterTheThirdWordAsNumPyDoes()
    {
        string s10 = string.Concat(Enumerable.Repeat(Smile, 10)), s12 = string.Concat(Enumerable.Repeat(Smile, 12));
        Assert.Equal(
            $"array(['{s10}', 'aaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbb',\n       '{s12}', 'ccccccccccccc', 'dddd'], dtype='<U23')",
            Words().Repr());
    }

    [Fact]
    public void StrKeepsFourWordsOnTheFirstLine()
    {
        string s10 = string.Concat(Enumerable.Repeat(Smile, 10)), s12 = string.Concat(Enumerable.Repeat(Smile, 12));
        Assert.Equal(
            $"['{s10}' 'aaaaaaaaaaaaa' 'bbbbbbbbbbbbbbbbbbbbbbb' '{s12}'\n 'ccccccccccccc' 'dddd']",
            Words().ToString());
    }
}
