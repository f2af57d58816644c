using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace NumNet.Conformance;

/// <summary>Compares what NumNet produced with what NumPy produced, field by field, and says what differs.</summary>
public static class ResultChecker
{
    /// <summary>Hook that renders NumPy's repr of an array (set once printing exists); null skips repr/str.</summary>
    public static Func<NDArray, string>? Repr { get; set; }

    /// <summary>Hook that renders NumPy's str of an array.</summary>
    public static Func<NDArray, string>? Str { get; set; }

    /// <summary>Differences between an array result and the expectation; empty when they agree.</summary>
    public static List<string> CheckArray(NDArray result, JsonElement expect, NDArray? input)
    {
        var diffs = new List<string>();
        void Check<T>(string field, T expected, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(expected, got))
                diffs.Add($"{field}: expected {expected}, got {got}");
        }
        if (expect.TryGetProperty("dtype", out var dt))
            Check("dtype", dt.GetString(), result.DType.Str);
        if (expect.TryGetProperty("shape", out var sh))
            Check("shape", Tuple(sh), Tuple(result.Shape));
        if (expect.TryGetProperty("strides", out var st))
            Check("strides", Tuple(st), Tuple(result.Strides));
        if (expect.TryGetProperty("flags", out var fl))
        {
            Check("flags.c", fl.GetProperty("c").GetBoolean(), result.IsCContiguous);
            Check("flags.f", fl.GetProperty("f").GetBoolean(), result.IsFContiguous);
            Check("flags.owndata", fl.GetProperty("owndata").GetBoolean(), result.OwnsData);
            Check("flags.writeable", fl.GetProperty("writeable").GetBoolean(), result.IsWriteable);
        }
        if (input is not null && expect.TryGetProperty("shares_memory_with_input", out var sm))
            Check("shares_memory_with_input", sm.GetBoolean(), np.shares_memory(result, input));
        if (input is not null && expect.TryGetProperty("is_input", out var ii))
            Check("is_input", ii.GetBoolean(), ReferenceEquals(result, input));
        if (expect.TryGetProperty("values", out var values))
            CheckValues(result, values, diffs);
        if (Repr is not null && expect.TryGetProperty("repr", out var r) && r.ValueKind == JsonValueKind.String)
            Check("repr", r.GetString(), Safe(() => Repr(result)));
        if (Str is not null && expect.TryGetProperty("str", out var s) && s.ValueKind == JsonValueKind.String)
            Check("str", s.GetString(), Safe(() => Str(result)));
        return diffs;
    }

    private static string Safe(Func<string> f)
    {
        try { return f(); }
        catch (Exception e) { return $"<{e.GetType().Name}: {e.Message}>"; }
    }

    private static string Tuple(JsonElement e) => "(" + string.Join(", ", e.EnumerateArray().Select(x => x.GetRawText())) + ")";

    private static string Tuple(long[] v) => "(" + string.Join(", ", v) + ")";

    private static void CheckValues(NDArray result, JsonElement values, List<string> diffs)
    {
        var expected = values.EnumerateArray().ToList();
        if (expected.Count != result.Size)
        {
            diffs.Add($"values: expected {expected.Count} elements, got {result.Size}");
            return;
        }
        var flat = result.Flatten();
        for (int i = 0; i < expected.Count; i++)
        {
            object? got = flat.GetValue(i);
            if (!ElementEquals(expected[i], got, result.DType))
            {
                diffs.Add($"values[{i}]: expected {expected[i].GetRawText()}, got {Describe(got)}");
                if (diffs.Count > 8)
                    return;
            }
        }
    }

    /// <summary>Compares one element with its encoding (see the conformance README, "Encoding of results").</summary>
    public static bool ElementEquals(JsonElement e, object? got, DType dtype)
    {
        // Object elements are encoded as inputs, whatever they hold.
        if (dtype.IsObject)
            return ObjectEquals(InputDecoder.Decode(e), got);
        switch (got)
        {
            case bool b:
                return e.ValueKind is JsonValueKind.True or JsonValueKind.False && e.GetBoolean() == b;
            case double or float or Half:
                return FloatEquals(e, Convert.ToDouble(got is Half h ? (double)h : got, CultureInfo.InvariantCulture));
            case LongDouble ld:
                return LongDoubleEquals(e, ld);
            case Complex c:
                return e.TryGetProperty("complex", out var cp) && FloatEquals(cp[0], c.Real) && FloatEquals(cp[1], c.Imaginary);
            case Complex256 c:
                return e.TryGetProperty("complex", out var cp256) && LongDoubleEquals(cp256[0], c.Real) && LongDoubleEquals(cp256[1], c.Imaginary);
            case Complex64 c:
                return e.TryGetProperty("complex", out var cp64) && FloatEquals(cp64[0], c.Real) && FloatEquals(cp64[1], c.Imaginary);
            case Bytes by:
                return e.ValueKind == JsonValueKind.Object && e.TryGetProperty("bytes", out var bs) && Bytes.FromLatin1(bs.GetString()!).Equals(by);
            case string s when dtype.Code == DTypeCode.Unicode:
                return e.ValueKind == JsonValueKind.String && e.GetString() == s;
            case DateTime64 d:
                return e.TryGetProperty("dt", out var dts) && dts.GetString() == DateTimeText(d);
            case TimeDelta64 td:
                return e.TryGetProperty("td", out var tdv) && TimeDeltaMatches(tdv, td);
        }
        if (got is not null && (got is sbyte or byte or short or ushort or int or uint or long or ulong))
            return e.ValueKind == JsonValueKind.Number && BigInteger.Parse(e.GetRawText(), CultureInfo.InvariantCulture) == NumNet.DTypes.ScalarCoercion.ToBig(got);
        return false;
    }

    /// <summary>Hook for NumPy's ISO text of a datetime64 value (set once datetime formatting exists).</summary>
    public static Func<DateTime64, string>? DateTimeFormatter { get; set; }

    private static string DateTimeText(DateTime64 d) =>
        DateTimeFormatter?.Invoke(d) ?? throw new NotSupportedException("datetime64 formatting is not built yet");

    private static bool TimeDeltaMatches(JsonElement e, TimeDelta64 td)
    {
        var count = e[0];
        string unit = e[1].GetString()!;
        bool countOk = count.ValueKind == JsonValueKind.String ? td.IsNaT : !td.IsNaT && count.GetInt64() == td.Value;
        return countOk && unit == td.Unit.UnitText;
    }

    // Finite long doubles come as {"ld": text}; nan and infinities as {"f": ...}, as floats do.
    private static bool LongDoubleEquals(JsonElement e, LongDouble got)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return false;
        if (e.TryGetProperty("f", out _))
            return !LongDouble.IsFinite(got) && FloatEquals(e, (double)got);
        return e.TryGetProperty("ld", out var text) && LongDouble.Parse(text.GetString()!).Equals(got);
    }

    private static bool FloatEquals(JsonElement e, double got)
    {
        double expected = InputDecoder.ToDouble(e);
        if (double.IsNaN(expected))
            return double.IsNaN(got);
        return BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(got);
    }

    private static bool ObjectEquals(object? expected, object? got)
    {
        // A list held by an object array is the input's own list, whose NumPy scalars the decoder made NumPyScalars.
        if (got is NumPyScalar scalar)
            got = scalar.Value;
        switch (expected)
        {
            case null:
                return got is null;
            case List<object?> list:
                return got is System.Collections.IList gl && gl.Count == list.Count && list.Zip(gl.Cast<object?>()).All(p => ObjectEquals(p.First, p.Second));
            case object?[] tuple:
                return got is System.Collections.IList gt && gt.Count == tuple.Length && tuple.Zip(gt.Cast<object?>()).All(p => ObjectEquals(p.First, p.Second));
            case double d:
                return got is double g && (g.Equals(d));
            case BigInteger i:
                return got is not null && NumNet.DTypes.ScalarCoercion.IsInteger(got) && NumNet.DTypes.ScalarCoercion.ToBig(got) == i;
            default:
                return Equals(expected, got);
        }
    }

    /// <summary>Text of a produced value for failure messages.</summary>
    public static string Describe(object? v) => v switch
    {
        null => "None",
        string s => $"'{s}'",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        System.Collections.IList l => "[" + string.Join(", ", l.Cast<object?>().Select(Describe)) + "]",
        _ => $"{v} ({v.GetType().Name})",
    };

    /// <summary>Text of a whole list of differences.</summary>
    public static string Join(IEnumerable<string> diffs)
    {
        var sb = new StringBuilder();
        foreach (var d in diffs)
            sb.Append("\n      ").Append(d);
        return sb.ToString();
    }
}
