using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using CsCheck;

namespace NumNet.Differential;

/// <summary>
/// Random inputs in the corpus encoding: Python scalars (ints from tiny to 2⁷⁰, floats with nan/±inf/−0.0/subnormals,
/// complex, bool, str with non-ASCII, bytes, None), NumPy scalars of every dtype, datetime strings and counts, nested
/// lists and tuples (depth 0–5, sometimes ragged), and arrays with random layouts (slices with steps, transposes,
/// negative strides, read-only views).
/// </summary>
public static class InputGens
{
    private static readonly double[] SpecialDoubles =
    [
        double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.Epsilon, -double.Epsilon,
        2.2250738585072014e-308, 1e-310, 1e300, -1e300, 1e10, -1e10, 300.7, -300.7, 3e9, 9.2233720368547758e18,
        1.8446744073709552e19, 65504.0, 65520.0, 3.4028234663852886e38, 3.5e38, 1e-45, 0.1, 0.5, 1.5, 2.5, -2.5, 1e16, 1e-5,
        123456.789, 1e3, 1e6, 1e8,
    ];

    private static readonly string[] TextPieces = ["a", "b", "Z", "0", "9", " ", "-", ".", "é", "ß", "中", "😀", "ÿ", "Ω", "\t"];
    private static readonly string[] NumberTexts = ["1", "-7", "1.5", "nan", "inf", "-inf", "1e5", " 3 ", "0x10", "True", "300", "1_000", "+2", "", "3.0"];
    private static readonly string[] BytePieces = ["a", "b", "Z", "0", "7", " ", "\u00e9", "\u00ff", "\u0001", "-"];

    /// <summary>Datetime text NumPy parses (and NaT), at several precisions.</summary>
    public static readonly string[] DateTexts =
    [
        "2003-10-02", "2003-10-02T12:34", "2003-10-02T12:34:56", "2003-10-02T12:34:56.789", "2003", "2003-10", "NaT",
        "1970-01-01", "1969-12-31T23:59:59", "2262-04-11", "1677-09-21", "2000-02-29", "2003-10-02T12", "nat", "today",
    ];

    /// <summary>A Python int: mostly small, sometimes near a power of two up to 2⁷⁰, either sign.</summary>
    public static Gen<BigInteger> PyIntValue { get; } = Gen.Frequency(
        (6, Gen.Int[-5, 5].Select(i => (BigInteger)i)),
        (3, Gen.Int[-300, 300].Select(i => (BigInteger)i)),
        (2, Gen.Long.Select(l => (BigInteger)l)),
        (3, Gen.Select(Gen.Int[6, 70], Gen.Bool, Gen.Int[-2, 1], (bits, negative, delta) => (negative ? -1 : 1) * (BigInteger.Pow(2, bits) + delta))));

    /// <summary>A Python float: special values, small integers, and random doubles.</summary>
    public static Gen<double> PyFloatValue { get; } = Gen.Frequency(
        (4, Gen.OneOf(SpecialDoubles)),
        (3, Gen.Int[-5, 5].Select(i => (double)i)),
        (3, Gen.Double[-1000, 1000]),
        (1, Gen.Double));

    /// <summary>Python str, with non-ASCII characters (a code point beyond the BMP too) and number-like text.</summary>
    public static Gen<string> PyStrValue { get; } = Gen.Frequency(
        (5, Gen.OneOf(TextPieces).Array[0, 4].Select(p => string.Concat(p))),
        (2, Gen.OneOf(NumberTexts)),
        (1, Gen.OneOf(DateTexts)));

    /// <summary>Python bytes (Latin-1 text).</summary>
    public static Gen<string> PyBytesValue { get; } = Gen.OneOf(BytePieces).Array[0, 4].Select(p => string.Concat(p));

    /// <summary>A Python int.</summary>
    public static Gen<JsonNode?> PyInt { get; } = PyIntValue.Select(i => (JsonNode?)Json.PyInt(i));

    /// <summary>A Python float.</summary>
    public static Gen<JsonNode?> PyFloat { get; } = PyFloatValue.Select(d => (JsonNode?)Json.PyFloat(d));

