using System.Numerics;
using System.Text.Json;
using NumNet.Casting;

namespace NumNet.Conformance;

/// <summary>Connects the runner's calls and hooks to NumNet's entry points.</summary>
public static class Wiring
{
    private static readonly string[] CastingKinds = ["no", "equiv", "safe", "same_kind", "unsafe"];
    private static bool _installed;

    /// <summary>Installs every handler and hook once.</summary>
    public static void Install()
    {
        if (_installed)
            return;
        _installed = true;
        ResultChecker.DateTimeFormatter = d => DateTimes.Format(d.Value, d.Unit);
        ArrayBuilder.Discover = values => np.array(values);
        ResultChecker.Repr = a => a.Repr();
        ResultChecker.Str = a => a.ToString();
        CaseRunner.Register("asarray", AsArray);
        CaseRunner.Register("array", Array);
        CaseRunner.Register("astype", AsType);
        CaseRunner.Register("can_cast", CanCast);
        CaseRunner.Register("result_type", c => new(np.result_type(c.Args.GetProperty("operands").EnumerateArray().Select(Operand).ToArray()), null));
    }

    private static CaseRunner.CallResult AsArray(ConformanceCase c)
    {
        var input = InputDecoder.DecodeInput(c.Args.GetProperty("input"));
        var result = np.asarray(input, DTypeArg(c), String(c, "order"), String(c, "device"), Bool(c, "copy"), Like(c));
        return new(result, input as NDArray);
    }

    private static CaseRunner.CallResult Array(ConformanceCase c)
    {
        var input = InputDecoder.DecodeInput(c.Args.GetProperty("input"));
        bool? copy = c.Arg("copy") is null ? true : Bool(c, "copy");
        int ndmin = c.Arg("ndmin") is { } n ? n.GetInt32() : 0;
        var result = np.array(input, DTypeArg(c), copy, String(c, "order") ?? "K", ndmin: ndmin, like: Like(c));
        return new(result, input as NDArray);
    }

    private static CaseRunner.CallResult AsType(ConformanceCase c)
    {
        var input = (NDArray)InputDecoder.Decode(c.Args.GetProperty("input"))!;
        var order = MemoryOrders.Parse(String(c, "order"), MemoryOrder.K);
        var result = input.AsType(DTypeArg(c)!, order, String(c, "casting") ?? "unsafe", Bool(c, "copy") ?? true);
        return new(result, input);
    }

    private static CaseRunner.CallResult CanCast(ConformanceCase c)
    {
        var fromSpec = c.Args.GetProperty("from");
        object from = Operand(fromSpec) ?? throw new ArgumentException("can_cast from None");
        // NumPy scalars are judged by their dtype alone (NEP 50): hand NumNet the 0-d array of the scalar. Python
        // scalars ({"value": v}) go in as they are, and NumPy 2 refuses them.
        bool pythonScalar = fromSpec.ValueKind == JsonValueKind.Object && fromSpec.TryGetProperty("value", out _);
        if (!pythonScalar && from is not (NumNet.DType or NDArray))
            from = np.asarray(from);
        var to = np.dtype(c.Args.GetProperty("to").GetString()!);
        var byCasting = CastingKinds.ToDictionary(k => k, k => np.can_cast(from, to, k));
        return new(byCasting, null);
    }

    /// <summary>An operand of can_cast/result_type: a dtype string, {"value": v} (a weak Python scalar), or an input.</summary>
    private static object? Operand(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.String)
            return np.dtype(e.GetString()!);
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("value", out var v))
        {
            return InputDecoder.Decode(v) switch
            {
                BigInteger i => PythonScalar.Int(i),
                double d => PythonScalar.Float(d),
                Complex z => PythonScalar.Complex(z),
                var other => other,
            };
        }
        // A NumPy scalar counts by its dtype alone (NEP 50), as its 0-d array does; text must not be read as a dtype name.
        if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty("scalar", out _))
            return np.asarray(InputDecoder.DecodeInput(e));
        return InputDecoder.Decode(e);
    }

    private static NumNet.DType? DTypeArg(ConformanceCase c) => String(c, "dtype") is { } s ? np.dtype(s) : null;

    private static string? String(ConformanceCase c, string name) =>
        c.Arg(name) is { ValueKind: JsonValueKind.String } s ? s.GetString() : null;

    private static bool? Bool(ConformanceCase c, string name) =>
        c.Arg(name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } b ? b.GetBoolean() : null;

    private static object? Like(ConformanceCase c) => c.Arg("like") is { } l ? InputDecoder.Decode(l) : null;
}
