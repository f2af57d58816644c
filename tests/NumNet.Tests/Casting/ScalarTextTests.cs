namespace NumNet.Tests.Casting;

/// <summary>
/// One <c>str()</c> of an element and one string width (issue 14): printing, casts to <c>U</c>/<c>S</c> and
/// <c>asarray(..., dtype: "U")</c> give the same text and the same size. Each case differed between paths before.
/// </summary>
public sealed class ScalarTextTests
{
    [Fact]
    public void TimedeltaToUnicodeIsU21OnBothPaths()
    {
        using var td = np.asarray(new long[] { 1, 2 }).AsType("m8[s]");
        using var viaAsArray = np.asarray(td, dtype: "U");
        using var viaAsType = td.AsType("U");
        Assert.Equal("<U21", viaAsArray.DType.Str);
        Assert.Equal("<U21", viaAsType.DType.Str);
        Assert.Equal("1 seconds", viaAsArray.GetValue(0));
        Assert.Equal("2 seconds", viaAsType.GetValue(1));
        Assert.Equal("|S21", np.asarray(td, dtype: "S").DType.Str);
    }

    [Fact]
    public void DatetimeToUnicodeIsTheIsoWidthOnBothPaths()
    {
        using var dt = np.asarray(new long[] { 1, 2 }).AsType("M8[D]");
        Assert.Equal("<U28", np.asarray(dt, dtype: "U").DType.Str);
        Assert.Equal("<U28", dt.AsType("U").DType.Str);
    }

    [Fact]
    public void Float32ToUnicodeIsItsOwnShortestText()
    {
        using var a = np.asarray(new[] { 0.1f }, dtype: "U");
        Assert.Equal("<U32", a.DType.Str);
        Assert.Equal("0.1", a.GetValue(0));
        Assert.Equal("0.1", np.asarray(new[] { 0.1f }).AsType("U").GetValue(0));
    }

    [Fact]
    public void HalfToUnicodeIsItsOwnShortestText()
    {
        Assert.Equal("0.1", np.asarray(new[] { (Half)0.1 }, dtype: "U").GetValue(0));
        Assert.Equal("0.1", np.asarray(new object[] { (Half)0.1 }, dtype: "U").GetValue(0));
        Assert.Equal("0.1", np.asarray(new[] { (Half)0.1 }).AsType("U").GetValue(0));
    }

    [Fact]
    public void LargeFloat64IsScientific()
    {
        Assert.Equal("1e+16", np.asarray(new[] { 1e16 }, dtype: "U").GetValue(0));
        Assert.Equal("1e+16", np.asarray(new object[] { 1e16 }, dtype: "U").GetValue(0));
        Assert.Equal("1e+16", np.asarray(new[] { 1e16 }).AsType("U").GetValue(0));
        Assert.Equal("1e+16", np.asarray(1e16).ToString());
    }

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1e6f, "1e+06")]
    [InlineData(123456.7f, "123456.7")]
    [InlineData(1e-5f, "1e-05")]
    public void PrintingAndCastingAgreeForFloat32(float value, string expected)
    {
        using var a = np.asarray(new[] { value });
        Assert.Equal(expected, a.Reshape().ToString());
        Assert.Equal(expected, a.AsType("U").GetValue(0));
        Assert.Equal(expected, np.asarray(new object[] { value }, dtype: "U").GetValue(0));
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(((Bytes)a.AsType("S").GetValue(0)!).Span));
    }
}
