using System.Diagnostics;
using System.Reflection;
using NumNet.Formatting;

namespace NumNet.Tests.Formatting;

/// <summary>Printing behaviour checked by hand against NumPy 2's rules.</summary>
public class ArrayPrintingTests
{
    private static NDArray Arange(long n, DType? dtype = null)
    {
        var a = np.zeros([n], dtype ?? np.int64);
        for (long i = 0; i < n; i++)
            a.SetValue(i, i);
        return a;
    }

    private static NDArray Floats(params double[] values)
    {
        var a = np.zeros([values.Length]);
        for (int i = 0; i < values.Length; i++)
            a.SetItem(values[i], i);
        return a;
    }

    [Fact]
    public void IntegerSignOptionFollowsNumPy2()
    {
        var mixed = np.zeros([3]);
        var ints = np.zeros([3], np.int64);
        ints.SetValue(1, 0); ints.SetValue(-2, 1); ints.SetValue(3, 2);
        Assert.Equal("[ 1 -2  3]", np.array2string(ints, sign: " "));
        Assert.Equal("[+1 -2 +3]", np.array2string(ints, sign: "+"));
        var positive = Arange(4);
        Assert.Equal("[ 0  1  2  3]", np.array2string(positive, sign: " "));
        Assert.Equal("[+0 +1 +2 +3]", np.array2string(positive, sign: "+"));
        Assert.Equal("[0. 0. 0.]", mixed.ToString());
    }

    [Fact]
    public void CustomFormattersHonourKeyPrecedence()
    {
        var a = Floats(0.5, 1.25);
        var f = new Dictionary<string, Func<object?, string>>
        {
            ["all"] = _ => "A",
            ["float_kind"] = x => ((double)x!).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
        };
        Assert.Equal("[0.50 1.25]", np.array2string(a, formatter: f));
        Assert.Equal("[A A A]", np.array2string(Arange(3), formatter: f));
        f["int"] = x => $"0x{(long)x!:x}";
        Assert.Equal("[0x0 0x5 0xa]", np.array2string(Arange(11)[np.s(null, null, 5)], formatter: f));
        using (np.printoptions(formatter: f))
            Assert.Equal("array([0.50, 1.25])", a.Repr());
        Assert.Equal("array([0.5 , 1.25])", a.Repr());
    }

    [Fact]
    public void ViewsPrintInLogicalOrder()
    {
        var a = Arange(6).Reshape(2, 3);
        Assert.Equal("[[0 3]\n [1 4]\n [2 5]]", a.T.ToString());
        Assert.Equal("array([5, 4, 3, 2, 1, 0])", a.Ravel()[np.s(null, null, -1)].Repr());
        Assert.Equal("[[0 2]\n [3 5]]", a[np.s(), np.s(null, null, 2)].ToString());
        Assert.Equal("array(4)", a[1, 1].Repr());
    }

    [Fact]
    public void Array2StringSeparatorPrefixSuffix()
    {
        var a = Arange(30);
        string text = np.array2string(a, maxLineWidth: 30, separator: ",", prefix: "xx(", suffix: ")");
        Assert.Equal("[ 0, 1, 2, 3, 4, 5, 6, 7,\n     8, 9,10,11,12,13,14,15,\n    16,17,18,19,20,21,22,23,\n    24,25,26,27,28,29]", text);
        Assert.Equal("[]", np.array2string(np.zeros([0, 4])));
        Assert.Equal("[[1.+0.j]]", np.array2string(Ones(np.complex128, 1, 1)));
    }

    private static NDArray Ones(DType dtype, params long[] shape)
    {
        var a = np.zeros(shape, dtype);
        var idx = new long[shape.Length];
        a.SetValue(1.0, idx);
        return a;
    }

