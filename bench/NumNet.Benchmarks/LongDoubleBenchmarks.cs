using BenchmarkDotNet.Attributes;

namespace NumNet.Benchmarks;

/// <summary>
/// The software x87 long double: shortest-repr formatting, correctly rounded parsing and the four operations, each
/// over a fixed batch of 256 values so one call is long enough to time and the per-value cost is the time / 256.
/// </summary>
/// <remarks>
/// Not in <see cref="Catalog"/>: NumPy's side of a scalar long double operation is dominated by the interpreter, so a
/// ratio would measure Python, not the arithmetic. The inputs mix the cases the fast paths target (values exact in
/// double, short decimals) with full 64-bit significands and wide exponents, which take the exact slow paths.
/// </remarks>
[MemoryDiagnoser]
public class LongDoubleBenchmarks
{
    private const int Count = 256;

    private LongDouble[] _short = [];
    private LongDouble[] _full = [];
    private string[] _shortText = [];
    private string[] _fullText = [];
    private LongDouble[] _results = [];

    /// <summary>Builds the inputs once with a fixed seed.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(8);
        _short = new LongDouble[Count];
        _full = new LongDouble[Count];
        _results = new LongDouble[Count];
        for (int i = 0; i < Count; i++)
        {
            // Short decimals (a few digits, modest exponents): what tables and text files mostly hold.
            _short[i] = LongDouble.Parse($"{rng.Next(1, 100000)}e{rng.Next(-8, 8)}");
            ulong sig = (1UL << 63) | (ulong)rng.NextInt64();
            ushort exp = (ushort)(16383 + rng.Next(-300, 300) | (rng.Next(2) << 15));
            _full[i] = new LongDouble(sig, exp);
        }

        _shortText = Array.ConvertAll(_short, x => x.ToString());
        _fullText = Array.ConvertAll(_full, x => x.ToString());
    }

    /// <summary>ToString of short decimals.</summary>
    [Benchmark]
    public int FormatShort()
    {
        int n = 0;
        foreach (LongDouble x in _short)
        {
            n += x.ToString().Length;
        }

        return n;
    }

    /// <summary>ToString of full 64-bit significands (20-digit results).</summary>
    [Benchmark]
    public int FormatFull()
    {
        int n = 0;
        foreach (LongDouble x in _full)
        {
            n += x.ToString().Length;
        }

        return n;
    }

    /// <summary>Parse of short decimal texts.</summary>
    [Benchmark]
    public LongDouble ParseShort()
    {
        LongDouble last = default;
        foreach (string s in _shortText)
        {
            last = LongDouble.Parse(s);
        }

        return last;
    }

    /// <summary>Parse of 20-digit texts with wide exponents.</summary>
    [Benchmark]
    public LongDouble ParseFull()
    {
        LongDouble last = default;
        foreach (string s in _fullText)
        {
            last = LongDouble.Parse(s);
        }

        return last;
    }

    /// <summary>Element-wise sum of two batches.</summary>
    [Benchmark]
    public void Add() => Apply(static (a, b) => a + b);

    /// <summary>Element-wise difference of two batches.</summary>
    [Benchmark]
    public void Subtract() => Apply(static (a, b) => a - b);

    /// <summary>Element-wise product of two batches.</summary>
    [Benchmark]
    public void Multiply() => Apply(static (a, b) => a * b);

    /// <summary>Element-wise quotient of two batches.</summary>
    [Benchmark]
    public void Divide() => Apply(static (a, b) => a / b);

    private void Apply(Func<LongDouble, LongDouble, LongDouble> op)
    {
        LongDouble[] a = _full;
        LongDouble[] b = _short;
        LongDouble[] r = _results;
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = op(a[i], b[i]);
        }
    }
}
