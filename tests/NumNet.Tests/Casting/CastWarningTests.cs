namespace NumNet.Tests.Casting;

/// <summary>
/// NumPy 2's RuntimeWarnings from casts ("invalid value encountered in cast" for NaN, infinity or out-of-range values
/// into integers, "overflow encountered in cast" for finite values too large for a narrower float), once per cast,
/// through astype, asarray with a dtype and copyto; and its UserWarning for time-zone-aware datetime text.
/// </summary>
public class CastWarningTests
{
    private const string Invalid = "invalid value encountered in cast";
    private const string Overflow = "overflow encountered in cast";

    private static IReadOnlyList<NumPyWarning> WarningsOf(Action cast)
    {
        using var capture = Warnings.Capture();
        cast();
        return capture.Warnings.ToArray();
    }

    private static void AssertRuntimeWarning(string message, Action cast)
    {
        var w = Assert.Single(WarningsOf(cast));
        Assert.Equal(NumPyWarningKind.RuntimeWarning, w.Kind);
        Assert.Equal(message, w.Message);
    }

    // Values the NumPy 1.24+/2.x x86-64 build was asked about (python3 -W always: np.array([v]).astype(dtype)).
    public static TheoryData<double, string, bool> FloatToInteger => new()
    {
        { double.NaN, "int32", true }, { double.PositiveInfinity, "int64", true }, { 1e300, "int16", true },
        { 3e9, "int32", true }, { 3e9, "uint8", true }, { 3e9, "uint32", false }, { 300.0, "int8", false },
        { -1.0, "uint64", false }, { -1.0, "uint8", false }, { 1.5e19, "uint64", false }, { 1.9e19, "uint64", true },
        { 1.5e19, "int64", true }, { 9.3e18, "uint32", true }, { -2147483648.0, "int32", false },
        { -2147483649.0, "int32", true }, { 2147483647.5, "int32", false }, { 2147483648.0, "int32", true },
        { -9223372036854775808.0, "int64", false }, { -9223372036854777856.0, "uint64", true }, { double.NaN, "bool", false },
    };

    [Theory]
    [MemberData(nameof(FloatToInteger))]
    public void FloatToIntegerWarnsAsNumPyDoes(double value, string dtype, bool warns)
    {
        // Long enough for the vector loops, with the value in the middle and near the end (the scalar tail).
        var values = Enumerable.Range(0, 1000).Select(i => (double)(i % 100)).ToArray();
        using var clean = np.asarray(values);
        Assert.Empty(WarningsOf(() => clean.AsType(dtype).Dispose()));
        foreach (int at in new[] { 500, 998, 3 })
        {
            values[at] = value;
            using var a = np.asarray(values);
            var got = WarningsOf(() => a.AsType(dtype).Dispose());
            if (warns)
                Assert.Equal(Invalid, Assert.Single(got).Message);
            else
                Assert.Empty(got);
            values[at] = 1;
        }
    }

    [Theory]
    [InlineData("float32", "int8")]
    [InlineData("float32", "uint32")]
    [InlineData("float16", "int16")]
    [InlineData("complex128", "int32")]
    [InlineData(">f8", "int64")]
    public void EverySourceKindReportsInvalid(string from, string to)
    {
        using var a = np.asarray(new[] { 1.0, 2.0, double.NaN, 4.0 }).AsType(from);
        var got = WarningsOf(() => a.AsType(to).Dispose());
        Assert.Contains(got, w => w.Kind == NumPyWarningKind.RuntimeWarning && w.Message == Invalid);
    }

    [Theory]
    [InlineData("float64", "float32", 1e300, true)]
    [InlineData("float64", "float32", 3.4028235e38, false)]
    [InlineData("float64", "float32", 3.4028236e38, true)]
    [InlineData("float64", "float32", double.PositiveInfinity, false)]
    [InlineData("float64", "float32", double.NaN, false)]
    [InlineData("float64", "float16", 65519.0, false)]
    [InlineData("float64", "float16", 65520.0, true)]
    [InlineData("float32", "float16", 1e5, true)]
    [InlineData("float32", "float16", 65520.0, true)]
    [InlineData("float32", "float16", 65519.0, false)]
    [InlineData("float32", "float16", double.PositiveInfinity, false)]
    [InlineData("float32", "float16", double.NaN, false)]
    [InlineData("float64", "float16", double.NegativeInfinity, false)]
    [InlineData("float64", "float16", double.NaN, false)]
    [InlineData("float64", "float16", -1e300, true)]
    [InlineData("int32", "float16", 70000.0, true)]
    [InlineData("int32", "float16", 65519.0, false)]
    [InlineData("uint64", "float16", 65520.0, true)]
    [InlineData("complex128", "complex64", 1e300, true)]
    [InlineData("float64", "float64", 1e300, false)]
    public void NarrowerFloatsReportOverflow(string from, string to, double value, bool warns)
    {
        var values = Enumerable.Repeat(1.0, 200).ToArray();
        values[150] = value;
        using var a = np.asarray(values).AsType(from, casting: "unsafe");
        var got = WarningsOf(() => a.AsType(to).Dispose()).Where(w => w.Kind == NumPyWarningKind.RuntimeWarning).ToArray();
        if (warns)
            Assert.Equal(Overflow, Assert.Single(got).Message);
        else
            Assert.Empty(got);
    }

    [Fact]
    public void WarnsOncePerCastWhateverTheLayout()
    {
        var values = new double[4096];
        Array.Fill(values, double.NaN);
        using var a = np.asarray(values).Reshape(64, 64);
        AssertRuntimeWarning(Invalid, () => a.AsType(np.int32).Dispose());
        AssertRuntimeWarning(Invalid, () => a.T.AsType(np.int32).Dispose());                 // transposed
        AssertRuntimeWarning(Invalid, () => a[.., ..2].AsType(np.int32).Dispose());          // strided rows
        using var big = np.asarray(new double[] { 1, 2, 1e300 }).AsType(">f8");
        AssertRuntimeWarning(Overflow, () => big.AsType(np.float32).Dispose());            // byte-swapped source
    }