    [Fact]
    public void ScopedOptionsAreRestoredAndThreadLocal()
    {
        var a = Floats(1.0 / 3);
        Assert.Equal("[0.33333333]", a.ToString());
        using (var scope = np.printoptions(precision: 2))
        {
            Assert.Equal(2, scope.Options.Precision);
            Assert.Equal("[0.33]", a.ToString());
            string? other = null;
            var t = new Thread(() => other = a.ToString());
            // Threads started inside the scope inherit it (execution context flow); one that does not flow sees the default.
            using (ExecutionContext.SuppressFlow())
                t.Start();
            t.Join();
            Assert.Equal("[0.33333333]", other);
            // set_printoptions inside a scope changes only the scope.
            np.set_printoptions(precision: 4);
            Assert.Equal("[0.3333]", a.ToString());
        }
        Assert.Equal("[0.33333333]", a.ToString());
        Assert.Equal(PrintOptions.Default, np.get_printoptions());
    }

    [Fact]
    public async Task ScopedOptionsFlowIntoAsyncCode()
    {
        var a = Floats(1.0 / 3);
        using (np.printoptions(precision: 3))
        {
            string inner = await Task.Run(() => a.ToString());
            Assert.Equal("[0.333]", inner);
        }
        Assert.Equal("[0.33333333]", a.ToString());
    }

