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

    [Fact]
    public void White_space_alone_is_zero_and_empty_text_is_refused()
    {
        // string_to_long_double tests "nothing parsed" against the text before NumPyOS_ascii_strtold skipped the
        // white space (arraytypes.c.src), so ' ' parses as nothing after a skip: 0 (differential run, seed 20261206).
        using var a = np.asarray(new[] { " ", "\t" }).AsType("g");
        Assert.Equal("[0. 0.]", a.ToString());
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { "" }).AsType("g"));
        // Bytes go to strtold as they are.
        using var b = np.asarray(new object?[] { new Bytes(" "u8.ToArray()), new Bytes("0x10"u8.ToArray()) }, dtype: np.dtype("g"));
        Assert.Equal("[ 0. 16.]", b.ToString());
    }

    [Theory]
    [InlineData("0x10", "16.0")]
    [InlineData("-0X1.8p1", "-3.0")]
    [InlineData(" 0x.8", "0.5")]
    [InlineData("0x1p-2", "0.25")]
    public void Hexadecimal_floats_are_Cs_grammar(string text, string expected)
    {
        using var a = np.asarray(new[] { text }).AsType("g");
        Assert.Equal(expected, ScalarStrOf(a));
    }

    [Theory]
    [InlineData("0x")]
    [InlineData("0x1p")]
    [InlineData("0xg")]
    public void Incomplete_hexadecimal_is_refused(string text) =>
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { text }).AsType("g"));

    [Fact]
    public void Complex_long_double_reads_text_and_ints_as_Pythons_complex()
    {
        // CLONGDOUBLE_setitem goes through Python's complex(): a double pair, with complex()'s syntax.
        using var z = np.asarray(new object?[] { " 3 ", System.Numerics.BigInteger.Parse("1152921504606846975") }, dtype: np.dtype("G"));
        Assert.Equal("[3.0000000e+00+0.j 1.1529215e+18+0.j]", z.ToString());
        Assert.Equal(new LongDouble(1152921504606846976.0), ((Complex256)z.GetValue(1)!).Real);
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { "0x10" }, dtype: np.dtype("G")));
    }

    private static string ScalarStrOf(NDArray a) => a.Reshape(Array.Empty<long>()).ToString();

    [Fact]
    public void White_space_alone_and_hexadecimal_text_are_what_strtold_reads()
    {
        // White space alone: NumPyOS_ascii_strtold skips it, strtold reads nothing after it, and NumPy's "nothing read"
        // check compares with the text's own start, so the element is 0. Hexadecimal text is C's grammar.
        using var a = np.asarray(new[] { " ", "\t", "0x10", "0x1.8p3", "-0x.8" }, dtype: np.dtype("g"));
        Assert.Equal("[ 0.   0.  16.  12.  -0.5]", a.ToString());
        using var s = np.asarray(new[] { " ", "0x10" }).AsType("g");
        Assert.Equal("[ 0. 16.]", s.ToString());
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { "0x" }, dtype: np.dtype("g")));
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { "0x1p" }, dtype: np.dtype("g")));
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { "" }, dtype: np.dtype("g")));
    }

    [Fact]
    public void Bytes_are_read_with_strtold_too()
    {
        using var a = np.asarray(new object[] { new Bytes(" "u8.ToArray()), new Bytes("0x10"u8) }, dtype: np.dtype("g"));
        Assert.Equal("[ 0. 16.]", a.ToString());
        Assert.Throws<ArgumentException>(() => np.asarray(new object[] { new Bytes("3 "u8) }, dtype: np.dtype("g")));
    }

}
