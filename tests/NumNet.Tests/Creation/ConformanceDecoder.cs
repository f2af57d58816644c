using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace NumNet.Tests.Creation;

/// <summary>Decodes the conformance cases' input encoding into the .NET values the README maps them to.</summary>
internal static class ConformanceDecoder
{
    public static object? Decode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return e.GetString();
            case JsonValueKind.Number:
                string raw = e.GetRawText();
                return raw.IndexOfAny(['.', 'e', 'E']) >= 0 ? double.Parse(raw, CultureInfo.InvariantCulture) : BigInteger.Parse(raw, CultureInfo.InvariantCulture);
            case JsonValueKind.Array:
                return e.EnumerateArray().Select(Decode).ToList();
        }
        if (e.TryGetProperty("f", out var f)) return Special(f.GetString()!);
        if (e.TryGetProperty("complex", out var c)) return new Complex(ToDouble(Decode(c[0])), ToDouble(Decode(c[1])));
        if (e.TryGetProperty("bytes", out var b)) return Bytes.FromLatin1(b.GetString()!);
        if (e.TryGetProperty("tuple", out var t)) return t.EnumerateArray().Select(Decode).ToArray();
        if (e.TryGetProperty("scalar", out var s)) return Scalar(s);
        if (e.TryGetProperty("ndarray", out var a)) return NDArrayOf(a);
        if (e.TryGetProperty("view", out var v)) return View(v);
        throw new NotSupportedException(e.GetRawText());
    }

    public static double Special(string s) => s switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, _ => double.NegativeInfinity };

    private static double ToDouble(object? o) => o is double d ? d : (double)(BigInteger)o!;

    private static object? Scalar(JsonElement s)
    {
        var dtype = np.dtype(s.GetProperty("dtype").GetString()!);
        var value = Decode(s.GetProperty("value"));
        if (dtype.DateTimeMeta is not null && value is BigInteger big)
            value = (long)big;
        return np.asarray(value, dtype).Item();
    }

    private static NDArray NDArrayOf(JsonElement a)
    {
        DType? dtype = a.TryGetProperty("dtype", out var d) ? np.dtype(d.GetString()!) : null;
        NDArray arr;
        if (a.TryGetProperty("arange", out var r))
        {
            var p = r.EnumerateArray().Select(x => x.GetInt64()).ToArray();
            arr = p.Length == 1 ? np.arange(p[0]) : p.Length == 2 ? np.arange(p[0], p[1]) : np.arange(p[0], p[1], p[2]);
            if (dtype is not null)
                arr = np.array(arr, dtype);
            if (a.TryGetProperty("shape", out var sh))
                arr = arr.Reshape(sh.EnumerateArray().Select(x => x.GetInt64()).ToArray());
        }
        else
        {
            arr = np.array(Decode(a.GetProperty("values")), dtype);
        }
        string order = a.TryGetProperty("order", out var o) ? o.GetString()! : "C";
        return np.array(arr, order: order);
    }

    private static NDArray View(JsonElement v)
    {
        var arr = (NDArray)Decode(v.GetProperty("base"))!;
        var op = v.GetProperty("op");
        if (op.ValueKind == JsonValueKind.String)
        {
            if (op.GetString() == "T")
                return arr.T;
            var ro = arr[np.Ellipsis];
            ro.SetWriteable(false);
            return ro;
        }
        if (op.TryGetProperty("transpose", out var axes))
            return arr.Transpose(axes.EnumerateArray().Select(x => x.GetInt32()).ToArray());
        var slices = op.GetProperty("slice").EnumerateArray().Select(s =>
        {
            long? At(int i) => s[i].ValueKind == JsonValueKind.Null ? null : s[i].GetInt64();
            return (object?)np.s(At(0), At(1), At(2));
        }).ToArray();
        return arr[slices];
    }
}
