using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using NumNet.Tests.Reliability.Fuzzing;

namespace NumNet.Tests.Reliability.Targets;

/// <summary>
/// <c>np.asarray</c>/<c>np.array</c> over nested input: lists, object arrays, typed .NET arrays, NDArrays and lazy
/// enumerables nested at random, usually regular but sometimes ragged, too deep or containing themselves, with mixed
/// leaves (huge Python ints, NaN and infinities, strings, bytes, bools, None, complex, DateTime, typed scalars) and a
/// random dtype, order, copy and ndmin.
/// </summary>
/// <remarks>
/// The input is kept as a JSON description (<c>{"list": [...]}</c>, <c>{"i": "123"}</c>, <c>{"self": 1}</c>…) that
/// <see cref="Build"/> turns into objects, so a failing input can be written to the corpus, cycles included.
/// </remarks>
internal sealed class NestedSequenceTarget : FuzzTarget<JsonObject>
{
    private static readonly string?[] DTypes =
    [
        null, null, null, null, "f8", "f4", "f2", "i1", "u1", "i8", "u8", "?", "c16", "c8", "O", "U", "U3", "S", "S2",
        "M8[s]", "M8", "m8[ms]", "g", "G", "V4", ">i4",
    ];

    private static readonly string[] LeafKinds = ["bigint", "hugeint", "double", "special", "string", "bytes", "bool", "null", "complex", "datetime", "int32", "float32", "uint8"];

    public override string Name => "nested";

