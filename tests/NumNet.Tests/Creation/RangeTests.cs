namespace NumNet.Tests.Creation;

/// <summary>np.arange over int64, including spans that do not fit in 64 bits (checked against NumPy 1.24).</summary>
public class RangeTests
{
    [Theory]
    [InlineData(0L, 5L, 1L, new long[] { 0, 1, 2, 3, 4 })]
    [InlineData(5L, 0L, -2L, new long[] { 5, 3, 1 })]
    [InlineData(0L, 5L, -1L, new long[0])]
    [InlineData(3L, 3L, 1L, new long[0])]
    [InlineData(0L, 10L, 3L, new long[] { 0, 3, 6, 9 })]
    [InlineData(long.MinValue, long.MaxValue, 1L << 62, new long[] { long.MinValue, -(1L << 62), 0, 1L << 62 })]
    [InlineData(long.MaxValue, long.MinValue, long.MinValue, new long[] { long.MaxValue, -1 })]
    [InlineData(long.MaxValue - 2, long.MaxValue, 1L, new long[] { long.MaxValue - 2, long.MaxValue - 1 })]
    public void MatchesNumPy(long start, long stop, long step, long[] expected)
    {
        var a = np.arange(start, stop, step);
        Assert.Equal(np.int64, a.DType);
        Assert.Equal(expected, Enumerable.Range(0, (int)a.Size).Select(i => a.GetItem<long>(i)));
    }

    [Fact]
    public void StopAloneCountsFromZero() => Assert.Equal([4L], np.arange(4).Shape);

    [Fact]
    public void ASpanBeyondInt64IsTooBig()
    {
        var e = Assert.Throws<ArgumentException>(() => np.arange(long.MinValue, long.MaxValue));
        Assert.Contains("Maximum allowed size exceeded", e.Message);
    }

    [Fact]
    public void ZeroStepIsDivisionByZero() => Assert.Throws<DivideByZeroException>(() => np.arange(0, 5, 0));
}

/// <summary>np.ones and np.full (checked against NumPy 1.24).</summary>
public class FullTests
{
    [Fact]
    public void OnesDefaultsToFloat64()
    {
        using var a = np.ones([2, 3]);
        Assert.Equal(np.float64, a.DType);
        Assert.Equal("[[1. 1. 1.]\n [1. 1. 1.]]", a.ToString());
    }

    [Fact]
    public void OnesOfOtherDtypes()
    {
        Assert.Equal("[ True  True]", np.ones([2], np.bool_).ToString());
        Assert.Equal("['1' '1']", np.ones([2], np.dtype("U3")).ToString());
        Assert.Equal("[1.+0.j 1.+0.j]", np.ones([2], np.complex128).ToString());
    }

    [Fact]
    public void FullTakesTheValuesDtypeOrCastsUnsafely()
    {
        Assert.Equal(np.int64, np.full([2], 7L).DType);
        Assert.Equal("[[2 2]\n [2 2]]", np.full([2, 2], 2.9, np.int32).ToString());
        Assert.Equal("['ab' 'ab' 'ab']", np.full([3], "ab").ToString());
        using var f = np.full([2, 3], -1.5, order: "F");
        Assert.True(f.IsFContiguous);
        Assert.Equal(-1.5, f.GetItem<double>(1, 2));
        Assert.Equal([0L, 4], np.full([0, 4], 1.0).Shape);
    }
}

/// <summary>np.full with an array fill value broadcasts it as NumPy's copyto does (checked against NumPy 1.24).</summary>
public class FullBroadcastTests
{
    [Fact]
    public void ARowFillsEveryRow() =>
        Assert.Equal("[[1 2 3]\n [1 2 3]]", np.full([2, 3], new long[] { 1, 2, 3 }).ToString());

    [Fact]
    public void LeadingOnesOfTheValueAreDropped() =>
        Assert.Equal("[1 2 3]", np.full([3], new long[,] { { 1, 2, 3 } }).ToString());

    [Fact]
    public void AShapeThatDoesNotBroadcastIsRefused() =>
        Assert.StartsWith("could not broadcast input array from shape (2,) into shape (2,3)",
            Assert.ThrowsAny<ArgumentException>(() => np.full([2, 3], new long[] { 1, 2 })).Message);

    [Fact]
    public void TheCallersFillArrayIsNotDisposed()
    {
        // 80 KB: native memory, which a wrong Dispose would free (later reads then throw ObjectDisposedException).
        using var fill = np.full([10_000], 2.5);
        Assert.IsType<NumNet.Memory.NativeBuffer>(fill.Buffer);
        using var a = np.full([2, 10_000], fill);
        Assert.Equal(2.5, fill.GetItem<double>(9_999));
        using var b = np.full_like(a, fill);
        Assert.Equal(2.5, fill.GetItem<double>(0));
        Assert.Equal(2.5, b.GetItem<double>(1, 9_999));
    }
}
