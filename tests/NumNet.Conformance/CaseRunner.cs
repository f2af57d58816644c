using System.Text.Json;

namespace NumNet.Conformance;

/// <summary>
/// Runs cases against NumNet. Each call name maps to a handler that performs the call; the runner then checks an
/// error case by exception type (the .NET type of the README's mapping, or a subclass) and a success case field by field.
/// </summary>
public static class CaseRunner
{
    /// <summary>What a handler produced, with the input array when there was one (for is_input / shares_memory).</summary>
    public readonly record struct CallResult(object? Value, NDArray? Input);

    private static readonly Dictionary<string, Func<ConformanceCase, CallResult>> Handlers = new()
    {
        ["dtype"] = c => new(np.dtype(c.Args.GetProperty("spec").GetString()!), null),
        ["ravel"] = c => LayoutCall(c, (a, order) => a.Ravel(order)),
        ["flatten"] = c => LayoutCall(c, (a, order) => a.Flatten(order)),
    };

    /// <summary>Adds or replaces the handler of a call.</summary>
    public static void Register(string call, Func<ConformanceCase, CallResult> handler) => Handlers[call] = handler;

    /// <summary>The calls that have handlers.</summary>
    public static IReadOnlyCollection<string> SupportedCalls => Handlers.Keys;

    /// <summary>Runs one case.</summary>
    public static CaseOutcome Run(ConformanceCase c)
    {
        if (!Handlers.TryGetValue(c.Call, out var handler))
            return CaseOutcome.Fail(c, $"call '{c.Call}' is not built yet");
        CallResult result;
        try
        {
            result = handler(c);
        }
        catch (Exception ex) when (c.ExpectsError)
        {
            return CheckError(c, ex);
        }
        catch (Exception ex)
        {
            return CaseOutcome.Fail(c, $"unexpected {ex.GetType().FullName}: {ex.Message}");
        }
        if (c.ExpectsError)
            return CaseOutcome.Fail(c, $"expected {c.Expect.GetProperty("dotnet").GetString()} ({c.Expect.GetProperty("error").GetString()}: {c.Expect.GetProperty("message").GetString()}), got a result");
        List<string> diffs;
        try
        {
            diffs = result.Value switch
            {
                NDArray a => ResultChecker.CheckArray(a, c.Expect, result.Input),
                DType d when c.Call == "dtype" => CheckDType(d, c.Expect),
                DType d => ResultChecker.CheckArray(np.zeros([], d), c.Expect, null),
                IReadOnlyDictionary<string, bool> byCasting => CheckByCasting(byCasting, c.Expect),
                _ => [$"handler returned {result.Value?.GetType().Name ?? "null"}"],
            };
        }
        catch (Exception ex)
        {
            diffs = [$"checking failed: {ex.GetType().Name}: {ex.Message}"];
        }
        return diffs.Count == 0 ? CaseOutcome.Pass(c) : CaseOutcome.Fail(c, ResultChecker.Join(diffs));
    }

    private static CaseOutcome CheckError(ConformanceCase c, Exception ex)
    {
        string expectedName = c.Expect.GetProperty("dotnet").GetString()!;
        var expected = Type.GetType(expectedName) ?? typeof(Exception).Assembly.GetType(expectedName);
        if (expected is not null && expected.IsInstanceOfType(ex))
            return CaseOutcome.Pass(c);
        return CaseOutcome.Fail(c, $"expected {expectedName}, got {ex.GetType().FullName}: {ex.Message}");
    }

    private static CallResult LayoutCall(ConformanceCase c, Func<NDArray, MemoryOrder, NDArray> op)
    {
        var input = (NDArray)InputDecoder.Decode(c.Args.GetProperty("input"))!;
        var orderArg = c.Arg("order");
        string? order = orderArg is { ValueKind: JsonValueKind.String } o ? o.GetString() : null;
        return new(op(input, MemoryOrders.Parse(order, MemoryOrder.C)), input);
    }

    private static List<string> CheckDType(DType d, JsonElement expect)
    {
        var diffs = new List<string>();
        void Check(string field, string expected, string got)
        {
            if (expected != got)
                diffs.Add($"{field}: expected {expected}, got {got}");
        }
        Check("str", expect.GetProperty("str").GetString()!, d.Str);
        Check("name", expect.GetProperty("name").GetString()!, d.Name);
        Check("kind", expect.GetProperty("kind").GetString()!, d.Kind.ToString());
        Check("char", expect.GetProperty("char").GetString()!, d.Char.ToString());
        Check("itemsize", expect.GetProperty("itemsize").GetRawText(), d.ItemSize.ToString());
        Check("byteorder", expect.GetProperty("byteorder").GetString()!, d.ByteOrder.ToString());
        Check("alignment", expect.GetProperty("alignment").GetRawText(), d.Alignment.ToString());
        Check("isnative", expect.GetProperty("isnative").GetBoolean().ToString(), d.IsNative.ToString());
        Check("repr", expect.GetProperty("repr").GetString()!, d.Repr());
        if (expect.TryGetProperty("datetime_unit", out var unit))
        {
            var (u, m) = d.DateTimeMeta?.UnitTuple ?? ("none", 0);
            Check("datetime_unit", $"{unit[0].GetString()}/{unit[1].GetRawText()}", $"{u}/{m}");
        }
        return diffs;
    }

    private static List<string> CheckByCasting(IReadOnlyDictionary<string, bool> got, JsonElement expect)
    {
        var diffs = new List<string>();
        foreach (var p in expect.GetProperty("by_casting").EnumerateObject())
        {
            if (!got.TryGetValue(p.Name, out bool g) || g != p.Value.GetBoolean())
                diffs.Add($"{p.Name}: expected {p.Value.GetBoolean()}, got {(got.TryGetValue(p.Name, out g) ? g : "missing")}");
        }
        return diffs;
    }
}
