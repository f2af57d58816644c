using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NumNet.Casting;
using NumNet.DTypes.Text;

namespace NumNet.Tests.Casting;

/// <summary>
/// The allocation-free float64 ↔ <c>U</c> loops against the general per-element path they replace: same text, same
/// truncation at the field width, same parsed values, same errors.
/// </summary>
public sealed class TextCastTests
{
    private static readonly double[] Edges =
    [
        0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1, -1, 0.1, 1.0 / 7, 1e-4, 9.999999999999999e-5,
        1e-5, 1.5e-5, 1e15, 1e16, 9999999999999998.0, 1e16 + 2, 123456789012345680.0, 1e22, 1e23, 5e-324, -5e-324,
        2.2250738585072014e-308, double.MaxValue, double.MinValue, 0.30000000000000004, 100, 1234.5, 1e100, 2.5e-300,
        Math.Pow(2, 60), 4.35, 0.001, 12345678.9,
    ];

    private static IEnumerable<double> Values()
    {
        var random = new Random(11);
        foreach (double d in Edges)
            yield return d;
        for (int i = 0; i < 100_000; i++)
            yield return BitConverter.Int64BitsToDouble(random.NextInt64());
        for (int i = 0; i < 100_000; i++)
            yield return Math.Round(random.NextDouble() * Math.Pow(10, random.Next(-6, 18)), random.Next(0, 8));
        for (int i = 0; i < 100_000; i++)
            yield return Math.Pow(2, random.Next(-1074, 1024));
    }

    [Fact]
    public void Float64TextRoundTripsInPythonLayout()
    {
        foreach (double d in Values())
        {
            string text = FloatText.Scalar(d);
            if (!double.IsFinite(d))
            {
                Assert.Equal(double.IsNaN(d) ? "nan" : d > 0 ? "inf" : "-inf", text);
                continue;
            }
            double back = double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
            bool same = double.IsNaN(d) ? double.IsNaN(back) : BitConverter.DoubleToInt64Bits(back) == BitConverter.DoubleToInt64Bits(d);
            // Python's float repr: positional with a point from 1e-4 up to 1e16, scientific with a signed exponent outside.
            double abs = Math.Abs(d);
            bool positional = !double.IsFinite(d) || d == 0 || (abs >= 1e-4 && abs < 1e16);
            bool layout = positional ? !text.Contains('e') && (text.Contains('.') || !double.IsFinite(d)) : text.Contains("e+") || text.Contains("e-");
            if (!same || !layout)
                Assert.Fail($"{BitConverter.DoubleToInt64Bits(d):X16}: {text}");
        }
    }

    [Theory]
    [InlineData("U32")]
    [InlineData("U5")]
    [InlineData("U1")]
    [InlineData(">U12")]
    public void FormatsAsTheGeneralPath(string spec)
    {
        double[] values = [.. Values().Take(20_000)];
        using var a = np.array(values);
        using var fast = a.AsType(np.dtype(spec));
        for (int i = 0; i < values.Length; i++)
        {
            string want = FloatText.Scalar(values[i]);
            want = want[..Math.Min(want.Length, fast.DType.ItemSize / 4)];
            Assert.Equal(want, (string?)fast.GetValue(i));
        }
        // Strided and byte-swapped sources take the same loop.
        using var swapped = a.AsType(np.dtype(">f8"));
        using var fromSwapped = swapped[np.s(step: 3)].AsType(np.dtype(spec));
        for (int i = 0; i < fromSwapped.Size; i++)
            Assert.Equal((string?)fast.GetValue(3 * i), (string?)fromSwapped.GetValue(i));
    }

    [Fact]
    public void ParsesAsTheGeneralPath()
    {
        string[] texts =
        [
            "1.5", " 2.25 ", "\t-3e5\n", "1_000.5", "+inf", "-Infinity", "nan", "-NaN", ".5", "5.", "1e-320", "0x10", "1e400",
            "12345678901234567890123456789012", "0.1428571428571428", "-0", "  +7  ",
        ];
        foreach (string spec in new[] { "U32", ">U32" })
        {
            using var a = np.array(texts).AsType(np.dtype(spec));
            foreach (var target in new[] { np.float64, np.dtype(">f8") })
            {
                bool ok = texts.All(t => NumNet.DTypes.PythonNumberSyntax.TryParseFloat(t, out _));
                Assert.False(ok);
                // Drop the unparsable entry, then compare value by value with Python's float() as NumNet implements it.
                var good = texts.Where(t => NumNet.DTypes.PythonNumberSyntax.TryParseFloat(t, out _)).ToArray();
                using var g = np.array(good).AsType(np.dtype(spec));
                using var parsed = g.AsType(target);
                for (int i = 0; i < good.Length; i++)
                {
                    double want = NumNet.DTypes.ScalarCoercion.ParseFloat(good[i]);
                    Assert.Equal(BitConverter.DoubleToInt64Bits(want), BitConverter.DoubleToInt64Bits(parsed.GetItem<double>(i)));
                }
                var error = Assert.Throws<ArgumentException>(() => a.AsType(target));
                Assert.Contains("could not convert string to float: '0x10'", error.Message);
            }
        }
    }

    [Fact]
    public void NonAsciiTextTakesTheGeneralPath()
    {
        using var a = np.array(new[] { "1.5", "٣", "2" });
        Assert.Throws<ArgumentException>(() => a.AsType(np.float64));
        using var b = np.array(new[] { "1.5", "\u00a02.5\u2003" });
        using var parsed = b.AsType(np.float64);
        Assert.Equal(2.5, parsed.GetItem<double>(1));
    }

    [Fact]
    public void TextToGenericDatetimeTakesTheUnitTheValuesNeed()
    {
        // NumPy 1.24: array(['2001-01-01', '2001-01-02T03']).astype('M8') is datetime64[h], and so on.
        Assert.Equal("array(['2001-01-01T00', '2001-01-02T03'], dtype='datetime64[h]')",
            np.repr(np.asarray(new[] { "2001-01-01", "2001-01-02T03" }).AsType("M8")));
        Assert.Equal("array(['2001-01', '2002-03'], dtype='datetime64[M]')",
            np.repr(np.asarray(new object[] { "2001", "2002-03" }, dtype: np.object_).AsType("M8")));
        Assert.Equal("array(['2001-01', '2002-03'], dtype='datetime64[M]')",
            np.repr(np.asarray(new[] { new Bytes("2001"u8), new Bytes("2002-03"u8) }).AsType("M8")));
        Assert.Equal("array(['NaT'], dtype=datetime64)", np.repr(np.asarray(new[] { "NaT" }).AsType("M8")));
        Assert.Equal("array([], dtype=datetime64)", np.repr(np.empty([0], np.dtype("U5")).AsType("M8")));
    }
}