    [Fact]
    public void InvalidOptionsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => np.printoptions(floatmode: "exact"));
        Assert.Throws<ArgumentException>(() => np.printoptions(sign: "x"));
        Assert.Throws<ArgumentException>(() => np.printoptions(precision: -1));
        Assert.Throws<ArgumentException>(() => np.printoptions(PrintOptions.Default with { Precision = null, FloatMode = FloatMode.Fixed }));
        using (np.printoptions(PrintOptions.Default with { Precision = null }))
            Assert.Equal("[0.3333333333333333]", Floats(1.0 / 3).ToString());
    }

    [Fact]
    public void ObjectArraysShowPythonReprs()
    {
        var a = np.zeros([6], np.object_);
        a.SetValue(new List<object?> { 1L, new List<object?> { 2L, "x" } }, 0);
        a.SetValue(Tuple.Create(1L), 1);
        a.SetValue(Tuple.Create(1L, (object?)null), 2);
        a.SetValue(double.NaN, 3);
        a.SetValue(1e16, 4);
        a.SetValue(Bytes.FromLatin1("a'\""), 5);
        Assert.Equal("array([list([1, [2, 'x']]), (1,), (1, None), nan, 1e+16, b'a\\'\"'],\n      dtype=object)", a.Repr());
    }

    [Fact]
    public void ObjectArrayContainingItselfPrintsEllipsis()
    {
        var a = np.zeros([2], np.object_);
        a.SetValue(a, 0);
        Assert.Equal("array([array(..., dtype=object), None], dtype=object)", a.Repr());
        Assert.Equal("[array(..., dtype=object) None]", a.ToString());
    }

    [Fact]
    public void NestedArrayInObjectArrayWrapsAsBlock()
    {
        var a = np.zeros([2], np.object_);
        a.SetValue(Arange(4).Reshape(2, 2), 0);
        a.SetValue(1L, 1);
        Assert.Equal("array([array([[0, 1],\n              [2, 3]]), 1], dtype=object)", a.Repr());
    }

    [Fact]
    public void HugeSummarizedArrayTouchesOnlyItsCorners()
    {
        var one = Floats(2.5);
        // A zero-stride view of 10^12 elements over a single element: any full scan would never finish.
        var huge = one.View(one.Offset, [1_000_000, 1_000_000], [0, 0]);
        string repr = huge.Repr();
        Assert.Equal(
            "array([[2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5],\n       [2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5],\n       [2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5],\n       ...,\n" +
            "       [2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5],\n       [2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5],\n       [2.5, 2.5, 2.5, ..., 2.5, 2.5, 2.5]], shape=(1000000, 1000000))",
            repr);
    }

    [Fact]
    public void MillionFloatsPrintInFull()
    {
        const int n = 1_000_000;
        var a = np.zeros([n]);
        for (int i = 0; i < n; i++)
            a.SetItem(i % 1000 * 0.25 + 1, i);
        using var scope = np.printoptions(threshold: long.MaxValue);
        string text = a.ToString();
        Assert.StartsWith("[  1.     1.25   1.5    1.75   2.     2.25   2.5    2.75   3.     3.25", text);
        Assert.EndsWith("9.5  249.75 250.   250.25 250.5  250.75]", text);
        Assert.Equal(n, text.Trim('[', ']').Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void DebuggerShowsShapeDtypeAndLeadingElements()
    {
        var a = Arange(10).Reshape(2, 5);
        var preview = typeof(NDArray).GetProperty("DebuggerPreview", BindingFlags.NonPublic | BindingFlags.Instance)!;
        Assert.Equal("shape=(2, 5) dtype=int64 [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]", preview.GetValue(a));
        var attr = typeof(NDArray).GetCustomAttribute<DebuggerTypeProxyAttribute>();
        Assert.NotNull(attr);
        var proxy = Activator.CreateInstance(typeof(NDArray).Assembly.GetType("NumNet.NDArrayDebugView")!, a)!;
        var items = (object?[])proxy.GetType().GetProperty("Items")!.GetValue(proxy)!;
        Assert.Equal(10, items.Length);
        Assert.Equal(9L, items[9]);
    }

    [Fact]
    public void ArrayReprAndStrOverrides()
    {
        var a = Floats(1e-6, 4e-7, 2, 3);
        Assert.Equal("array([0.000001, 0.      , 2.      , 3.      ])", np.array_repr(a, precision: 6, suppressSmall: true));
        Assert.Equal("[1.e-06 4.e-07 2.e+00 3.e+00]", np.array_str(a));
        Assert.Equal("[1.e-06\n 4.e-07\n 2.e+00\n 3.e+00]", np.array_str(a, maxLineWidth: 10));
        Assert.Equal(np.repr(a), a.Repr());
        Assert.Equal(np.str(a), a.ToString());
    }

    [Fact]
    public void Float32And16SwitchToScientificAtTheirPrecision()
    {
        var h = np.zeros([1], np.float16);
        h.SetValue(1000.0, 0);
        Assert.Equal("array([1.e+03], dtype=float16)", h.Repr());
        Assert.Equal("1e+03", h[0].ToString());
        var f = np.zeros([2], np.float32);
        f.SetValue(1e6, 0);
        f.SetValue(0.0001, 1);
        Assert.Equal("[1.e+06 1.e-04]", f.ToString());
        Assert.Equal("1e+06", f[0].ToString());
        Assert.Equal("1e-04", f[1].ToString());
        var d = np.zeros([1]);
        d.SetValue(0.0001, 0);
        Assert.Equal("0.0001", d[0].ToString());
    }

    [Fact]
    public void Float32LimitsCompareInFloat32()
    {
        // NumPy 2 (NEP 50) compares float32 values with 1e-4 converted to float32, so float32(1e-4) is not below it
        // and the array stays positional; NumPy 1.24 compared in float64 and switched to scientific.
        var f = np.zeros([2], np.float32);
        f.SetValue(0.0001, 0);
        f.SetValue(0.001, 1);
        Assert.Equal("[0.0001 0.001 ]", f.ToString());
    }

    [Fact]
    public void ZeroDimensionalStrOfTimelikeValues()
    {
        var nat = np.zeros([], np.dtype("M8[D]"));
        nat.SetItem(long.MinValue);
        Assert.Equal("NaT", nat.ToString());
        Assert.Equal("array('NaT', dtype='datetime64[D]')", nat.Repr());
        var generic = np.zeros([], np.dtype("m8"));
        generic.SetItem(7L);
        Assert.Equal("7 generic time units", generic.ToString());
        Assert.Equal("array(7, dtype=timedelta64)", generic.Repr());
        var weeks = np.zeros([], np.dtype("m8[2W]"));
        weeks.SetItem(3L);
        Assert.Equal("6 weeks", weeks.ToString());
    }

    [Fact]
    public void ComplexKindFormatterAppliesToAllComplexTypes()
    {
        var z = np.zeros([2], np.complex64);
        z.SetValue(new System.Numerics.Complex(1, -1), 0);
        var f = new Dictionary<string, Func<object?, string>> { ["complex_kind"] = x => "z" };
        Assert.Equal("[z z]", np.array2string(z, formatter: f));
        Assert.Equal("[0.+0.j 0.+0.j]", np.array2string(np.zeros([2], np.complex128), formatter: new Dictionary<string, Func<object?, string>> { ["float"] = _ => "f" }));
    }
}