    [Fact]
    public void ConcurrentCastsReportOnlyTheirOwnValues()
    {
        // The loops' probe is per thread and the capture per async flow: casts running at the same time on other
        // threads neither add nor hide warnings (each cast is long enough for the vector loops).
        var clean = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        var dirty = (double[])clean.Clone();
        dirty[4321] = double.NaN;
        var results = Enumerable.Range(0, 64).AsParallel().WithDegreeOfParallelism(4).Select(i =>
        {
            bool bad = i % 2 == 0;
            using var a = np.asarray(bad ? dirty : clean);
            using var capture = Warnings.Capture();
            a.AsType(np.int32).Dispose();
            return (bad, count: capture.Warnings.Count);
        }).ToArray();
        Assert.All(results, r => Assert.Equal(r.bad ? 1 : 0, r.count));
    }

    [Fact]
    public void AsarrayWithADtypeAndCopytoWarnToo()
    {
        AssertRuntimeWarning(Invalid, () => np.asarray(new[] { double.NaN }, dtype: np.int32).Dispose());
        AssertRuntimeWarning(Overflow, () => np.asarray(new[] { 1e300, 1.0 }, dtype: np.float32).Dispose());
        using var target = np.zeros(3, np.float32);
        using var source = np.asarray(new[] { 1.0, 1e300, 2.0 });
        AssertRuntimeWarning(Overflow, () => np.copyto(target, source, "same_kind"));
        Assert.True(float.IsPositiveInfinity(target.GetItem<float>(1)));
        using var ints = np.zeros(2, np.int64);
        AssertRuntimeWarning(Invalid, () => np.copyto(ints, np.asarray(new[] { double.PositiveInfinity }), "unsafe"));
    }

    [Fact]
    public void RowsOfDotNetArraysWarnOncePerConversion()
    {
        var rows = Enumerable.Range(0, 50).Select(r => Enumerable.Range(0, 100).Select(c => (double)(r + c)).ToArray()).ToArray();
        Assert.Empty(WarningsOf(() => np.asarray(rows, dtype: np.float32).Dispose()));
        rows[10][99] = 1e300;
        rows[40][3] = 1e300;
        AssertRuntimeWarning(Overflow, () => np.asarray(rows, dtype: np.float32).Dispose());
        var list = new List<double[]> { new[] { 1.0, double.NaN }, new[] { 2.0, 3.0 } };
        AssertRuntimeWarning(Invalid, () => np.asarray(list, dtype: np.int32).Dispose());
    }

    [Fact]
    public void ComplexToIntegerWarnsBothWays()
    {
        using var a = np.asarray(new[] { new System.Numerics.Complex(double.NaN, 1) });
        var got = WarningsOf(() => a.AsType(np.int64).Dispose());
        Assert.Equal([NumPyWarningKind.ComplexWarning, NumPyWarningKind.RuntimeWarning], got.Select(w => w.Kind));
    }

    [Theory]
    [InlineData("2020-01-01T00:00Z")]
    [InlineData("2020-01-01T00:00+01:00")]
    [InlineData("2020-01-01T00:00:00-0800")]
    public void TimezoneAwareTextRaisesNumPy2sUserWarning(string text)
    {
        var got = WarningsOf(() => np.asarray(new[] { text }, dtype: "M8[m]").Dispose());
        var w = Assert.Single(got);
        Assert.Equal(NumPyWarningKind.UserWarning, w.Kind);
        Assert.Equal("no explicit representation of timezones available for np.datetime64", w.Message);
        using var strings = np.asarray(new[] { text, "2020-01-02" });
        var cast = WarningsOf(() => strings.AsType("M8[m]").Dispose());
        Assert.Equal(NumPyWarningKind.UserWarning, Assert.Single(cast).Kind);
        Assert.Empty(WarningsOf(() => np.asarray(new[] { "2020-01-01T00:00" }, dtype: "M8[m]").Dispose()));
    }

    [Fact]
    public void ANonZeroOffsetIsConvertedToUtcWithTheWarning()
    {
        using var a = np.asarray(new object[] { new DateTimeOffset(2020, 1, 1, 12, 0, 0, TimeSpan.FromHours(3)) }, dtype: "M8[h]");
        Assert.Equal(new DateTime(2020, 1, 1, 9, 0, 0), a.GetItem<DateTime>(0));
        Assert.Empty(WarningsOf(() => np.asarray(new object[] { new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero) }, dtype: "M8[h]").Dispose()));
        Assert.Equal(NumPyWarningKind.UserWarning, Assert.Single(WarningsOf(() =>
            np.asarray(new object[] { new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)) }, dtype: "M8[h]").Dispose())).Kind);
    }

    // a[::2] of float64 runs through the even-elements vector step; the probe must count the converted elements only,
    // so an overflowing value in the tail is still found, and a huge value in a skipped element warns nothing.
    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    [InlineData(4095)]
    public void Every_other_float64_into_float32_warns_wherever_the_overflow_is(int at)
    {
        using var a = np.zeros(8192);
        a.SetValue(1e300, 2L * at);
        using var strided = a[np.s(null, null, 2)];
        AssertRuntimeWarning(Overflow, () => strided.AsType(np.float32).Dispose());
        using var skipped = np.zeros(8192);
        skipped.SetValue(1e300, 2L * at + 1);
        using var none = skipped[np.s(null, null, 2)];
        Assert.Empty(WarningsOf(() => none.AsType(np.float32).Dispose()));
    }
}
