using System.Globalization;
using System.Numerics;
using NumNet.Formatting;

namespace NumNet.Tests.LongDoubleArrays;

/// <summary>
/// Checks float128 and complex256 arrays bit for bit against longdouble_arrays.txt, written by
/// gen_longdouble_arrays.py from NumPy's x87 long double (the script documents the line format). Every expectation
/// there came out of a NumPy array operation, so each test here goes through the matching NumNet array path.
/// </summary>
public sealed class LongDoubleArrayTests
{
    private const string CasesFile = "longdouble_arrays.txt";

    private static readonly Lazy<Dictionary<string, List<string[]>>> Cases = new(Load);

    private static readonly Lazy<LongDouble[]> Values = new(() => Rows("v").Select(r => Ld(r[1])).ToArray());

    private static Dictionary<string, List<string[]>> Load()
    {
        var byKind = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(FindCasesFile()))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (!byKind.TryGetValue(fields[0], out List<string[]>? rows))
            {
                byKind.Add(fields[0], rows = []);
            }

            rows.Add(fields);
        }

        return byKind;
    }

    private static string FindCasesFile()
    {
        string copied = Path.Combine(AppContext.BaseDirectory, "LongDoubleArrays", CasesFile);
        if (File.Exists(copied))
        {
            return copied;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "NumNet.Tests", "LongDoubleArrays", CasesFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Test data not found; it should be copied next to the test assembly.", copied);
    }

    private static List<string[]> Rows(string kind)
    {
        Assert.True(Cases.Value.TryGetValue(kind, out List<string[]>? rows), $"no '{kind}' rows in {CasesFile}");
        return rows!;
    }

    private static LongDouble Ld(string hex) =>
        new(ulong.Parse(hex.AsSpan(4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ushort.Parse(hex.AsSpan(0, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Hex(LongDouble x) => $"{x.SignExponent:x4}{x.Significand:x16}";

    private static ulong ParseHex(string s) => ulong.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Unescape(string s) => s.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    /// <summary>Compares every row at once and reports all mismatches, so one run shows the whole picture.</summary>
    private static void Check(List<string[]> rows, Func<int, string[], string?> check)
    {
        var failures = new List<string>();
        for (int k = 0; k < rows.Count; k++)
        {
            string? failure;
            try
            {
                failure = check(k, rows[k]);
            }
            catch (Exception e)
            {
                failure = e.GetType().Name + ": " + e.Message;
            }

            if (failure is not null)
            {
                string shown = string.Join(" ", rows[k]);
                failures.Add((shown.Length > 300 ? shown[..300] + "..." : shown) + " => " + failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {rows.Count} rows failed:\n" + string.Join("\n", failures.Take(25)));
    }

    private static string? Expect(string actual, string expected) => actual == expected ? null : "got " + actual;

    private static NDArray ValueArray()
    {
        NDArray a = np.array(Values.Value);
        Assert.Equal(np.float128, a.DType);
        Assert.Equal(Rows("v").Count, a.Shape[0]);
        return a;
    }

    [Fact]
    public void AsTypeToInt64() => ToDType(np.int64, 2, (a, k) => a.GetItem<long>(k).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void AsTypeToUInt64() => ToDType(np.uint64, 3, (a, k) => a.GetItem<ulong>(k).ToString(CultureInfo.InvariantCulture));

    [Fact]
    public void AsTypeToFloat64() => ToDType(np.float64, 4, (a, k) => BitConverter.DoubleToUInt64Bits(a.GetItem<double>(k)).ToString("x16", CultureInfo.InvariantCulture));

    [Fact]
    public void AsTypeToFloat32() => ToDType(np.float32, 5, (a, k) => BitConverter.SingleToUInt32Bits(a.GetItem<float>(k)).ToString("x8", CultureInfo.InvariantCulture));

    [Fact]
    public void AsTypeToFloat16() => ToDType(np.float16, 6, (a, k) => BitConverter.HalfToUInt16Bits(a.GetItem<Half>(k)).ToString("x4", CultureInfo.InvariantCulture));

    [Fact]
    public void AsTypeToUnicode() => ToDType(np.str_, 7, (a, k) => (string)a.GetValue(k)!);

    [Fact]
    public void AsTypeToBytes() => ToDType(np.bytes_, 7, (a, k) => ((Bytes)a.GetValue(k)!).ToLatin1());

    private static void ToDType(DType dtype, int column, Func<NDArray, long, string> read)
    {
        NDArray converted = ValueArray().AsType(dtype);
        Check(Rows("v"), (k, r) => Expect(read(converted, k), Unescape(r[column])));
    }

    [Fact]
    public void AsTypeFromInt64() =>
        FromDType("fi", s => np.array(s.Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray()));

    [Fact]
    public void AsTypeFromUInt64() =>
        FromDType("fu", s => np.array(s.Select(t => ulong.Parse(t, CultureInfo.InvariantCulture)).ToArray()));

    [Fact]
    public void AsTypeFromFloat64() =>
        FromDType("fd", s => np.array(s.Select(t => BitConverter.UInt64BitsToDouble(ParseHex(t))).ToArray()));

    [Fact]
    public void AsTypeFromFloat32() =>
        FromDType("ff", s => np.array(s.Select(t => BitConverter.UInt32BitsToSingle((uint)ParseHex(t))).ToArray()));

    [Fact]
    public void AsTypeFromFloat16() =>
        FromDType("fh", s => np.array(s.Select(t => BitConverter.UInt16BitsToHalf((ushort)ParseHex(t))).ToArray()));

    private static void FromDType(string kind, Func<IEnumerable<string>, NDArray> build)
    {
        List<string[]> rows = Rows(kind);
        NDArray converted = build(rows.Select(r => r[1])).AsType(np.float128);
        Check(rows, (k, r) => Expect(Hex(converted.GetItem<LongDouble>(k)), r[2]));
    }

    [Fact]
    public void ParseThroughArrayWithDTypeG()
    {
        List<string[]> rows = Rows("p");
        NDArray parsed = np.array(rows.Select(r => Unescape(r[1])).ToArray(), dtype: np.dtype("g"));
        Assert.Equal(np.float128, parsed.DType);
        Check(rows, (k, r) => Expect(Hex(parsed.GetItem<LongDouble>(k)), r[2]));
    }

    [Fact]
    public void ParseThroughStringArrayAsType()
    {
        List<string[]> rows = Rows("p");
        NDArray parsed = np.array(rows.Select(r => Unescape(r[1])).ToArray()).AsType("g");
        Check(rows, (k, r) => Expect(Hex(parsed.GetItem<LongDouble>(k)), r[2]));
    }

    [Fact]
    public void FourOperationsOnArrayElements()
    {
        NDArray a = ValueArray();
        Check(Rows("o"), (_, r) =>
        {
            LongDouble x = a.GetItem<LongDouble>(long.Parse(r[1], CultureInfo.InvariantCulture));
            LongDouble y = a.GetItem<LongDouble>(long.Parse(r[2], CultureInfo.InvariantCulture));
            string got = string.Join("\t", Hex(x + y), Hex(x - y), Hex(x * y), Hex(x / y));
            return Expect(got, string.Join("\t", r[3..7]));
        });
    }

    [Fact]
    public void Complex256ToComplex128Complex64AndText()
    {
        List<string[]> rows = Rows("c");
        NDArray c = np.array(rows.Select(r => new Complex256(Ld(r[1]), Ld(r[2]))).ToArray());
        Assert.Equal(np.complex256, c.DType);
        NDArray c16 = c.AsType(np.complex128);
        NDArray c8 = c.AsType(np.complex64);
        NDArray text = c.AsType(np.str_);
        Check(rows, (k, r) =>
        {
            Complex d = c16.GetItem<Complex>(k);
            Complex64 f = c8.GetItem<Complex64>(k);
            string got = string.Join("\t",
                $"{BitConverter.DoubleToUInt64Bits(d.Real):x16}:{BitConverter.DoubleToUInt64Bits(d.Imaginary):x16}",
                $"{BitConverter.SingleToUInt32Bits(f.Real):x8}:{BitConverter.SingleToUInt32Bits(f.Imaginary):x8}",
                (string)text.GetValue(k)!);
            return Expect(got, string.Join("\t", r[3], r[4], Unescape(r[5])));
        });
    }

    [Fact]
    public void Complex256FourOperationsOnArrayElements()
    {
        NDArray a = ValueArray();
        Check(Rows("co"), (_, r) =>
        {
            LongDouble At(int column) => a.GetItem<LongDouble>(long.Parse(r[column], CultureInfo.InvariantCulture));
            var x = new Complex256(At(1), At(2));
            var y = new Complex256(At(3), At(4));
            static string Show(Complex256 z) => Hex(z.Real) + ":" + Hex(z.Imaginary);
            string got = string.Join("\t", Show(x + y), Show(x - y), Show(x * y), Show(x / y));
            return Expect(got, string.Join("\t", r[5..9]));
        });
    }

    [Fact]
    public void Complex128ToComplex256()
    {
        List<string[]> rows = Rows("cd");
        NDArray c = np.array(rows.Select(r => new Complex(BitConverter.UInt64BitsToDouble(ParseHex(r[1])), BitConverter.UInt64BitsToDouble(ParseHex(r[2])))).ToArray());
        NDArray wide = c.AsType(np.complex256);
        Check(rows, (k, r) =>
        {
            Complex256 z = wide.GetItem<Complex256>(k);
            return Expect(Hex(z.Real) + "\t" + Hex(z.Imaginary), r[3] + "\t" + r[4]);
        });
    }

    [Fact]
    public void ReprAndStrUnderPrintOptions()
    {
        NDArray a = ValueArray();
        Check(Rows("r"), (_, r) =>
        {
            long start = long.Parse(r[2], CultureInfo.InvariantCulture);
            int count = int.Parse(r[3], CultureInfo.InvariantCulture);
            var items = new LongDouble[count];
            for (int i = 0; i < count; i++)
            {
                items[i] = a.GetItem<LongDouble>(start + i);
            }

            NDArray sub = np.array(items);
            using PrintOptionsScope scope = Scope(r[1]);
            string got = r[1].StartsWith('s') ? sub.ToString() : sub.Repr();
            return Expect(got, Unescape(r[4]));
        });
    }

    private static PrintOptionsScope Scope(string opts)
    {
        int? precision = null;
        bool? suppress = null;
        string? floatmode = null;
        string? sign = null;
        foreach (string item in opts.Split(','))
        {
            string[] kv = item.Split('=');
            switch (kv[0])
            {
                case "precision": precision = int.Parse(kv[1], CultureInfo.InvariantCulture); break;
                case "suppress": suppress = kv[1] == "True"; break;
                case "floatmode": floatmode = kv[1]; break;
                case "sign": sign = kv[1]; break;
            }
        }

        return np.printoptions(precision: precision, suppress: suppress, floatmode: floatmode, sign: sign);
    }

    [Fact]
    public void ScalarsAndNestedListsBecomeFloat128Arrays()
    {
        LongDouble third = LongDouble.One / new LongDouble(3.0);
        NDArray zeroD = np.asarray(third);
        Assert.Equal(np.float128, zeroD.DType);
        Assert.Equal(0, zeroD.NDim);
        Assert.Equal(Hex(third), Hex(zeroD.Item<LongDouble>()));

        NDArray nested = np.array(new object[] { new object[] { third, LongDouble.One }, new object[] { -third, LongDouble.MaxValue } });
        Assert.Equal(np.float128, nested.DType);
        Assert.Equal([2L, 2L], nested.Shape);
        Assert.Equal(Hex(-third), Hex(nested.GetItem<LongDouble>(1, 0)));
        Assert.Equal(Hex(LongDouble.MaxValue), Hex(nested.GetItem<LongDouble>(1, 1)));

        var z = new Complex256(third, -third);
        NDArray complexNested = np.array(new List<object> { new List<object> { z, third } });
        Assert.Equal(np.complex256, complexNested.DType);
        Assert.Equal(z, complexNested.GetItem<Complex256>(0, 0));
        Assert.Equal(new Complex256(third, LongDouble.Zero), complexNested.GetItem<Complex256>(0, 1));

        NDArray zeroDComplex = np.asarray(z);
        Assert.Equal(np.complex256, zeroDComplex.DType);
        Assert.Equal(z, zeroDComplex.Item<Complex256>());
    }

    [Fact]
    public void DecimalTextParsesCorrectlyRoundedNotThroughDouble()
    {
        NDArray a = np.array(new[] { "0.1" }, dtype: np.dtype("g"));
        Assert.Equal(Hex(LongDouble.Parse("0.1")), Hex(a.GetItem<LongDouble>(0)));
        Assert.NotEqual(Hex(new LongDouble(0.1)), Hex(a.GetItem<LongDouble>(0)));
    }
}
