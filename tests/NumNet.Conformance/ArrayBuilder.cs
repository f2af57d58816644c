using System.Text.Json;

namespace NumNet.Conformance;

/// <summary>
/// Builds the input arrays of cases: <c>{"ndarray": ...}</c> and <c>{"view": ...}</c>. Arrays with an explicit dtype are
/// filled element by element, so layout cases run without depending on <c>np.asarray</c>'s discovery.
/// </summary>
public static class ArrayBuilder
{
    /// <summary>Hook for arrays whose dtype must be discovered from the values (set once np.asarray exists).</summary>
    public static Func<object?, NDArray>? Discover { get; set; }

    /// <summary>A fresh array that owns its data, laid out in the requested order.</summary>
    public static NDArray Build(JsonElement spec)
    {
        string order = spec.TryGetProperty("order", out var o) ? o.GetString()! : "C";
        NDArray c;
        if (spec.TryGetProperty("arange", out var ar))
        {
            var args = ar.EnumerateArray().Select(x => x.GetInt64()).ToArray();
            var range = args.Length switch
            {
                1 => np.arange(args[0]),
                2 => np.arange(args[0], args[1]),
                _ => np.arange(args[0], args[1], args[2]),
            };
            // astype, as the corpus means: out-of-range values wrap as C casts do instead of raising.
            var dtype = spec.TryGetProperty("dtype", out var dt) ? np.dtype(dt.GetString()!) : np.int64;
            long[] shape = spec.TryGetProperty("shape", out var sh) ? sh.EnumerateArray().Select(x => x.GetInt64()).ToArray() : [range.Size];
            c = range.AsType(dtype).Reshape(shape).Copy(MemoryOrder.C);
        }
        else
        {
            var values = InputDecoder.Decode(spec.GetProperty("values"));
            if (!spec.TryGetProperty("dtype", out var dt))
            {
                c = Discover?.Invoke(values) ?? throw new NotSupportedException("arrays without a dtype need np.asarray's discovery");
            }
            else
            {
                var dtype = np.dtype(dt.GetString()!);
                c = np.zeros(ShapeOf(values), dtype);
                Fill(c, values);
            }
        }
        return order == "F" ? c.Copy(MemoryOrder.F) : c;
    }

    /// <summary>A view of a built array: transpose, slices, or read-only.</summary>
    public static NDArray BuildView(JsonElement spec)
    {
        var baseArray = (NDArray)InputDecoder.Decode(spec.GetProperty("base"))!;
        var op = spec.GetProperty("op");
        if (op.ValueKind == JsonValueKind.String)
        {
            switch (op.GetString())
            {
                case "T":
                    return baseArray.T;
                case "readonly":
                    var v = baseArray[IndexMarker.Ellipsis];
                    v.SetWriteable(false);
                    return v;
            }
        }
        else if (op.TryGetProperty("transpose", out var axes))
        {
            return baseArray.Transpose(axes.EnumerateArray().Select(x => x.GetInt32()).ToArray());
        }
        else if (op.TryGetProperty("slice", out var slices))
        {
            var items = slices.EnumerateArray().Select(s =>
            {
                long? Part(int k) => s[k].ValueKind == JsonValueKind.Null ? null : s[k].GetInt64();
                return (object?)new Slice(Part(0), Part(1), Part(2));
            }).ToArray();
            return baseArray[items];
        }
        throw new NotSupportedException($"unknown view op {op.GetRawText()}");
    }

    /// <summary>The shape of nested lists (lists are rectangular in these inputs).</summary>
    public static long[] ShapeOf(object? values)
    {
        var shape = new List<long>();
        while (values is List<object?> list)
        {
            shape.Add(list.Count);
            values = list.Count > 0 ? list[0] : null;
        }
        return shape.ToArray();
    }

    private static void Fill(NDArray target, object? values)
    {
        var index = new long[target.NDim];
        void Walk(object? v, int depth)
        {
            if (depth == target.NDim)
            {
                target.SetValue(v, index);
                return;
            }
            var list = (List<object?>)v!;
            for (int i = 0; i < list.Count; i++)
            {
                index[depth] = i;
                Walk(list[i], depth + 1);
            }
        }
        Walk(values, 0);
    }
}
