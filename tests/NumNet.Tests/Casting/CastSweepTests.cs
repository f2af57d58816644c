using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NumNet.Tests.Casting;

/// <summary>
/// Compares NumNet with NumPy's results recorded by <c>Data/generate_cast_sweep.py</c>: every numeric pair on edge
/// values (NaN, infinities, -0.0, subnormals, integer limits, float16 ties) in contiguous, strided and byte-swapped
/// layouts, datetime/timedelta unit conversions before and after 1970, str() of numbers, and the can_cast and
/// promote_types grids.
/// </summary>
public sealed class CastSweepTests(ITestOutputHelper output)
{
    private static readonly Lazy<JsonNode> Sweep = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Casting", "Data", "cast-sweep.json")))!);

    private static NDArray FromHex(string hex, DType dtype)
    {
        byte[] bytes = Convert.FromHexString(hex);
        var a = np.zeros([bytes.Length / dtype.ItemSize], dtype);
        bytes.CopyTo(MemoryMarshal.CreateSpan(ref NumNet.Tests.Memory.TestMemory.Origin(a), bytes.Length));
        return a;
    }

    private static byte[] BytesOf(NDArray a)
    {
        var c = np.ascontiguousarray(a);
        return MemoryMarshal.CreateSpan(ref Unsafe.Add(ref NumNet.Tests.Memory.TestMemory.Origin(c), (nint)c.Offset), (int)c.NBytes).ToArray();
    }

    // Long doubles occupy 16 bytes of which the x87 value uses 10; the rest is padding with no meaning.
    private static bool SameBytes(byte[] got, byte[] want, DType dtype)
    {
        if (got.Length != want.Length)
            return false;
        bool padded = dtype.Code is DTypeCode.Float128 or DTypeCode.Complex256;
        for (int i = 0; i < got.Length; i++)
        {
            if (padded && i % 16 >= 10)
                continue;
            if (got[i] != want[i])
                return false;
        }
        return true;
    }

    [Fact]
    public void NumericPairs()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Sweep.Value["casts"]!.AsArray())
        {
            var from = np.dtype(c!["from"]!.GetValue<string>());
            var to = np.dtype(c["to"]!.GetValue<string>());
            var src = FromHex(c["input"]!.GetValue<string>(), from);
            count++;
            void Check(string layout, NDArray result)
            {
                var want = Convert.FromHexString(c[layout]!.GetValue<string>());
                var got = BytesOf(result);
                if (!SameBytes(got, want, to))
                    failures.Add($"{from}->{to} {layout}: {Describe(src, result, FromHex(c[layout]!.GetValue<string>(), to))}");
            }
            Check("contiguous", src.AsType(to));
            var padded = np.zeros([src.Size * 2], from);
            var strided = padded[np.s(null, null, 2)];
            NumNet.Casting.CastEngine.CastInto(src, strided);
            Check("strided", strided.AsType(to));
            var swapped = src.AsType(from.NewByteOrder()).AsType(to.NewByteOrder()).AsType(to);
            Check("swapped", swapped);
        }
        Report("numeric pairs", count, failures);
    }

    private static string Describe(NDArray src, NDArray got, NDArray want)
    {
        var diffs = new List<string>();
        for (long i = 0; i < src.Size && diffs.Count < 4; i++)
        {
            var g = got.GetValue(i);
            var w = want.GetValue(i);
            if (!Equals(g, w))
                diffs.Add($"[{i}] {src.GetValue(i)} -> {g} want {w}");
        }
        return string.Join(", ", diffs);
    }

    [Fact]
    public void DateTimeUnits()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Sweep.Value["times"]!.AsArray())
        {
            string kind = c!["kind"]!.GetValue<string>();
            var from = np.dtype($"{kind}[{c["from"]}]");
            var to = np.dtype($"{kind}[{c["to"]}]");
            var input = c["input"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            var expect = c["expect"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            var a = np.zeros([input.Length], from);
            for (int i = 0; i < input.Length; i++)
                a.SetItem(input[i], i);
            count++;
            try
            {
                var r = a.AsType(to);
                for (int i = 0; i < input.Length; i++)
                {
                    if (r.GetItem<long>(i) != expect[i])
                        failures.Add($"{from}->{to}: {input[i]} -> {r.GetItem<long>(i)} want {expect[i]}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{from}->{to}: {e.GetType().Name} {e.Message}");
            }
        }
        Report("datetime units", count, failures);
    }

    [Fact]
    public void NumbersToText()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var c in Sweep.Value["texts"]!.AsArray())
        {
            var from = np.dtype(c!["from"]!.GetValue<string>());
            var src = FromHex(c["input"]!.GetValue<string>(), from);
            var r = src.AsType(np.str_);
            count++;
            if (r.DType.Str != c["dtype"]!.GetValue<string>())
                failures.Add($"{from}: dtype {r.DType.Str} want {c["dtype"]}");
            var expect = c["expect"]!.AsArray();
            for (int i = 0; i < expect.Count; i++)
            {
                string want = expect[i]!.GetValue<string>();
                if ((string)r.GetValue(i)! != want)
                    failures.Add($"{from}: {src.GetValue(i)} -> '{r.GetValue(i)}' want '{want}'");
            }
        }
        Report("str of numbers", count, failures);
    }

    [Fact]
    public void CanCastGrid()
    {
        string[] rules = ["no", "equiv", "safe", "same_kind", "unsafe"];
        var failures = new List<string>();
        var grid = Sweep.Value["can_cast"]!.AsArray();
        foreach (var row in grid)
        {
            var (a, b, want) = (row![0]!.GetValue<string>(), row[1]!.GetValue<string>(), row[2]!.GetValue<string>());
            string got = rules.FirstOrDefault(r => np.can_cast(np.dtype(a), np.dtype(b), r)) ?? "never";
            if (got != want)
                failures.Add($"can_cast({a}, {b}): {got} want {want}");
        }
        Report("can_cast grid", grid.Count, failures);
    }

    [Fact]
    public void PromoteTypesGrid()
    {
        var failures = new List<string>();
        var grid = Sweep.Value["promote"]!.AsArray();
        foreach (var row in grid)
        {
            var (a, b, want) = (row![0]!.GetValue<string>(), row[1]!.GetValue<string>(), row[2]!.GetValue<string>());
            string got;
            try
            {
                got = np.promote_types(np.dtype(a), np.dtype(b)).Str;
            }
            catch (InvalidCastException)
            {
                got = "error";
            }
            if (got != want)
                failures.Add($"promote_types({a}, {b}): {got} want {want}");
        }
        Report("promote_types grid", grid.Count, failures);
    }

    private void Report(string what, int count, List<string> failures)
    {
        output.WriteLine($"{what}: {count} cases, {failures.Count} failures");
        foreach (var f in failures.Take(200))
            output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{what}: {failures.Count} failures\n" + string.Join("\n", failures.Take(40)));
    }
}
