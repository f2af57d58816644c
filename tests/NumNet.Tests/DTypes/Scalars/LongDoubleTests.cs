using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Xunit;

namespace NumNet.Tests.DTypes.Scalars;

/// <summary>
/// Checks <see cref="LongDouble"/> bit for bit against longdouble_cases.txt, which gen_longdouble_cases.py
/// writes from NumPy's x87 long double (see that script for the line format).
/// </summary>
public sealed class LongDoubleTests
{
    private const string CasesFile = "longdouble_cases.txt";

    private static readonly Lazy<Dictionary<string, List<string[]>>> Cases = new(LoadCases);

    private static Dictionary<string, List<string[]>> LoadCases()
    {
        string path = FindCasesFile();
        var byOp = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] fields = line.Split('\t');
            if (!byOp.TryGetValue(fields[0], out List<string[]>? rows))
            {
                rows = [];
                byOp.Add(fields[0], rows);
            }

            rows.Add(fields);
        }

        return byOp;
    }

    private static string FindCasesFile()
    {
        string copied = Path.Combine(AppContext.BaseDirectory, "DTypes", "Scalars", CasesFile);
        if (File.Exists(copied))
        {
            return copied;
        }

        // Not copied to the output: look for the source tree above the test binaries.
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "NumNet.Tests", "DTypes", "Scalars", CasesFile);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Test data not found; it should be copied next to the test assembly.", copied);
    }

    private static LongDouble Ld(string hex) =>
        new(ulong.Parse(hex.AsSpan(4), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ushort.Parse(hex.AsSpan(0, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    private static string Hex(LongDouble x) => $"{x.SignExponent:x4}{x.Significand:x16}";

    private static ulong ParseHex(string s) => ulong.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\')
            {
                sb.Append(s[i]);
            }
            else if (s[i + 1] == '\\')
            {
                sb.Append('\\');
                i++;
            }
            else
            {
                sb.Append((char)int.Parse(s.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 5;
            }
        }

        return sb.ToString();
    }

    /// <summary>Runs every row of one kind and reports all mismatches at once.</summary>
    private static void Check(string op, Func<string[], string?> check)
    {
        Assert.True(Cases.Value.TryGetValue(op, out List<string[]>? rows), $"no '{op}' rows in {CasesFile}");
        var failures = new List<string>();
        foreach (string[] row in rows!)
        {
            string? failure;
            try
            {
                failure = check(row);
            }
            catch (Exception e)
            {
                failure = e.GetType().Name + ": " + e.Message;
            }

            if (failure is not null)
            {
                string shown = string.Join(" ", row);
                failures.Add((shown.Length > 200 ? shown[..200] + "..." : shown) + " => " + failure);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {rows.Count} '{op}' cases failed:\n" + string.Join("\n", failures.Take(25)));
    }

    private static string? Expect(string actual, string expected) => actual == expected ? null : "got " + actual;

    [Fact]
    public void FromDouble() => Check("d2l", r => Expect(Hex(BitConverter.UInt64BitsToDouble(ParseHex(r[1]))), r[2]));

    [Fact]
    public void FromSingle() => Check("f2l", r => Expect(Hex(BitConverter.UInt32BitsToSingle((uint)ParseHex(r[1]))), r[2]));

    [Fact]
    public void FromHalf() => Check("h2l", r => Expect(Hex(BitConverter.UInt16BitsToHalf((ushort)ParseHex(r[1]))), r[2]));

    [Fact]
    public void FromInt64() => Check("i2l", r => Expect(Hex(long.Parse(r[1], CultureInfo.InvariantCulture)), r[2]));

    [Fact]
    public void FromUInt64() => Check("u2l", r => Expect(Hex(ulong.Parse(r[1], CultureInfo.InvariantCulture)), r[2]));

    [Fact]
    public void ToDouble() => Check("l2d", r => Expect(BitConverter.DoubleToUInt64Bits((double)Ld(r[1])).ToString("x16", CultureInfo.InvariantCulture), r[2]));

    [Fact]
    public void ToSingle() => Check("l2f", r => Expect(BitConverter.SingleToUInt32Bits((float)Ld(r[1])).ToString("x8", CultureInfo.InvariantCulture), r[2]));

    [Fact]
    public void ToHalf() => Check("l2h", r => Expect(BitConverter.HalfToUInt16Bits((Half)Ld(r[1])).ToString("x4", CultureInfo.InvariantCulture), r[2]));

    [Fact]
    public void ToIntegers() => Check("l2int", r =>
    {
        LongDouble x = Ld(r[1]);
        string actual = string.Join(
            "\t",
            ((long)x).ToString(CultureInfo.InvariantCulture),
            ((ulong)x).ToString(CultureInfo.InvariantCulture),
            ((int)x).ToString(CultureInfo.InvariantCulture),
            ((uint)x).ToString(CultureInfo.InvariantCulture),
            ((short)x).ToString(CultureInfo.InvariantCulture),
            ((ushort)x).ToString(CultureInfo.InvariantCulture),
            ((sbyte)x).ToString(CultureInfo.InvariantCulture),
            ((byte)x).ToString(CultureInfo.InvariantCulture));
        return Expect(actual, string.Join("\t", r.Skip(2)));
    });

    [Fact]
    public void Add() => Check("add", r => Expect(Hex(Ld(r[1]) + Ld(r[2])), r[3]));

    [Fact]
    public void Subtract() => Check("sub", r => Expect(Hex(Ld(r[1]) - Ld(r[2])), r[3]));

    [Fact]
    public void Multiply() => Check("mul", r => Expect(Hex(Ld(r[1]) * Ld(r[2])), r[3]));

    [Fact]
    public void Divide() => Check("div", r => Expect(Hex(Ld(r[1]) / Ld(r[2])), r[3]));

    [Fact]
    public void Sqrt() => Check("sqrt", r => Expect(Hex(LongDouble.Sqrt(Ld(r[1]))), r[2]));

    [Fact]
    public void Comparisons() => Check("cmp", r =>
    {
        LongDouble a = Ld(r[1]);
        LongDouble b = Ld(r[2]);
        bool[] flags = [a == b, a != b, a < b, a <= b, a > b, a >= b];
        return Expect(string.Concat(flags.Select(f => f ? '1' : '0')), r[3]);
    });

    [Fact]
    public void Classification() => Check("class", r =>
    {
        LongDouble x = Ld(r[1]);
        bool[] flags = [LongDouble.IsNaN(x), LongDouble.IsInfinity(x), LongDouble.IsFinite(x), LongDouble.IsNegative(x)];
        return Expect(string.Concat(flags.Select(f => f ? '1' : '0')), r[2]);
    });

    [Fact]
    public void MemoryLayout() => Check("bytes", r =>
    {
        LongDouble x = Ld(r[1]);
        LongDouble[] one = [x];
        string image = Convert.ToHexStringLower(MemoryMarshal.AsBytes(one.AsSpan()));
        LongDouble back = MemoryMarshal.Read<LongDouble>(Convert.FromHexString(r[2]));
        return image != r[2] ? "memory " + image : Hex(back) != r[1] ? "read back " + Hex(back) : null;
    });

    [Fact]
    public void Parse() => Check("parse", r =>
    {
        string text = Unescape(r[1]);
        bool ok = LongDouble.TryParse(text, out LongDouble value);
        if (r[2] == "error")
        {
            return ok ? "accepted as " + Hex(value) : (Throws(text) ? null : "Parse did not throw FormatException");
        }

        return !ok ? "rejected" : Expect(Hex(value), r[2]) ?? Expect(Hex(LongDouble.Parse(text)), r[2]);
    });

    private static bool Throws(string text)
    {
        try
        {
            LongDouble.Parse(text);
            return false;
        }
        catch (FormatException)
        {
            return true;
        }
    }

    [Fact]
    public void Repr() => Check("repr", r => Expect(Ld(r[1]).ToString(), Unescape(r[2])));

    [Fact]
    public void ReprRoundTrips() => Check("repr", r =>
    {
        LongDouble x = Ld(r[1]);
        if (LongDouble.IsNaN(x))
        {
            return null;
        }

        return Expect(Hex(LongDouble.Parse(x.ToString())), Hex(x));
    });

    [Fact]
    public void SizesMatchNumPy()
    {
        Assert.Equal(16, Unsafe.SizeOf<LongDouble>());
        Assert.Equal(8, Unsafe.SizeOf<Complex64>());
        Assert.Equal(32, Unsafe.SizeOf<Complex256>());
    }

    [Fact]
    public void PaddingIsWrittenAsZero()
    {
        // Dirty memory first: every store of a value must overwrite the padding, not just the fields.
        var values = new LongDouble[6];
        MemoryMarshal.AsBytes(values.AsSpan()).Fill(0xFF);
        LongDouble third = LongDouble.Parse("0.1");
        values[0] = LongDouble.MinValue;
        values[1] = -LongDouble.NaN;
        values[2] = third * 3;
        values[3] = new LongDouble(0x8000000000000000, 0x3FFF);
        values[4] = 2.5;
        values[5] = LongDouble.Sqrt(third);
        ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        for (int i = 0; i < values.Length; i++)
        {
            Assert.True(bytes.Slice((16 * i) + 10, 6).IndexOfAnyExcept((byte)0) < 0, $"element {i}");
        }
    }

    [Fact]
    public void ComplexLayouts()
    {
        Complex64[] c64 = [new(1.5f, -2f)];
        Assert.Equal("0000c03f000000c0", Convert.ToHexStringLower(MemoryMarshal.AsBytes(c64.AsSpan())));
        Complex256[] c256 = [new(LongDouble.One, -LongDouble.One)];
        Assert.Equal(
            "0000000000000080ff3f000000000000" + "0000000000000080ffbf000000000000",
            Convert.ToHexStringLower(MemoryMarshal.AsBytes(c256.AsSpan())));
    }

    [Fact]
    public void ComplexConversions()
    {
        Complex c = new(0.1, -3.0);
        Complex256 wide = c;
        Assert.Equal((LongDouble)0.1, wide.Real);
        Assert.Equal(c, (Complex)wide);
        Complex64 narrow = (Complex64)c;
        Assert.Equal(new Complex64(0.1f, -3f), narrow);
        Assert.Equal((Complex)narrow, (Complex)(Complex256)narrow);
        Assert.Equal(new Complex256(LongDouble.Parse("2.5"), LongDouble.Zero), (Complex256)LongDouble.Parse("2.5"));
        Assert.True(new Complex64(float.NaN, 0).Equals(new Complex64(float.NaN, 0)));
        Assert.False(new Complex64(float.NaN, 0) == new Complex64(float.NaN, 0));
        Assert.True(new Complex256(LongDouble.NaN, 1).Equals(new Complex256(-LongDouble.NaN, 1)));
        Assert.True(new Complex256(LongDouble.Zero, 1) == new Complex256(LongDouble.NegativeZero, 1));
        Assert.Equal("(1.5-2j)", new Complex64(1.5f, -2f).ToString());
        Assert.Equal("(0.1+nanj)", new Complex256(LongDouble.Parse("0.1"), LongDouble.NaN).ToString());
    }

    [Fact]
    public void EqualityAndOrderingFollowDouble()
    {
        LongDouble nan = LongDouble.NaN;
        LongDouble sameNaN = nan;
        Assert.False(nan == sameNaN);
        Assert.True(nan.Equals(-nan));
        Assert.Equal(nan.GetHashCode(), new LongDouble(0xC000000000001234, 0xFFFF).GetHashCode());
        Assert.True(LongDouble.Zero == LongDouble.NegativeZero);
        Assert.Equal(LongDouble.Zero.GetHashCode(), LongDouble.NegativeZero.GetHashCode());

        // A pseudo-denormal equals the normal number it encodes.
        var pseudo = new LongDouble(0x8000000000000001, 0);
        var normal = new LongDouble(0x8000000000000001, 1);
        Assert.True(pseudo == normal);
        Assert.Equal(pseudo.GetHashCode(), normal.GetHashCode());

        LongDouble[] sorted = [LongDouble.One, nan, LongDouble.NegativeInfinity, LongDouble.Epsilon, LongDouble.MinValue];
        Array.Sort(sorted);
        Assert.True(LongDouble.IsNaN(sorted[0]));
        Assert.Equal(new[] { LongDouble.NegativeInfinity, LongDouble.MinValue, LongDouble.Epsilon, LongDouble.One }, sorted[1..]);
        Assert.Equal(1, LongDouble.One.CompareTo(null));
        Assert.Throws<ArgumentException>(() => LongDouble.One.CompareTo((object)1.0));
    }

    [Fact]
    public void Constants()
    {
        Assert.Equal("1.189731495357231765e+4932", LongDouble.MaxValue.ToString());
        Assert.Equal("-1.189731495357231765e+4932", LongDouble.MinValue.ToString());
        Assert.Equal("4e-4951", LongDouble.Epsilon.ToString());
        Assert.Equal("1.084202172485504434e-19", LongDouble.MachineEpsilon.ToString());
        Assert.Equal("3.3621031431120935063e-4932", LongDouble.MinNormal.ToString());
        Assert.Equal(LongDouble.One + LongDouble.MachineEpsilon, new LongDouble(0x8000000000000001, 0x3FFF));
        Assert.True(LongDouble.IsPositiveInfinity(LongDouble.MaxValue * 2));
        Assert.True(LongDouble.IsSubnormal(LongDouble.Epsilon));
        Assert.False(LongDouble.IsSubnormal(LongDouble.MinNormal));
        Assert.True(LongDouble.Parse("-0.75").TryDecompose(out bool negative, out ulong significand, out int exponent));
        Assert.True(negative);
        Assert.Equal(0xC000000000000000, significand);
        Assert.Equal(-64, exponent);
        Assert.False(LongDouble.PositiveInfinity.TryDecompose(out _, out _, out _));
    }

    [Fact]
    public void RandomValuesRoundTripThroughText()
    {
        var rng = new Random(12345);
        for (int i = 0; i < 2000; i++)
        {
            ulong sig = (ulong)rng.NextInt64() | (1UL << 63) | (uint)rng.Next();
            var x = new LongDouble(sig, (ushort)rng.Next(1, 0x7FFF));
            if (rng.Next(2) == 0)
            {
                x = -x;
            }

            Assert.Equal(Hex(x), Hex(LongDouble.Parse(x.ToString())));
        }
    }

    [Fact]
    public void IntegersConvertExactly()
    {
        var rng = new Random(99);
        for (int i = 0; i < 2000; i++)
        {
            long v = rng.NextInt64(long.MinValue, long.MaxValue) >> rng.Next(64);
            LongDouble x = v;
            Assert.Equal(v, (long)x);
            Assert.Equal(Hex(x), Hex(LongDouble.Parse(v.ToString(CultureInfo.InvariantCulture))));
            ulong u = (ulong)v;
            Assert.Equal(u, (ulong)(LongDouble)u);
        }
    }

    [Theory]
    [InlineData(0x8000000000000001UL, "4e-4951")]
    [InlineData(0x8000000000000000UL, "0e+00")]
    [InlineData(0xC000000000000000UL, "1.681051571556046753e-4932")]
    public void PseudoDenormalsPrintAsNumPyPrintsThem(ulong significand, string expected)
    {
        // Exponent field 0 with the integer bit set: NumPy 1.24 prints from the exponent field and ignores the stored integer bit.
        Assert.Equal(expected, new LongDouble(significand, 0).ToString());
    }
}