    public override JsonObject Generate(Random rng)
    {
        var palette = Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => LeafKinds[rng.Next(LeafKinds.Length)]).ToArray();
        int ndim = rng.Next(20) == 0 ? rng.Next(60, 70) : rng.Next(0, 5);
        var shape = new int[ndim];
        for (int i = 0; i < ndim; i++)
            shape[i] = ndim > 8 ? 1 : rng.Next(0, 5);
        int budget = 3000;
        var input = Node(rng, palette, shape, 0, 0, ref budget);
        var spec = new JsonObject
        {
            ["call"] = rng.Next(2) == 0 ? "asarray" : "array",
            ["dtype"] = DTypes[rng.Next(DTypes.Length)],
            ["order"] = new[] { "K", "C", "F", "A" }[rng.Next(4)],
            ["copy"] = rng.Next(3) switch { 0 => null, 1 => true, _ => false },
            ["ndmin"] = rng.Next(8) == 0 ? rng.Next(0, 66) : 0,
            ["input"] = input,
        };
        return spec;
    }

    // One node meant to have shape shape[depth..]; seqDepth counts enclosing sequences for self references.
    private static JsonNode? Node(Random rng, string[] palette, int[] shape, int depth, int seqDepth, ref int budget)
    {
        budget--;
        int roll = rng.Next(100);
        if (seqDepth > 0 && roll < 2)
            return new JsonObject { ["self"] = rng.Next(seqDepth) };
        if (depth == shape.Length || budget <= 0)
            return roll < 5 && budget > 0 ? Array(rng, []) : Leaf(rng, palette[rng.Next(palette.Length)]);
        if (roll < 10 && shape.Length - depth <= 3)
            return Array(rng, shape[depth..]);
        int count = shape[depth];
        if (roll < 15)
            count = Math.Max(0, count + rng.Next(-1, 2)); // ragged
        var items = new JsonArray();
        for (int i = 0; i < count; i++)
            items.Add(rng.Next(100) < 3 ? Leaf(rng, palette[0]) : Node(rng, palette, shape, depth + 1, seqDepth + 1, ref budget));
        string kind = rng.Next(5) switch { 0 or 1 => "list", 2 or 3 => "arr", _ => "enum" };
        return new JsonObject { [kind] = items };
    }

    private static JsonObject Array(Random rng, int[] dims)
    {
        var d = new JsonArray(dims.Select(x => (JsonNode?)x).ToArray());
        if (rng.Next(2) == 0)
            return new JsonObject { ["typed"] = new[] { "double", "int", "long", "byte", "bool", "float", "complex", "string" }[rng.Next(8)], ["dims"] = d, ["seed"] = rng.Next() };
        return new JsonObject { ["nd"] = new[] { "f8", "i4", "u1", "?", "c8", "U2", "O", "M8[D]" }[rng.Next(8)], ["dims"] = d, ["view"] = new[] { "none", "T", "rev" }[rng.Next(3)] };
    }

    private static JsonNode? Leaf(Random rng, string kind) => kind switch
    {
        "bigint" => new JsonObject { ["i"] = ((long)rng.Next() * rng.Next(-3, 4)).ToString(CultureInfo.InvariantCulture) },
        "hugeint" => new JsonObject { ["i"] = (rng.Next(2) == 0 ? "-" : "") + "1" + new string('0', rng.Next(15, 400)) },
        "double" => new JsonObject { ["f"] = (rng.NextDouble() * Math.Pow(10, rng.Next(-320, 309))).ToString("R", CultureInfo.InvariantCulture) },
        "special" => new JsonObject { ["f"] = new[] { "NaN", "Infinity", "-Infinity", "-0", "5E-324", "1.7976931348623157E+308" }[rng.Next(6)] },
        "string" => new JsonObject { ["s"] = new[] { "", "abc", "1.5", "nan", "12", "1+2j", "2020-01-01", "\0", "\ud800", "true", new string('x', rng.Next(0, 300)) }[rng.Next(11)] },
        "bytes" => new JsonObject { ["y"] = Convert.ToBase64String(Enumerable.Range(0, rng.Next(0, 6)).Select(_ => (byte)rng.Next(256)).ToArray()) },
        "bool" => rng.Next(2) == 0,
        "null" => null,
        "complex" => new JsonObject { ["c"] = new JsonArray(rng.NextDouble() * 10, rng.Next(4) == 0 ? double.NaN.ToString() : (rng.NextDouble() - 0.5).ToString("R", CultureInfo.InvariantCulture)) },
        "datetime" => new JsonObject { ["t"] = (long)(rng.NextDouble() * DateTime.MaxValue.Ticks) },
        "int32" => new JsonObject { ["int32"] = rng.Next(int.MinValue, int.MaxValue) },
        "float32" => new JsonObject { ["float32"] = (rng.NextDouble() * 1e6).ToString("R", CultureInfo.InvariantCulture) },
        _ => new JsonObject { ["uint8"] = rng.Next(256) },
    };

    public override void Execute(JsonObject spec)
    {
        object? input = Build(spec["input"], []);
        string? dtypeName = (string?)spec["dtype"];
        DType? dtype = dtypeName is null ? null : np.dtype(dtypeName);
        bool? copy = (bool?)spec["copy"];
        string order = (string)spec["order"]!;
        var result = (string)spec["call"]! == "asarray"
            ? np.asarray(input, dtype, order, copy: copy)
            : np.array(input, dtype, copy, order, ndmin: (int)spec["ndmin"]!);
        Check(result);
        if (!ReferenceEquals(np.asarray(result), result))
            throw new InvariantException("asarray of an array returned another object");
        if (result.Size <= 100_000)
        {
            Check(result.Ravel());
            Check(result.Copy(MemoryOrder.F));
            if (result.Size <= 64 && result.NDim <= 8)
                _ = result.Repr();
        }
    }

    private static void Check(NDArray a)
    {
        long size = 1;
        foreach (long d in a.Shape)
            size *= d;
        if (a.NDim > 64 || size != a.Size || a.Strides.Length != a.NDim)
            throw new InvariantException($"inconsistent array: shape ({string.Join(",", a.Shape)}) size {a.Size}");
    }

    public override string Encode(JsonObject input) => FuzzJson.Write(input);

    public override JsonObject Decode(string line) => FuzzJson.Parse(line).AsObject();

    /// <summary>The objects a description stands for; <paramref name="enclosing"/> holds the sequences being built, innermost last.</summary>
    internal static object? Build(JsonNode? node, List<object> enclosing)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue v when v.TryGetValue(out bool b):
                return b;
            case JsonObject o:
                var (key, value) = o.First();
                switch (key)
                {
                    case "i": return BigInteger.Parse((string)value!, CultureInfo.InvariantCulture);
                    case "f": return double.Parse((string)value!, CultureInfo.InvariantCulture);
                    case "s": return (string)value!;
                    case "y": return new Bytes(Convert.FromBase64String((string)value!));
                    case "c": return new Complex(D(value![0]), D(value[1]));
                    case "t": return new DateTime((long)value!);
                    case "int32": return (int)value!;
                    case "float32": return float.Parse((string)value!, CultureInfo.InvariantCulture);
                    case "uint8": return (byte)(int)value!;
                    case "self": return enclosing[enclosing.Count - 1 - (int)value!];
                    case "typed": return Typed((string)value!, Dims(o["dims"]), (int)o["seed"]!);
                    case "nd": return NDArrayOf((string)value!, Dims(o["dims"]), (string)o["view"]!);
                    case "list" or "arr" or "enum":
                        var items = value!.AsArray();
                        var built = new object?[items.Count];
                        object container = key switch
                        {
                            "list" => new List<object?>(),
                            "arr" => built,
                            _ => new LazySequence(built),
                        };
                        enclosing.Add(container);
                        for (int i = 0; i < items.Count; i++)
                            built[i] = Build(items[i], enclosing);
                        enclosing.RemoveAt(enclosing.Count - 1);
                        if (container is List<object?> list)
                            list.AddRange(built);
                        return container;
                }
                break;
        }
        throw new FormatException("bad nested-input description: " + node.ToJsonString());
    }

    private static double D(JsonNode? n) => n is JsonValue v && v.TryGetValue(out double d) ? d : double.Parse((string)n!, CultureInfo.InvariantCulture);

    private static int[] Dims(JsonNode? n) => n!.AsArray().Select(x => (int)x!).ToArray();

    private static Array Typed(string kind, int[] dims, int seed)
    {
        var rng = new Random(seed);
        Type t = kind switch
        {
            "double" => typeof(double), "int" => typeof(int), "long" => typeof(long), "byte" => typeof(byte),
            "bool" => typeof(bool), "float" => typeof(float), "complex" => typeof(Complex), _ => typeof(string),
        };
        var a = System.Array.CreateInstance(t, dims.Length == 0 ? [1] : dims);
        var index = new int[a.Rank];
        for (long i = 0; i < a.Length; i++)
        {
            long r = i;
            for (int k = a.Rank - 1; k >= 0; k--)
            {
                index[k] = (int)(r % a.GetLength(k));
                r /= a.GetLength(k);
            }
            double x = rng.NextDouble() * 1000 - 500;
            object value = kind switch
            {
                "double" => x, "int" => (int)x, "long" => (long)x * 1_000_000_007L, "byte" => (byte)rng.Next(256),
                "bool" => x > 0, "float" => (float)x, "complex" => new Complex(x, -x), _ => x.ToString("F1", CultureInfo.InvariantCulture),
            };
            a.SetValue(value, index);
        }
        return a;
    }

    private static NDArray NDArrayOf(string dtype, int[] dims, string view)
    {
        long n = dims.Aggregate(1L, (p, d) => p * d);
        var a = np.arange(n).AsType(dtype).Reshape(dims.Select(d => (long)d).ToArray());
        return view switch
        {
            "T" => a.T,
            "rev" when a.NDim > 0 => a[new Slice(null, null, -1)],
            _ => a,
        };
    }

    /// <summary>An enumerable that is not a list, so discovery has to materialise it.</summary>
    private sealed class LazySequence(object?[] items) : System.Collections.IEnumerable
    {
        public System.Collections.IEnumerator GetEnumerator()
        {
            foreach (var item in items)
                yield return item;
        }
    }
}
