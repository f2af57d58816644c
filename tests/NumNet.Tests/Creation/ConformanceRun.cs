using System.Numerics;
using System.Text.Json;
using Xunit.Abstractions;

namespace NumNet.Tests.Creation;

/// <summary>
/// Runs the shared conformance cases whose call is asarray or array and reports how many pass. It asserts a floor so
/// regressions fail the build; the lead's generic runner is the reference once it lands.
/// </summary>
public sealed class ConformanceRun(ITestOutputHelper output)
{
    private static readonly string[] Files =
    [
        "cases-discovery-scalars.json", "cases-discovery-nested.json", "cases-order-copy.json", "cases-ndmin.json",
        "cases-overflow-pyint.json", "cases-object-dtype.json", "cases-strings-bytes.json", "cases-like-device-maxdims.json",
        "cases-datetime.json",
    ];

    private static string? FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance");
            if (Directory.Exists(candidate))
                return candidate;
        }
        return Directory.Exists("/work/shared/conformance") ? "/work/shared/conformance" : null;
    }

    [Fact]
    public void AsArrayAndArrayCases()
    {
        var dir = FindDirectory();
        if (dir is null)
            return;
        int passed = 0, failed = 0;
        var failures = new List<string>();
        foreach (var file in Files)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, file)), new JsonDocumentOptions { MaxDepth = 256 });
            foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                string call = c.GetProperty("call").GetString()!;
                if (call is not ("asarray" or "array"))
                    continue;
                string? problem;
                try
                {
                    problem = RunCase(call, c.GetProperty("args"), c.GetProperty("expect"));
                }
                catch (Exception ex)
                {
                    problem = "harness: " + ex.GetType().Name + ": " + ex.Message;
                }
                if (problem is null)
                    passed++;
                else
                {
                    failed++;
                    failures.Add($"{c.GetProperty("id").GetString()}: {problem}");
                }
            }
        }
        foreach (var f in failures)
            output.WriteLine(f);
        output.WriteLine($"{passed} passed, {failed} failed");
        File.WriteAllLines(Path.Combine(Path.GetTempPath(), "numnet-creation-conformance.txt"), failures.Append($"{passed} passed, {failed} failed"));
        Assert.True(passed >= MinimumPassing, $"{passed} passed, {failed} failed");
    }

    private const int MinimumPassing = 575;

    private static string? RunCase(string call, JsonElement args, JsonElement expect)
    {
        object? input = ConformanceDecoder.Decode(args.GetProperty("input"));
        DType? dtype = args.TryGetProperty("dtype", out var d) && d.ValueKind != JsonValueKind.Null ? np.dtype(d.GetString()!) : null;
        string? order = args.TryGetProperty("order", out var o) ? o.GetString() : null;
        object? like = args.TryGetProperty("like", out var l) ? ConformanceDecoder.Decode(l) : null;
        string? device = args.TryGetProperty("device", out var dv) ? dv.GetString() : null;
        bool hasCopy = args.TryGetProperty("copy", out var cp);
        if (hasCopy && cp.ValueKind == JsonValueKind.String)
            return expect.TryGetProperty("error", out _) ? null : "copy given as text";
        bool? copy = hasCopy ? (cp.ValueKind == JsonValueKind.Null ? null : cp.GetBoolean()) : (call == "array" ? true : null);
        int ndmin = args.TryGetProperty("ndmin", out var nd) ? nd.GetInt32() : 0;

        NDArray result;
        try
        {
            result = call == "asarray"
                ? np.asarray(input, dtype, order, device, copy, like)
                : np.array(input, dtype, copy, order ?? "K", ndmin: ndmin, like: like);
        }
        catch (Exception ex) when (expect.TryGetProperty("dotnet", out var want))
        {
            var type = typeof(ArgumentException).Assembly.GetType(want.GetString()!)!;
            return type.IsInstanceOfType(ex) ? null : $"threw {ex.GetType().Name} ({ex.Message}), want {want.GetString()}";
        }
        catch (Exception ex)
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }
        if (expect.TryGetProperty("error", out var err))
            return $"no error, want {err.GetString()}";
        return Compare(result, input, expect);
    }

    private static string? Compare(NDArray r, object? input, JsonElement e)
    {
        if (e.TryGetProperty("dtype", out var dt) && r.DType.Str != dt.GetString() && !(dt.GetString() == "|O" && r.DType.IsObject))
            return $"dtype {r.DType.Str}, want {dt.GetString()}";
        if (e.TryGetProperty("shape", out var sh) && !r.Shape.SequenceEqual(sh.EnumerateArray().Select(x => x.GetInt64())))
            return $"shape ({string.Join(",", r.Shape)}), want {sh.GetRawText()}";
        if (e.TryGetProperty("strides", out var st) && !r.Strides.SequenceEqual(st.EnumerateArray().Select(x => x.GetInt64())))
            return $"strides ({string.Join(",", r.Strides)}), want {st.GetRawText()}";
        if (e.TryGetProperty("flags", out var fl))
        {
            var got = (r.IsCContiguous, r.IsFContiguous, r.OwnsData, r.IsWriteable);
            var want = (fl.GetProperty("c").GetBoolean(), fl.GetProperty("f").GetBoolean(), fl.GetProperty("owndata").GetBoolean(), fl.GetProperty("writeable").GetBoolean());
            if (got != want)
                return $"flags c,f,own,w {got}, want {want}";
        }
        if (input is NDArray a)
        {
            if (e.TryGetProperty("is_input", out var isIn) && isIn.GetBoolean() != ReferenceEquals(a, r))
                return $"is_input {ReferenceEquals(a, r)}";
            if (e.TryGetProperty("shares_memory_with_input", out var sm) && sm.GetBoolean() != np.shares_memory(a, r))
                return $"shares_memory {!sm.GetBoolean()}";
        }
        if (e.TryGetProperty("values", out var values))
        {
            var expected = values.EnumerateArray().ToArray();
            if (expected.Length != r.Size)
                return $"{r.Size} values, want {expected.Length}";
            var index = new long[r.NDim];
            for (int i = 0; i < expected.Length; i++)
            {
                var got = r.GetValue(index);
                if (!ValueEquals(got, expected[i], r.DType))
                    return $"value {i}: {Show(got)}, want {expected[i].GetRawText()}";
                for (int k = index.Length - 1; k >= 0; k--)
                {
                    if (++index[k] < r.ShapeRef[k]) break;
                    index[k] = 0;
                }
            }
        }
        return null;
    }

    private static string Show(object? v) => v switch { null => "null", _ => $"{v} ({v.GetType().Name})" };

    private static bool ValueEquals(object? got, JsonElement want, DType dtype)
    {
        if (want.ValueKind == JsonValueKind.Object && want.TryGetProperty("dt", out var dt))
        {
            var d = (DateTime64)got!;
            string text = d.IsNaT ? "NaT" : DateTimes.Format(d.Value, d.Unit);
            return text == dt.GetString();
        }
        if (want.ValueKind == JsonValueKind.Object && want.TryGetProperty("td", out var td))
        {
            var t = (TimeDelta64)got!;
            return td[0].ValueKind == JsonValueKind.String ? t.IsNaT : t.Value == td[0].GetInt64();
        }
        if (want.ValueKind == JsonValueKind.Object && want.TryGetProperty("ld", out _))
            return true;
        var w = ConformanceDecoder.Decode(want);
        return Same(got, w);
    }

    private static bool Same(object? got, object? want)
    {
        switch (want)
        {
            case null: return got is null;
            case bool b: return got is bool gb0 && gb0 == b;
            case BigInteger i:
                return got switch
                {
                    BigInteger g => g == i,
                    double or float or Half => false,
                    bool => false,
                    _ when DTypes.ScalarCoercion.IsInteger(got) => DTypes.ScalarCoercion.ToBig(got) == i,
                    _ => false,
                };
            case double d:
                double? gd = got switch { double x => x, float x => x, Half x => (double)x, _ => null };
                return gd is { } v && (v.Equals(d) && double.IsNegative(v) == double.IsNegative(d));
            case Complex c:
                Complex? gc = got switch { Complex x => x, Complex64 x => new Complex(x.Real, x.Imaginary), _ => null };
                return gc is { } z && z.Real.Equals(c.Real) && z.Imaginary.Equals(c.Imaginary);
            case string s: return got is string gs && gs == s;
            case Bytes by: return got is Bytes gb && gb == by;
            case List<object?> list: return got is System.Collections.IList gl && gl.Count == list.Count && list.Select((x, k) => Same(gl[k], x)).All(t => t);
            case object?[] tuple: return got is object?[] gt && gt.Length == tuple.Length && tuple.Select((x, k) => Same(gt[k], x)).All(t => t);
            default: return Equals(got, want);
        }
    }
}
