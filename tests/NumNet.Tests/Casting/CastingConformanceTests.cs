using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace NumNet.Tests.Casting;

/// <summary>Runs the NumPy-generated can_cast, result_type and astype cases against NumNet.</summary>
public sealed class CastingConformanceTests(ITestOutputHelper output)
{
    private static readonly string[] Rules = ["no", "equiv", "safe", "same_kind", "unsafe"];

    [Fact]
    public void CanCastCases()
    {
        var failures = new List<string>();
        var cases = CaseDecoder.LoadCases("cases-can-cast.json");
        foreach (var c in cases)
        {
            var args = c!["args"]!;
            var expect = c["expect"]!;
            string id = c["id"]!.GetValue<string>();
            try
            {
                var from = CaseDecoder.Operand(args["from"]);
                var to = (DType)CaseDecoder.Operand(args["to"])!;
                foreach (var rule in Rules)
                {
                    bool got = np.can_cast(from!, to, rule);
                    if (expect["by_casting"] is not { } by)
                    {
                        failures.Add($"{id}: expected {expect["error"]}, got {got}");
                        break;
                    }
                    if (got != by[rule]!.GetValue<bool>())
                        failures.Add($"{id}: {args.ToJsonString()} {rule}: got {got}");
                }
            }
            catch (Exception e)
            {
                if (!ErrorMatches(expect, e))
                    failures.Add($"{id}: {e.GetType().Name}: {e.Message}");
            }
        }
        Report("can_cast", cases.Count, failures);
    }

    [Theory]
    [InlineData("cases-result-type.json")]
    [InlineData("promotion-sweep.json")]
    public void ResultTypeCases(string file)
    {
        var failures = new List<string>();
        var cases = CaseDecoder.LoadCases(file);
        foreach (var c in cases)
        {
            var expect = c!["expect"]!;
            string id = c["id"]!.GetValue<string>();
            try
            {
                var ops = c["args"]!["operands"]!.AsArray().Select(CaseDecoder.Operand).ToArray();
                var got = np.result_type(ops);
                if (expect["dtype"] is not { } want)
                    failures.Add($"{id}: expected {expect["error"]}, got {got.Str}");
                else if (got.Str != want.GetValue<string>())
                    failures.Add($"{id}: {c["args"]!.ToJsonString()}: got {got.Str}, want {want}");
            }
            catch (Exception e)
            {
                if (!ErrorMatches(expect, e))
                    failures.Add($"{id}: {e.GetType().Name}: {e.Message}");
            }
        }
        Report($"result_type ({file})", cases.Count, failures);
    }

    [Theory]
    [InlineData("cases-astype-values.json")]
    [InlineData("cases-datetime.json")]
    [InlineData("cases-object-dtype.json")]
    [InlineData("cases-strings-bytes.json")]
    public void AsTypeCases(string file)
    {
        var failures = new List<string>();
        var platform = new List<string>();
        int count = 0;
        foreach (var c in CaseDecoder.LoadCases(file))
        {
            if (c!["call"]!.GetValue<string>() != "astype")
                continue;
            count++;
            string? problem = RunAsType(c);
            if (problem is null)
                continue;
            (c["platform_dependent"] is null ? failures : platform).Add($"{c["id"]}: {problem}");
        }
        foreach (var p in platform)
            output.WriteLine("platform-dependent: " + p);
        Report($"astype ({file})", count, failures);
    }

    private static string? RunAsType(JsonNode c)
    {
        var args = c["args"]!;
        var expect = c["expect"]!;
        try
        {
            var input = CaseDecoder.Array(args["input"]);
            var dtype = np.dtype(args["dtype"]!.GetValue<string>());
            var order = MemoryOrders.Parse(args["order"]?.GetValue<string>());
            string casting = args["casting"]?.GetValue<string>() ?? "unsafe";
            bool copy = args["copy"]?.GetValue<bool>() ?? true;
            using var warnings = Warnings.Capture();
            var r = input.AsType(dtype, order, casting, copy);
            if (expect["error"] is { } err)
                return $"expected {err}, got {r.DType.Str}";
            var problems = new List<string>();
            void Check(string what, object want, object got)
            {
                if (!Equals(want.ToString(), got.ToString()))
                    problems.Add($"{what} {got} != {want}");
            }
            Check("dtype", expect["dtype"]!.GetValue<string>(), r.DType.Str);
            Check("shape", expect["shape"]!.ToJsonString(), "[" + string.Join(",", r.Shape) + "]");
            if (expect["strides"] is { } strides)
                Check("strides", strides.ToJsonString(), "[" + string.Join(",", r.Strides) + "]");
            if (expect["is_input"] is { } isInput)
                Check("is_input", isInput.GetValue<bool>(), ReferenceEquals(r, input));
            if (expect["shares_memory_with_input"] is { } shares)
                Check("shares_memory", shares.GetValue<bool>(), np.shares_memory(r, input));
            if (expect["flags"] is JsonObject flags)
            {
                Check("c", flags["c"]!.GetValue<bool>(), r.IsCContiguous);
                Check("f", flags["f"]!.GetValue<bool>(), r.IsFContiguous);
                Check("owndata", flags["owndata"]!.GetValue<bool>(), r.OwnsData);
                Check("writeable", flags["writeable"]!.GetValue<bool>(), r.IsWriteable);
            }
            // The warning classes NumPy emitted, exactly: ComplexWarning and the cast RuntimeWarnings both ways.
            var wanted = (expect["warnings"] as JsonArray)?.Select(x => x!.GetValue<string>()).Distinct().Order().ToArray() ?? [];
            var raised = warnings.Warnings.Select(x => x.Kind.ToString()).Distinct().Order().ToArray();
            Check("warnings", string.Join(",", wanted), string.Join(",", raised));
            var values = expect["values"]!.AsArray();
            var flat = r.Flatten();
            for (int i = 0; i < values.Count; i++)
            {
                if (CaseDecoder.CompareElement(values[i], flat.GetValue(i), r.DType) is { } bad)
                    problems.Add($"[{i}] {bad}");
            }
            return problems.Count == 0 ? null : string.Join("; ", problems);
        }
        catch (Exception e)
        {
            return ErrorMatches(expect, e) ? null : $"{e.GetType().Name}: {e.Message}";
        }
    }

    private static bool ErrorMatches(JsonNode expect, Exception e)
    {
        if (expect["dotnet"] is not { } dotnet)
            return false;
        var type = Type.GetType(dotnet.GetValue<string>()) ?? typeof(Exception);
        return type.IsInstanceOfType(e);
    }

    private void Report(string what, int count, List<string> failures)
    {
        output.WriteLine($"{what}: {count - failures.Count} passed, {failures.Count} failed");
        foreach (var f in failures)
            output.WriteLine(f);
        Assert.True(failures.Count == 0, $"{what}: {failures.Count} of {count} failed:\n" + string.Join("\n", failures));
    }
}
