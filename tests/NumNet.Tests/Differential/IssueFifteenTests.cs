namespace NumNet.Tests.Differential;

/// <summary>
/// The four behaviours issue 15 names, each against NumPy 2's answer (the same cases are in tests/conformance/found-*.json
/// with the oracle's full expectation).
/// </summary>
public class IssueFifteenTests
{
    [Fact]
    public void IntegersIntoUnitlessDatetimeRaise()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => np.asarray(new List<object?> { new System.Numerics.BigInteger(1), new System.Numerics.BigInteger(2) }, "M8"));
        Assert.Contains("requires a specified unit", e.Message);
        Assert.ThrowsAny<ArgumentException>(() => np.asarray(new System.Numerics.BigInteger(3), "M8"));
        // A timedelta count needs no unit: it stays generic.
        Assert.Equal("<m8", np.asarray(new List<object?> { 1L, 2L }, "m8").DType.Str);
    }

    [Fact]
    public void AParametricDTypeSpelledAnewGivesAView()
    {
        var days = np.asarray(new List<object?> { "2001-01-01", "2001-01-02" }, "M8[D]");
        var again = np.asarray(days, "M8[D]");
        Assert.NotSame(days, again);
        Assert.True(np.shares_memory(days, again));
        Assert.False(again.OwnsData);
        // The array's own descriptor (an unsized request adapts to it) and the shared builtin ones return the input.
        Assert.Same(days, np.asarray(days, "M8"));
        var floats = np.asarray(new List<object?> { 1.0 }, "f8");
        Assert.Same(floats, np.asarray(floats, "float64"));
        Assert.NotSame(floats, np.asarray(floats, ">f8"));
    }

    [Fact]
    public void NumPyScalarsCastWherePythonScalarsRaise()
    {
        Assert.Equal((sbyte)44, np.asarray(np.scalar(300.0, np.float64), np.int8).Item());
        Assert.Equal(long.MinValue, np.asarray(np.scalar(double.NaN, np.float64), np.int64).Item());
        Assert.Throws<OverflowException>(() => np.asarray(300.0, np.int8));
        Assert.ThrowsAny<Exception>(() => np.asarray(double.NaN, np.int64));
    }

    [Fact]
    public void NumPyScalarsKeepTheirDTypeNativeAndOwnTheirValue()
    {
        var s = np.scalar(1.5, ">f8");
        Assert.Equal("<f8", s.DType.Str);
        Assert.Equal(1.5, s.Value);
        var a = np.asarray(s);
        a.SetValue(2.5);
        Assert.Equal(1.5, s.Value);
        Assert.Equal("<U1", np.scalar("9", "U3").DType.Str);
        Assert.ThrowsAny<ArgumentException>(() => np.asarray(s, copy: false));
        Assert.ThrowsAny<ArgumentException>(() => np.scalar(new List<object?> { 1.0, 2.0 }, np.float64));
    }
}