    /// <summary>A Python complex.</summary>
    public static Gen<JsonNode?> PyComplex { get; } = Gen.Select(PyFloatValue, PyFloatValue, (re, im) => (JsonNode?)Json.PyComplex(re, im));

    /// <summary>A Python bool.</summary>
    public static Gen<JsonNode?> PyBool { get; } = Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b));

    /// <summary>A Python str.</summary>
    public static Gen<JsonNode?> PyStr { get; } = PyStrValue.Select(s => (JsonNode?)JsonValue.Create(s));

    /// <summary>Python bytes.</summary>
    public static Gen<JsonNode?> PyBytes { get; } = PyBytesValue.Select(s => (JsonNode?)Json.PyBytes(s));

    /// <summary>None.</summary>
    public static Gen<JsonNode?> None { get; } = Gen.Const(0).Select(_ => (JsonNode?)null);

    /// <summary>Datetime text.</summary>
    public static Gen<JsonNode?> DateText { get; } = Gen.OneOf(DateTexts).Select(s => (JsonNode?)JsonValue.Create(s));

    /// <summary>A Python scalar that plays a number: int, float, complex or bool (a {"value": v} operand).</summary>
    public static Gen<JsonNode?> PyNumber { get; } = Gen.Frequency((3, PyInt), (3, PyFloat), (1, PyComplex), (1, PyBool));

    /// <summary>A NumPy scalar of any dtype, holding a value of its kind.</summary>
    public static Gen<JsonNode?> NpScalar { get; } = Gen.Frequency(
        (8, DTypeGens.Numeric.SelectMany(d => ValueFor(d).Select(v => (JsonNode?)Json.Scalar(d, v)))),
        (2, Gen.Select(Gen.OneOf("<M8", "<m8"), Gen.OneOf(DTypeGens.Units)).SelectMany(p =>
        {
            string dtype = p.Item1 + "[" + p.Item2 + "]";
            return ValueFor(dtype).Select(v => (JsonNode?)Json.Scalar(dtype, v));
        })),
        (1, Gen.OneOf("<U3", "|S2").SelectMany(d => ValueFor(d).Select(v => (JsonNode?)Json.Scalar(d, v)))));

    /// <summary>A value that an array of <paramref name="dtype"/> can be made from (for "values" arrays and NumPy scalars).</summary>
    public static Gen<JsonNode?> ValueFor(string dtype)
    {
        string body = dtype.TrimStart('<', '>', '=', '|');
        return body[0] switch
        {
            'b' when body.StartsWith("b1", StringComparison.Ordinal) => PyBool,
            'i' or 'u' => IntFor(body),
            'f' => PyFloat,
            'c' => PyComplex,
            'S' => Gen.OneOf(BytePieces).Array[0, 3].Select(p => (JsonNode?)Json.PyBytes(string.Concat(p))),
            'U' => PyStr,
            'M' => Gen.Frequency((5, DateText), (1, Gen.Int[-1000, 1000].Select(i => (JsonNode?)JsonValue.Create(i)))),
            'm' => Gen.Frequency((5, Gen.Int[-1000, 1000].Select(i => (JsonNode?)JsonValue.Create(i))), (1, Gen.Const(0).Select(_ => (JsonNode?)JsonValue.Create("NaT")))),
            'O' => Gen.Frequency((3, PyInt), (2, PyFloat), (2, PyStr), (1, None), (1, PyBool), (1, PyBytes), (1, PyComplex)),
            _ => throw new ArgumentException($"no value generator for dtype '{dtype}'", nameof(dtype)),
        };
    }

    // Values inside the dtype's range, so the array (or scalar) itself can be made.
    private static Gen<JsonNode?> IntFor(string body)
    {
        int bytes = int.Parse(body.AsSpan(1), CultureInfo.InvariantCulture);
        bool signed = body[0] == 'i';
        BigInteger max = BigInteger.Pow(2, bytes * 8 - (signed ? 1 : 0)) - 1;
        BigInteger min = signed ? -max - 1 : 0;
        return Gen.Frequency(
            (5, Gen.Int[signed ? -5 : 0, 5].Select(i => (BigInteger)i)),
            (2, Gen.OneOf(min, max, min + 1, max - 1)),
            (2, Gen.Long.Select(l => min + ((BigInteger)l - long.MinValue) % (max - min + 1))))
            .Select(i => (JsonNode?)Json.PyInt(i));
    }

    /// <summary>A leaf generator for one case: one family most of the time, a mix sometimes.</summary>
    public static Gen<Gen<JsonNode?>> LeafFamily { get; } = Gen.Frequency(
        (4, Gen.Const(PyInt)), (4, Gen.Const(PyFloat)), (2, Gen.Const(PyComplex)), (2, Gen.Const(PyBool)),
        (3, Gen.Const(PyStr)), (2, Gen.Const(PyBytes)), (1, Gen.Const(None)), (3, Gen.Const(NpScalar)), (2, Gen.Const(DateText)),
        (3, Gen.Const(Gen.Frequency((2, PyInt), (2, PyFloat), (1, PyBool), (1, PyStr), (1, None), (1, NpScalar), (1, PyComplex)))));

    /// <summary>A shape: 0–<paramref name="maxDepth"/> dimensions of 0–3, at most 48 elements.</summary>
    public static Gen<int[]> Shape(int maxDepth) =>
        Gen.Int[0, maxDepth].SelectMany(depth => Gen.Frequency((1, Gen.Const(0)), (8, Gen.Int[1, 3])).Array[depth])
            .Select(dims => dims.Aggregate(1L, (p, d) => p * d) > 48 ? dims.Select(d => Math.Min(d, 2)).ToArray() : dims);

    /// <summary>Nested lists (sometimes tuples, sometimes ragged) of leaves, depth 0–5; depth 0 is a bare leaf.</summary>
    public static Gen<JsonNode?> Nested(Gen<JsonNode?> leaf) =>
        Shape(5).SelectMany(shape =>
            Gen.Select(leaf.Array[(int)shape.Aggregate(1L, (p, d) => p * d)], Gen.Frequency((6, Gen.Const(-1)), (1, Gen.Int[0, 4])), Gen.Frequency((8, Gen.Const(false)), (1, Gen.Const(true))), leaf,
                (leaves, tupleLevel, ragged, extra) => Ragged(Build(shape, leaves, tupleLevel), ragged, extra)));

    /// <summary>Nested lists of <paramref name="leaves"/> (C order) in <paramref name="shape"/>; level <paramref name="tupleLevel"/> as tuples.</summary>
    public static JsonNode? Build(int[] shape, JsonNode?[] leaves, int tupleLevel = -1)
    {
        int next = 0;
        JsonNode? Level(int depth)
        {
            if (depth == shape.Length)
                return leaves[next++];
            var items = new JsonArray();
            for (int i = 0; i < shape[depth]; i++)
                items.Add(Level(depth + 1));
            return depth == tupleLevel ? Json.Tuple(items) : items;
        }
        return Level(0);
    }

    // Ragged: the last row loses its last item, or gains one more, so NumPy sees unequal lengths.
    private static JsonNode? Ragged(JsonNode? nested, bool ragged, JsonNode? extra)
    {
        if (!ragged || nested is not JsonArray { Count: > 0 } top)
            return nested;
        if (top[^1] is JsonArray { Count: > 0 } last)
            last.RemoveAt(last.Count - 1);
        else
            top.Add(new JsonArray(extra));
        return nested;
    }

    /// <summary>A freshly allocated array of a random dtype and shape: an arange (converted with astype) or values.</summary>
    public static Gen<JsonNode?> FreshArray { get; } = Gen.Select(DTypeGens.ForArray, Shape(4), Gen.OneOf("C", "F")).SelectMany(t =>
    {
        var (dtype, shape, order) = t;
        long n = shape.Aggregate(1L, (p, d) => p * d);
        char kind = dtype.TrimStart('<', '>', '=', '|')[0];
        bool arangeFits = kind is 'b' or 'i' or 'u' or 'f' or 'c' or 'O';
        var arange = Gen.Select(Gen.Frequency((6, Gen.Int[-300, 300].Select(i => (long)i)), (1, Gen.OneOf(2147483640L, -2147483660L, 4294967290L, 1L << 40))),
            Gen.OneOf(1L, -1L, 2L, 3L, -7L, 1000003L, (1L << 33) + 1),
            (start, step) => (JsonNode?)new JsonObject
            {
                ["ndarray"] = new JsonObject
                {
                    ["arange"] = new JsonArray(start, start + n * step, step),
                    ["dtype"] = dtype,
                    ["shape"] = new JsonArray(shape.Select(d => (JsonNode?)d).ToArray()),
                    ["order"] = order,
                },
            });
        var values = Gen.Select(ValueFor(dtype).Array[(int)n], Gen.Frequency((6, Gen.Const(true)), (1, Gen.Const(false))), (leaves, withDType) =>
        {
            var spec = new JsonObject { ["values"] = Build(shape, leaves) };
            if (withDType)
                spec["dtype"] = dtype;
            spec["order"] = order;
            return (JsonNode?)new JsonObject { ["ndarray"] = spec };
        });
        return arangeFits ? Gen.Frequency((3, arange), (1, values)) : values;
    });

    /// <summary>An array input: fresh, or a view of one (transposed, sliced with steps, read-only), up to two deep.</summary>
    public static Gen<JsonNode?> ArrayInput { get; } = FreshArray.SelectMany(a => ViewOps(NDim(a), 2).Select(ops => ApplyViews(a, ops)));

    private static int NDim(JsonNode? array)
    {
        var spec = array!["ndarray"]!;
        if (spec["shape"] is JsonArray shape)
            return shape.Count;
        int depth = 0;
        var v = spec["values"];
        while (v is JsonArray { Count: > 0 } list)
        {
            depth++;
            v = list[0];
        }
        return v is JsonArray ? depth + 1 : depth;
    }

    // Each op is "T", "readonly", {"transpose": perm} or {"slice": [[start, stop, step], ...]}; ndim does not change.
    private static Gen<JsonNode?[]> ViewOps(int ndim, int most)
    {
        var slice = Gen.Select(Gen.Frequency((3, Gen.Const(int.MinValue)), (1, Gen.Int[-3, 3])), Gen.Frequency((3, Gen.Const(int.MinValue)), (1, Gen.Int[-3, 3])),
                Gen.Frequency((2, Gen.Const(int.MinValue)), (2, Gen.OneOf(2, -1, -2, 3)), (1, Gen.Const(1))),
                (start, stop, step) => new JsonArray(Part(start), Part(stop), Part(step)))
            .Array[ndim].Select(axes => (JsonNode?)new JsonObject { ["slice"] = new JsonArray(axes.Cast<JsonNode?>().ToArray()) });
        var transpose = Gen.Int.Array[ndim].Select(keys => (JsonNode?)new JsonObject
        {
            ["transpose"] = new JsonArray(Enumerable.Range(0, ndim).OrderBy(i => keys[i]).ThenBy(i => i).Select(i => (JsonNode?)i).ToArray()),
        });
        var op = ndim == 0
            ? Gen.Frequency((1, Gen.Const(0).Select(_ => (JsonNode?)"T")), (1, Gen.Const(0).Select(_ => (JsonNode?)"readonly")))
            : Gen.Frequency((2, Gen.Const(0).Select(_ => (JsonNode?)"T")), (1, Gen.Const(0).Select(_ => (JsonNode?)"readonly")), (4, slice), (2, transpose));
        return Gen.Frequency((3, Gen.Const(0)), (3, Gen.Const(1)), (1, Gen.Int[2, most])).SelectMany(k => op.Array[k]);
    }

    private static JsonNode? Part(int v) => v == int.MinValue ? null : JsonValue.Create(v);

    private static JsonNode? ApplyViews(JsonNode? array, JsonNode?[] ops)
    {
        foreach (var op in ops)
            array = new JsonObject { ["view"] = new JsonObject { ["base"] = array, ["op"] = op } };
        return array;
    }

    /// <summary>Any input of a creation call: nested Python data, an array, or a bare NumPy scalar.</summary>
    public static Gen<JsonNode?> CreationInput { get; } = Gen.Frequency(
        (10, LeafFamily.SelectMany(Nested)),
        (7, ArrayInput),
        (2, NpScalar));
}
