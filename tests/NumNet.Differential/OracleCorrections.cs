using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Differential;

/// <summary>
/// Where the oracle's NumPy-2 emulation is known to be wrong, the part of its answer that cannot be trusted is dropped
/// before comparing, or the whole answer is counted as skipped; NumNet's side is never touched. Each correction names
/// the NumPy 2 behaviour the oracle misses; every one is listed in docs/conformance.md.
/// </summary>
public static class OracleCorrections
{
    private static readonly HashSet<string> BoolSpellings = ["?", "b1", "|b1", "bool", "bool_"];

    /// <summary>What a correction did to an answer.</summary>
    public enum Kind
    {
        /// <summary>The answer stands as the oracle gave it.</summary>
        None,
        /// <summary>Fields the oracle gets wrong were set to null (not compared).</summary>
        FieldsDropped,
        /// <summary>The answer cannot be trusted at all: the case counts as skipped.</summary>
        Untrusted,
    }

    /// <summary>The answer line with what cannot be trusted removed, what was done, and why.</summary>
    public static (string Answer, Kind Kind, string? Reason) Apply(string answer)
    {
        bool hasScalar = answer.Contains("\"scalar\"", StringComparison.Ordinal);
        bool mentionsBool = answer.Contains("?", StringComparison.Ordinal) || answer.Contains("b1", StringComparison.Ordinal) || answer.Contains("bool", StringComparison.Ordinal);
        if (!hasScalar && !mentionsBool)
            return (answer, Kind.None, null);
        var node = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject();
        if (node["expect"] is not JsonObject expect || node["args"] is not JsonObject args)
            return (answer, Kind.None, null);

        // NumPy 2.0 casts text to bool by non-emptiness everywhere ("Truthyness of NumPy strings changed", 2.0.0 release
        // notes); numpy2_oracle.py applies that only to astype, so asarray/array of a text array into bool states 1.24's
        // int()-parsing result.
        if (node["call"]?.GetValue<string>() is "asarray" or "array"
            && args["dtype"] is JsonValue d && BoolSpellings.Contains(d.GetValue<string>())
            && (IsTextArray(args["input"]) || HoldsTextScalar(args["input"])))
            return (answer, Kind.Untrusted, "text array or NumPy text scalar into bool: the oracle applies NumPy 2's non-empty rule to astype only");

        // numpy2_oracle.py writes NumPy 2's text -> bool astype result by hand as a C-ordered copy; astype keeps the
        // source's layout for order K/A (and F asks for F), so only C order states the layout truly.
        if (node["call"]?.GetValue<string>() == "astype" && node["numpy2_reason"]?.GetValue<string>() is { } why
            && why.Contains("string -> bool", StringComparison.Ordinal) && args["order"]?.GetValue<string>() is not ("C" or "c"))
        {
            expect.Remove("strides");
            expect.Remove("flags");
            return (node.ToJsonString(), Kind.FieldsDropped, "layout of text -> bool astype (the oracle builds it in C order)");
        }

        // NumPy 2 writes NumPy scalars as np.float16(-4.0) in reprs (NEP 51); NumPy 1.24 wrote -4.0. The oracle leaves
        // repr/str unchecked for object arrays holding NumPy scalars directly, but not for NumPy scalars inside the
        // lists or tuples an object array holds, so there it states 1.24's text.
        if (hasScalar && expect["dtype"]?.GetValue<string>() == "|O" && expect["repr"] is not null
            && args.ToJsonString().Contains("\"scalar\"", StringComparison.Ordinal))
        {
            expect["repr"] = null;
            expect["str"] = null;
            return (node.ToJsonString(), Kind.FieldsDropped, "repr/str of object arrays with NumPy scalars inside sequences (NEP 51)");
        }
        return (answer, Kind.None, null);
    }

    // NumPy text scalars inside lists or tuples: bool does not know them, so PyArray_Pack casts them, with the same rule.
    private static bool HoldsTextScalar(JsonNode? input) => input switch
    {
        JsonArray items => items.Any(HoldsTextScalar),
        JsonObject o when o["tuple"] is JsonArray items => items.Any(HoldsTextScalar),
        JsonObject o when o["scalar"] is JsonObject scalar => scalar["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') is ['U' or 'S', ..],
        _ => false,
    };

    // An ndarray input (or a view of one) whose dtype is U or S, or a bare NumPy text scalar (converted as its array is).
    private static bool IsTextArray(JsonNode? input)
    {
        while (input is JsonObject o && o["view"] is JsonObject view)
            input = view["base"];
        if (input is JsonObject { } holder && holder["scalar"] is JsonObject scalar)
            return scalar["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') is ['U' or 'S', ..];
        if (input is not JsonObject wrapper || wrapper["ndarray"] is not JsonObject spec)
            return false;
        if (spec["dtype"] is JsonValue dt)
            return dt.GetValue<string>().TrimStart('<', '>', '=', '|') is ['U' or 'S', ..];
        // Without a dtype the values decide: text leaves make a text array.
        return spec["values"]?.ToJsonString().TrimStart('[') is ['"', ..] or ['{', '"', 'b', ..];
    }
}
