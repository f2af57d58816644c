using System.Text.Json.Nodes;
using CsCheck;

namespace NumNet.Differential;

/// <summary>
/// One generator of case arguments per call the corpus knows, with the share of cases each gets. A case is the
/// <c>args</c> object of the corpus encoding; the call name travels beside it.
/// </summary>
public static class CaseGens
{
    /// <summary>A generator of one call's arguments.</summary>
    public sealed record CallGen(string Call, int Weight, Gen<JsonObject> Args);

    /// <summary>Every call, with its weight.</summary>
    public static IReadOnlyList<CallGen> All { get; } =
    [
        new("asarray", 25, Creation(array: false)),
        new("array", 20, Creation(array: true)),
        new("astype", 15, AsType()),
        new("ravel", 6, Layout()),
        new("flatten", 4, Layout()),
        new("dtype", 8, DTypeGens.Spelling.Select(s => new JsonObject { ["spec"] = s })),
        new("can_cast", 10, CanCast()),
        new("result_type", 10, ResultType()),
    ];

    /// <summary>The generator of <paramref name="call"/>.</summary>
    public static CallGen For(string call) => All.FirstOrDefault(g => g.Call == call) ?? throw new ArgumentException($"no generator for call '{call}'", nameof(call));

    // An optional argument: absent (null from the generator) or present.
    private static Gen<T?> Optional<T>(int presentIn10, Gen<T> value) where T : class =>
        Gen.Frequency((10 - presentIn10, Gen.Const(0).Select(_ => (T?)null)), (presentIn10, value.Select(v => (T?)v)));

    private static Gen<string> Order(bool withOdd) => withOdd
        ? Gen.Frequency((10, Gen.OneOf("C", "F", "A", "K")), (2, Gen.OneOf("c", "f", "a", "k")), (1, Gen.OneOf("X", "", "CF")))
        : Gen.OneOf("C", "F", "A", "K");

    private static Gen<JsonObject> Creation(bool array) =>
        Gen.Select(InputGens.CreationInput, Optional(6, DTypeGens.Any), Optional(4, Order(withOdd: true)),
            Gen.Frequency((6, Gen.Const(0)), (1, Gen.Const(1)), (1, Gen.Const(2)), (1, Gen.Const(3))),
            array ? Gen.Frequency((7, Gen.Const(0)), (3, Gen.Int[1, 4])) : Gen.Const(0),
            Gen.Frequency((20, Gen.Const(false)), (1, Gen.Const(true))),
            (input, dtype, order, copy, ndmin, device) =>
            {
                var args = new JsonObject { ["input"] = input };
                if (dtype is not null)
                    args["dtype"] = dtype;
                if (order is not null)
                    args["order"] = order;
                // copy: 0 absent, 1 true, 2 false, 3 None.
                if (copy != 0)
                    args["copy"] = copy switch { 1 => true, 2 => false, _ => null };
                if (ndmin > 0)
                    args["ndmin"] = ndmin;
                if (device && !array)
                    args["device"] = "cpu";
                return args;
            });

    private static Gen<JsonObject> AsType() =>
        Gen.Select(InputGens.ArrayInput, DTypeGens.Any, Optional(4, Order(withOdd: false)),
            Optional(5, Gen.OneOf("no", "equiv", "safe", "same_kind", "unsafe")), Gen.OneOf(0, 0, 1, 2),
            (input, dtype, order, casting, copy) =>
            {
                var args = new JsonObject { ["input"] = input, ["dtype"] = dtype };
                if (order is not null)
                    args["order"] = order;
                if (casting is not null)
                    args["casting"] = casting;
                if (copy != 0)
                    args["copy"] = copy == 1;
                return args;
            });

    private static Gen<JsonObject> Layout() =>
        Gen.Select(InputGens.ArrayInput, Optional(6, Order(withOdd: false)), (input, order) =>
        {
            var args = new JsonObject { ["input"] = input };
            if (order is not null)
                args["order"] = order;
            return args;
        });

    // An operand of can_cast / result_type: a dtype, a Python number, a NumPy scalar or an array.
    private static Gen<JsonNode?> Operand(bool numericDTypes) => Gen.Frequency(
        (5, (numericDTypes ? Gen.Frequency((4, DTypeGens.Numeric), (1, DTypeGens.Any)) : DTypeGens.Any).Select(s => (JsonNode?)s)),
        (2, InputGens.PyNumber.Select(v => (JsonNode?)new JsonObject { ["value"] = v })),
        (2, InputGens.NpScalar),
        (1, InputGens.FreshArray));

    private static Gen<JsonObject> CanCast() =>
        Gen.Select(Operand(numericDTypes: false), DTypeGens.Any, (from, to) => new JsonObject { ["from"] = from, ["to"] = to });

    private static Gen<JsonObject> ResultType() =>
        Operand(numericDTypes: true).Array[1, 3].Select(ops => new JsonObject { ["operands"] = new JsonArray(ops) });
}
