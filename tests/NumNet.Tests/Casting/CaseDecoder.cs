using System.Globalization;
using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Tests.Casting;

/// <summary>Turns the conformance JSON encoding (see the conformance README) into NumNet values and arrays.</summary>
internal static class CaseDecoder
{
    public static JsonArray LoadCases(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Casting", "Data", file);
        return JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray();
    }

    /// <summary>A Python value as the .NET object NumNet uses for it (ints are BigInteger).</summary>
    public static object? Value(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray a:
                return a.Select(Value).ToList();
            case JsonValue v:
            {
                var e = v.GetValue<JsonElement>();
                switch (e.ValueKind)
                {
                    case JsonValueKind.True: return true;
                    case JsonValueKind.False: return false;
                    case JsonValueKind.String: return e.GetString();
                    case JsonValueKind.Number:
                        string raw = e.GetRawText();
                        return raw.IndexOfAny(['.', 'e', 'E']) >= 0
                            ? double.Parse(raw, CultureInfo.InvariantCulture)
                            : BigInteger.Parse(raw, CultureInfo.InvariantCulture);
                }
                throw new NotSupportedException(e.ToString());
            }
            case JsonObject o:
                if (o["f"] is { } f)
                    return f.GetValue<string>() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NegativeInfinity };
                if (o["complex"] is JsonArray c)
                    return new Complex(ToDouble(Value(c[0])), ToDouble(Value(c[1])));
                if (o["bytes"] is { } b)
                    return Bytes.FromLatin1(b.GetValue<string>());
                if (o["tuple"] is JsonArray t)
                    return t.Select(Value).ToList();
                if (o["ld"] is { } ld)
                    return LongDouble.Parse(ld.GetValue<string>());
                throw new NotSupportedException(o.ToJsonString());
        }
        throw new NotSupportedException(node.ToJsonString());
    }

    private static double ToDouble(object? v) => v switch { BigInteger i => (double)i, LongDouble l => (double)l, _ => (double)v! };

    /// <summary>An operand of can_cast/result_type: a dtype, a Python scalar (weak), a NumPy scalar (0-d array) or an array.</summary>
    public static object? Operand(JsonNode? node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            return np.dtype(v.GetValue<string>());
        var o = node!.AsObject();
        if (o.ContainsKey("value"))
        {
            return Value(o["value"]) switch
            {
                BigInteger i => PythonScalar.Int(i),
                double d => PythonScalar.Float(d),
                Complex c => PythonScalar.Complex(c),
                var other => other,
            };
        }
        if (o["scalar"] is JsonObject s)
        {
            var a = np.zeros([], np.dtype(s["dtype"]!.GetValue<string>()));
            Store(a, [], Value(s["value"]));
            return a;
        }
        return Array(node);
    }

    /// <summary>An input array: ndarray (values or arange) or a view of one.</summary>
    public static NDArray Array(JsonNode? node)
    {
        var o = node!.AsObject();
        if (o["view"] is JsonObject view)
        {
            var b = Array(view["base"]);
            var op = view["op"]!;
            if (op is JsonValue ov)
            {
                string name = ov.GetValue<string>();
                if (name == "T")
                    return b.T;
                var r = b[":"];
                r.SetWriteable(false);
                return r;
            }
            if (op["transpose"] is JsonArray axes)
                return b.Transpose(axes.Select(x => x!.GetValue<int>()).ToArray());
            var slices = op["slice"]!.AsArray().Select(s =>
            {
                var p = s!.AsArray();
                long? Part(int i) => p[i] is null ? null : p[i]!.GetValue<long>();
                return (object?)np.s(Part(0), Part(1), Part(2));
            }).ToArray();
            return b[slices];
        }
        var spec = o["ndarray"]!.AsObject();
        string order = spec["order"]?.GetValue<string>() ?? "C";
        if (spec["arange"] is JsonArray ar)
        {
            var n = ar.Select(x => x!.GetValue<long>()).ToArray();
            var range = n.Length == 1 ? np.arange(n[0]) : np.arange(n[0], n[1], n.Length > 2 ? n[2] : 1);
            var dt = spec["dtype"] is { } d ? np.dtype(d.GetValue<string>()) : np.int64;
            var shape = spec["shape"]!.AsArray().Select(x => x!.GetValue<long>()).ToArray();
            var values = Enumerable.Range(0, (int)range.Size).Select(i => (object?)new BigInteger(range.GetItem<long>(i))).ToList();
            return Build(values, shape, dt, order);
        }
        var v = Value(spec["values"]);
        var shapeOf = ShapeOf(v);
        var leaves = new List<object?>();
        Flatten(v, leaves);
        var dtype = spec["dtype"] is { } ds ? np.dtype(ds.GetValue<string>()) : Discover(leaves);
        return Build(leaves, shapeOf, dtype, order);
    }

    private static NDArray Build(List<object?> leaves, long[] shape, DType dtype, string order)
    {
        var a = np.zeros(shape, dtype, order);
        var index = new long[shape.Length];
        foreach (var leaf in leaves)
        {
            Store(a, index, leaf);
            for (int k = shape.Length - 1; k >= 0; k--)
            {
                if (++index[k] < shape[k])
                    break;
                index[k] = 0;
            }
        }
        return a;
    }

    private static void Store(NDArray a, long[] index, object? value)
    {
        var meta = a.DType.DateTimeMeta;
        if (a.DType.Code == DTypeCode.DateTime64 && value is string s)
            value = DateTimes.Parse(s, meta!.Value, "unsafe").Value;
        else if (a.DType.Code is DTypeCode.DateTime64 or DTypeCode.TimeDelta64 && value is BigInteger bi)
            value = (long)bi;
        a.SetValue(value, index);
    }

    private static long[] ShapeOf(object? v)
    {
        var shape = new List<long>();
        while (v is List<object?> l)
        {
            shape.Add(l.Count);
            v = l.Count > 0 ? l[0] : null;
        }
        return shape.ToArray();
    }

    private static void Flatten(object? v, List<object?> into)
    {
        if (v is List<object?> l)
            l.ForEach(x => Flatten(x, into));
        else
            into.Add(v);
    }

    private static DType Discover(List<object?> leaves)
    {
        if (leaves.All(x => x is bool)) return np.bool_;
        if (leaves.All(x => x is bool or BigInteger)) return np.int64;
        if (leaves.All(x => x is bool or BigInteger or double)) return np.float64;
        if (leaves.All(x => x is bool or BigInteger or double or Complex)) return np.complex128;
        if (leaves.All(x => x is string)) return np.str_.WithLength(Math.Max(1, leaves.Max(x => ((string)x!).Length)));
        if (leaves.All(x => x is Bytes)) return np.bytes_.WithLength(Math.Max(1, leaves.Max(x => ((Bytes)x!).Length)));
        return np.object_;
    }

    /// <summary>Compares one element of a result with its expected encoding; null when equal, else a description.</summary>
    public static string? CompareElement(JsonNode? expected, object? actual, DType dtype)
    {
        switch (expected)
        {
            case JsonObject o when o["dt"] is { } dt:
            {
                var d = (DateTime64)actual!;
                string text = DateTimes.Format(d.Value, d.Unit);
                return text == dt.GetValue<string>() ? null : $"{text} != {dt}";
            }
            case JsonObject o when o["td"] is JsonArray td:
            {
                var t = (TimeDelta64)actual!;
                string want = td[0]!.ToJsonString().Trim('"');
                string got = t.IsNaT ? "NaT" : t.Value.ToString(CultureInfo.InvariantCulture);
                return want == got ? null : $"{got} != {want}";
            }
        }
        var e = Value(expected);
        bool same = (e, actual) switch
        {
            (bool a, bool b) => a == b,
            (BigInteger a, _) when actual is not (double or float or Half) => a == ToBig(actual),
            (BigInteger a, _) => SameDouble((double)a, ToDoubleValue(actual)),
            (double a, LongDouble b) => SameLong((LongDouble)a, b),
            (double a, _) => SameDouble(a, ToDoubleValue(actual)),
            (LongDouble a, LongDouble b) => SameLong(a, b),
            (Complex a, Complex b) => SameDouble(a.Real, b.Real) && SameDouble(a.Imaginary, b.Imaginary),
            (Complex a, Complex64 b) => SameDouble(a.Real, b.Real) && SameDouble(a.Imaginary, b.Imaginary),
            (Complex, Complex256) => CompareComplex256(expected!, (Complex256)actual!),
            (string a, string b) => a == b,
            (Bytes a, Bytes b) => a == b,
            _ => Equals(e, actual),
        };
        return same ? null : $"{Describe(actual)} != {expected?.ToJsonString()}";
    }

    private static bool CompareComplex256(JsonNode expected, Complex256 actual)
    {
        var parts = expected["complex"]!.AsArray();
        return SameLong(Part(parts[0]), actual.Real) && SameLong(Part(parts[1]), actual.Imaginary);
        static LongDouble Part(JsonNode? n) => Value(n) switch { LongDouble l => l, double d => d, BigInteger i => (LongDouble)(double)i, _ => LongDouble.NaN };
    }

    private static bool SameLong(LongDouble a, LongDouble b) => (LongDouble.IsNaN(a) && LongDouble.IsNaN(b)) || a.Equals(b);

    private static string Describe(object? v) => v switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        null => "null",
        _ => $"{v} ({v.GetType().Name})",
    };

    private static BigInteger ToBig(object? v) => v switch
    {
        bool b => b ? 1 : 0,
        BigInteger b => b,
        _ => BigInteger.Parse(Convert.ToString(v, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture),
    };

    private static double ToDoubleValue(object? v) => v switch
    {
        double d => d,
        float f => f,
        Half h => (double)h,
        _ => double.NaN,
    };

    private static bool SameDouble(double a, double b) =>
        (double.IsNaN(a) && double.IsNaN(b)) || BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
