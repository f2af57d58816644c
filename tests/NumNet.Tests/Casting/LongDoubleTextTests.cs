namespace NumNet.Tests.Casting;

/// <summary>
/// Text into float128 as NumPy's LONGDOUBLE_setitem reads it: C's strtold (NumPyOS_ascii_strtold), then "is anything
/// left?" — so leading white space is fine, trailing white space and Python's digit underscores are not
/// ("invalid literal for long double: ..."), unlike float64, which takes Python's float() grammar.
/// </summary>
public sealed class LongDoubleTextTests
{
    [Theory]
    [InlineData("1_000")]
    [InlineData("3.5 ")]
    [InlineData("abc")]
    public void Text_strtold_does_not_read_whole_is_refused(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => np.asarray(new[] { text }, dtype: np.dtype("g")));
        Assert.StartsWith("invalid literal for long double: " + text, e.Message);
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { text }).AsType("g"));
    }

    [Fact]
    public void Leading_white_space_and_plain_numbers_are_read()
    {
        using var a = np.asarray(new[] { "  3.5", "-2e3", "inf" }, dtype: np.dtype("g"));
        Assert.Equal("[    3.5 -2000.      inf]", a.ToString());
        using var f = np.asarray(new[] { "1_000", "3.5 " }, dtype: np.float64);
        Assert.Equal("[1000.     3.5]", f.ToString());
    }
}
