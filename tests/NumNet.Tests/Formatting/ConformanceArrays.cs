using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace NumNet.Tests.Formatting;

/// <summary>
/// Rebuilds the result arrays of the NumPy conformance cases from their <c>expect</c> fields (dtype, shape, values)
/// with <c>np.zeros</c> and <c>SetValue</c>, so their repr and str can be checked without the coercion pipeline.
/// </summary>
internal static class ConformanceArrays
{
    private static readonly string DataDir = Path.Combine(AppContext.BaseDirectory, "Formatting", "Data");

    public sealed record Case(string File, string Id, JsonElement Expect, JsonElement Args)
    {
        public override string ToString() => Id;
    }

    private static readonly Lazy<List<Case>> s_cases = new(() => LoadCasesWithText().ToList());

    public static IReadOnlyList<Case> CasesWithText() => s_cases.Value;

    private static IEnumerable<Case> LoadCasesWithText()
    {
        foreach (string path in Directory.GetFiles(DataDir, "cases-*.json").OrderBy(p => p, StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { MaxDepth = 256 });
            foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
            {
                if (!c.TryGetProperty("expect", out var e) || e.ValueKind != JsonValueKind.Object)
                    continue;
                bool hasText = (e.TryGetProperty("repr", out var r) && r.ValueKind == JsonValueKind.String) ||
                               (e.TryGetProperty("str", out var s) && s.ValueKind == JsonValueKind.String);
                if (hasText && e.TryGetProperty("values", out _) && e.TryGetProperty("dtype", out _))
                    yield return new Case(Path.GetFileName(path), c.GetProperty("id").GetString()!, e.Clone(), c.GetProperty("args").Clone());
            }
        }
    }

    public static NDArray Build(JsonElement expect, JsonElement args)
    {
        var dtype = np.dtype(expect.GetProperty("dtype").GetString()!);
        // The requested spelling can matter to repr ('q' is np.longlong, not np.int64), so keep it when it is the
        // same dtype.
        if (args.ValueKind == JsonValueKind.Object && args.TryGetProperty("dtype", out var asked) && asked.ValueKind == JsonValueKind.String)
        {
            try
            {
                var spelled = np.dtype(asked.GetString()!);
                if (spelled == dtype)
                    dtype = spelled;
            }
            catch (ArgumentException)
            {
            }
        }
        long[] shape = expect.GetProperty("shape").EnumerateArray().Select(x => x.GetInt64()).ToArray();
        var array = np.zeros(shape, dtype);
        var values = expect.GetProperty("values").EnumerateArray().ToArray();
        var index = new long[shape.Length];
        foreach (var v in values)
        {
            Set(array, dtype, v, index);
            for (int axis = shape.Length - 1; axis >= 0; axis--)
            {
                if (++index[axis] < shape[axis])
                    break;
                index[axis] = 0;
            }
        }
        return array;
    }

    private static void Set(NDArray array, DType dtype, JsonElement v, long[] index)
    {
        if (dtype.Code == DTypeCode.TimeDelta64)
        {
            var td = v.GetProperty("td");
            long count = td[0].ValueKind == JsonValueKind.String ? long.MinValue : td[0].GetInt64();
            array.SetItem(count, index);
            return;
        }
        if (dtype.Code == DTypeCode.DateTime64)
        {
            string text = v.GetProperty("dt").GetString()!;
            array.SetItem(DateTimes.Parse(text, dtype.DateTimeMeta).Value, index);
            return;
        }
        if (dtype.Code == DTypeCode.Float128 && v.ValueKind == JsonValueKind.Object && v.TryGetProperty("ld", out var ld))
        {
            array.SetItem(LongDouble.Parse(ld.GetString()!), index);
            return;
        }
        array.SetValue(Decode(v), index);
    }

    public static object? Decode(JsonElement v)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return v.GetString();
            case JsonValueKind.Number:
            {
                string raw = v.GetRawText();
                if (raw.Contains('.') || raw.Contains('e') || raw.Contains('E'))
                    return double.Parse(raw, CultureInfo.InvariantCulture);
                var big = BigInteger.Parse(raw, CultureInfo.InvariantCulture);
                if (big >= long.MinValue && big <= long.MaxValue)
                    return (long)big;
                return big;
            }
            case JsonValueKind.Array:
                return v.EnumerateArray().Select(Decode).ToList();
        }
        if (v.TryGetProperty("f", out var f))
            return f.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NegativeInfinity };
        if (v.TryGetProperty("complex", out var c))
        {
            if (Decode(c[0]) is LongDouble re && Decode(c[1]) is LongDouble im)
                return new Complex256(re, im);
            return new Complex(ToDouble(Decode(c[0])), ToDouble(Decode(c[1])));
        }
        if (v.TryGetProperty("bytes", out var b))
            return Bytes.FromLatin1(b.GetString()!);
        if (v.TryGetProperty("dt", out var dt))
            return dt.GetString();
        if (v.TryGetProperty("ld", out var ld))
            return LongDouble.Parse(ld.GetString()!);
        if (v.TryGetProperty("tuple", out var t))
            return new PyTuple(t.EnumerateArray().Select(Decode).ToArray());
        throw new NotSupportedException("value encoding " + v.GetRawText());
    }

    private static double ToDouble(object? o) => o switch
    {
        double d => d,
        long l => l,
        _ => throw new NotSupportedException(),
    };

    /// <summary>Stands for a Python tuple inside an object array.</summary>
    public sealed class PyTuple(object?[] items) : ITuple
    {
        public object? this[int index] => items[index];
        public int Length => items.Length;
    }
}
