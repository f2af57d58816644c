using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Differential;

/// <summary>
/// <c>np.array(arr, dtype=R, order='A')</c> copying an array whose own descriptor the request adapts to (an unsized
/// request of the array's family: <c>'M8'</c> on an <c>M8[h]</c> array, <c>'U'</c> on a <c>U3</c> array): the oracle
/// states NumPy 1.24's order-K copy, and the harness asks it again with the request spelled as the array's own
/// descriptor, which 1.24 answers on NumPy 2's path.
/// </summary>
/// <remarks>
/// <para>NumPy 2 (<c>_array_fromobject_generic</c>, <c>numpy/_core/src/multiarray/multiarraymodule.c</c>) receives an
/// unsized or generic-unit request as a DType class without an instance (<c>PyArray_ExtractDTypeAndDescriptor</c>;
/// <c>descr_is_legacy_parametric_instance</c>, <c>descriptor.c</c>), adapts it to the array
/// (<c>PyArray_AdaptDescriptorToArray</c>: the array's own descriptor for its own family), finds a no-cast view
/// (<c>PyArray_SafeCast(oldtype, dtype, &amp;view_offset, NPY_NO_CASTING, 1)</c>) and copies with
/// <c>PyArray_NewCopy(oparr, order)</c>: order A is C unless the array is F- and not C-contiguous. NumPy 1.24 took
/// the request as a descriptor not equivalent to the array's (<c>PyArray_EquivTypes</c>), went through
/// <c>PyArray_FromArray</c> and copied with NPY_KEEPORDER. Spelled as the array's own descriptor, the request is
/// equivalent in 1.24 too, whose fast path is then NumPy 2's (<c>PyArray_NewCopy(oparr, order)</c>, descriptor kept).</para>
/// <para>Orders C, F and K copy alike on both paths, and without a copy both return a view or the input, so only an
/// order-A copy is asked again; only where the oracle's result has exactly the array's own descriptor (the request
/// adapted to it), since any other result is a cast on both paths.</para>
/// </remarks>
public static class OwnDescriptorCopy
{
    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 512 };

    /// <summary>The reason recorded on a case whose answer this correction replaced.</summary>
    public const string Reason =
        "NumPy 2 copies an array whose own descriptor the request adapts to with PyArray_NewCopy(arr, order) "
        + "(_array_fromobject_generic, multiarraymodule.c): order A is C unless the array is F- and not C-contiguous; "
        + "asked again with the request spelled as the array's descriptor";

    /// <summary>
    /// The question of the array input's own descriptor (<c>asarray(input)</c>) when <paramref name="line"/> is an
    /// order-A copy of an array into a requested dtype and the oracle's <paramref name="answer"/> is a result; null
    /// otherwise.
    /// </summary>
    public static string? SourceQuestion(string line, string answer)
    {
        if (!line.Contains("\"order\":\"A\"", StringComparison.OrdinalIgnoreCase))
            return null;
        var node = JsonNode.Parse(line, documentOptions: Deep)!.AsObject();
        if (node["args"] is not JsonObject args || !CopiesInOrderA(node["call"]?.GetValue<string>(), args)
            || JsonNode.Parse(answer, documentOptions: Deep)?["expect"]?["dtype"] is not JsonValue)
            return null;
        return new JsonObject
        {
            ["id"] = "own-descriptor", ["category"] = "correction", ["call"] = "asarray",
            ["args"] = new JsonObject { ["input"] = args["input"]!.DeepClone() },
        }.ToJsonString();
    }

    /// <summary>
    /// The case line asked again with the request spelled as the array's own descriptor, when the oracle's result
    /// (<paramref name="answer"/>) has exactly that descriptor and the request is spelled otherwise; null otherwise.
    /// </summary>
    /// <param name="line">The case line.</param>
    /// <param name="answer">The oracle's answer to it.</param>
    /// <param name="sourceAnswer">The oracle's answer to <see cref="SourceQuestion"/>.</param>
    public static string? Respelled(string line, string answer, string sourceAnswer)
    {
        string? own = JsonNode.Parse(sourceAnswer, documentOptions: Deep)?["expect"]?["dtype"]?.GetValue<string>();
        string? result = JsonNode.Parse(answer, documentOptions: Deep)?["expect"]?["dtype"]?.GetValue<string>();
        var node = JsonNode.Parse(line, documentOptions: Deep)!.AsObject();
        if (own is null || result != own || node["args"] is not JsonObject args || args["dtype"]?.GetValue<string>() == own)
            return null;
        args["dtype"] = own;
        return node.ToJsonString();
    }

    /// <summary>
    /// The answer to the respelled line with the case's own arguments, marked as corrected by the harness when it
    /// differs from the oracle's first answer; the first answer when they agree.
    /// </summary>
    public static string Restore(string firstAnswer, string respelledAnswer, string originalLine)
    {
        var again = JsonNode.Parse(OracleCorrections.WithArgumentsOf(respelledAnswer, originalLine), documentOptions: Deep)!.AsObject();
        var first = JsonNode.Parse(firstAnswer, documentOptions: Deep)!;
        if (again["expect"] is not JsonObject expect || JsonNode.DeepEquals(expect, first["expect"]))
            return firstAnswer;
        again["numpy2_reason"] = HarnessCorrection.Mark(again["numpy2_reason"]?.GetValue<string>(), Reason);
        return again.ToJsonString();
    }

    // array copies by default, asarray only with copy=True (copy=None, a JSON null, copies only if needed); the input
    // must be an array (a view of one included).
    private static bool CopiesInOrderA(string? call, JsonObject args) =>
        call is "array" or "asarray"
        && args["order"]?.GetValue<string>() is "A" or "a"
        && args["dtype"] is JsonValue d && d.GetValueKind() == JsonValueKind.String
        && args["input"] is JsonObject input && (input["ndarray"] is not null || input["view"] is not null)
        && (args.TryGetPropertyValue("copy", out var copy) ? copy?.GetValueKind() == JsonValueKind.True : call == "array");
}

/// <summary>How an answer the harness derived from the oracle is marked, so the run counts it as corrected.</summary>
public static class HarnessCorrection
{
    /// <summary>The prefix of the part of <c>numpy2_reason</c> the harness adds.</summary>
    public const string Prefix = "corrected by the harness: ";

    /// <summary>The oracle's reason with the harness's correction appended.</summary>
    public static string Mark(string? oracleReason, string reason) =>
        (oracleReason is { Length: > 0 } before ? before + "; " : "") + Prefix + reason;

    /// <summary>The harness's correction recorded in an answer, or null when the answer is the oracle's own.</summary>
    public static string? Of(JsonElement answer) =>
        answer.TryGetProperty("numpy2_reason", out var why) && why.ValueKind == JsonValueKind.String
        && why.GetString() is { } text && text.IndexOf(Prefix, StringComparison.Ordinal) is int at and >= 0
            ? text[(at + Prefix.Length)..]
            : null;
}
