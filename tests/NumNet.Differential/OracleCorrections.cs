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
        if (answer.Contains("\"call\":\"result_type\"", StringComparison.Ordinal) || answer.Contains("\"call\": \"result_type\"", StringComparison.Ordinal))
            return ResultType(answer);
        if (answer.Contains("\"U", StringComparison.Ordinal) || answer.Contains("\"S", StringComparison.Ordinal)
            || answer.Contains("|S", StringComparison.Ordinal) || answer.Contains("<U", StringComparison.Ordinal) || answer.Contains(">U", StringComparison.Ordinal))
        {
            var text = NarrowFloatText(answer);
            if (text.Kind != Kind.None)
                return text;
        }
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

    /// <summary>
    /// The reason the oracle's answer cannot stand when it gave datetime64/timedelta64 values where NumNet raised
    /// NumPy 2.5's unit-conversion overflow; null otherwise. NumPy 1.24 wraps the product of a unit conversion that
    /// leaves int64; NumPy 2.5.0 raises OverflowError instead (numpy/numpy#31085: dtype_transfer.c,
    /// _strided_to_strided_datetime_cast calls _datetime_scale_with_overflow_check from _datetime.h), and
    /// numpy2_oracle.py has no rule for it. Only this one message of NumNet's counts, and only against a result.
    /// </summary>
    public static string? WrapsWhereNumPyRaises(string answer, string numNetDetail)
    {
        if (!numNetDetail.Contains("OverflowException: Overflow when converting between datetime64 units", StringComparison.Ordinal)
            && !numNetDetail.Contains("OverflowException: Overflow when converting between timedelta64 units", StringComparison.Ordinal))
            return null;
        var expect = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })?["expect"];
        return expect?["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') is ['M' or 'm', ..] && expect["error"] is null
            ? "datetime unit conversion overflow: NumPy 1.24 wraps, NumPy 2.5 raises OverflowError"
            : null;
    }

    // One difference per entry of ResultChecker.Join: "\n      field: ..." or "\n      values[i]: ...".
    private static readonly System.Text.RegularExpressions.Regex DifferenceStart = new(@"\n      (?<field>[a-z_]+)(?<index>\[\d+\])?: (?<rest>[^\n]*)");
    private static readonly System.Text.RegularExpressions.Regex DateNearInt64Minimum =
        new(@"^expected \{""dt"": ""\d{17,}-[^""]*""\}, got DateTime64 \{ Value = -92233720368547\d{5}, ");

    /// <summary>
    /// The reason the oracle's answer cannot stand when every value that differs is a datetime64 count near the int64
    /// minimum that the oracle prints as a date in year 25252734927768524 and more; null otherwise. NumPy 1.24's
    /// days_to_yearsdays (numpy/_core/src/multiarray/datetime.c) subtracts its day offset from such a count and
    /// overflows; NumPy main guards the subtraction (commit cd1cfb8ef6, numpy#31688) and gives year
    /// -25252734927764585, as NumNet does. Judged from NumNet's differences, since only those values are wrong in the
    /// oracle's answer: any other difference (another value, the dtype, the shape) keeps the case failing.
    /// </summary>
    public static string? DateNearInt64MinimumOverflows(string numNetDetail)
    {
        var differences = DifferenceStart.Matches(numNetDetail);
        if (differences.Count == 0)
            return null;
        bool anyValue = false;
        foreach (System.Text.RegularExpressions.Match d in differences)
        {
            string field = d.Groups["field"].Value;
            if (field == "values" && d.Groups["index"].Success && DateNearInt64Minimum.IsMatch(d.Groups["rest"].Value))
                anyValue = true;
            else if (field is not ("repr" or "str"))
                return null;
        }
        return anyValue ? "datetime64 counts near the int64 minimum: NumPy 1.24's days_to_yearsdays overflows (NumPy main guards it, numpy#31688)" : null;
    }

    /// <summary>
    /// A reason when <paramref name="answer"/> casts timedelta64 values to a fixed-width text dtype and NumNet's answer
    /// differs from it only in values and their repr/str, or in a shape no cast gives; null otherwise. NumPy 1.24's timedelta64 → text cast of a
    /// width shorter than the text corrupts memory: a fresh NumPy 1.24 process that casts
    /// <c>np.array([np.timedelta64('NaT', 'as')])</c> to <c>U2</c>, <c>U3</c> and <c>U5</c> gets 'Na', 'NaT', 'NaT'
    /// and then dies of a segmentation fault at exit, and the oracle's long-running process answered 'NaT' cut to two
    /// characters as "42" and -703 ns as "47" and "-7" on two asks. In a fresh process NumPy 1.24 gives what NumNet
    /// gives (the text cut to the width), so such an answer is untrusted, not derived.
    /// </summary>
    public static string? TimedeltaTextCutUnstable(string answer, string numNetDetail)
    {
        if (!answer.Contains("m8[", StringComparison.Ordinal))
            return null;
        var node = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
        if (node?["args"]?["dtype"] is not JsonValue dtype || dtype.GetValueKind() != JsonValueKind.String
            || dtype.GetValue<string>().TrimStart('<', '>', '=', '|') is not ['U' or 'S', >= '1' and <= '9', ..]
            || node["args"]?["input"]?.ToJsonString().Contains("m8[", StringComparison.Ordinal) != true)
            return null;
        var differences = DifferenceStart.Matches(numNetDetail);
        // A cast never changes the shape, so an answer of another shape is the corruption itself (the seed-20261220
        // long run: shape (502511173743, 493921239154, 0, 0) for a (3, 2, 1, 1) input); its strides and values follow.
        bool shapeGarbled = differences.Any(d => d.Groups["field"].Value == "shape");
        bool anyValue = false;
        foreach (System.Text.RegularExpressions.Match d in differences)
        {
            string field = d.Groups["field"].Value;
            if (field == "values" && (d.Groups["index"].Success || shapeGarbled))
                anyValue = true;
            else if (!(field is "repr" or "str" || (shapeGarbled && field is "shape" or "strides")))
                return null;
        }
        return anyValue || shapeGarbled ? "timedelta64 text cut to a narrower U/S width: NumPy 1.24's cast corrupts memory there (a fresh process segfaults at exit), so the oracle's answer is untrusted" : null;
    }

    /// <summary>
    /// The case line to send the oracle for <paramref name="line"/>: the same question in a form the oracle answers as
    /// NumPy 2 does. numpy2_oracle.py runs result_type under NumPy 1.24's experimental "weak" promotion state, which
    /// still looks at the values of numeric NumPy scalars; NumPy 2's array_result_type (multiarraymodule.c) converts a
    /// NumPy scalar to an array of its dtype and marks only exact Python int/float/complex as weak
    /// (npy_mark_tmp_array_if_pyscalar, abstractdtypes.h), so a numeric NumPy scalar and a 0-d array of it are the same
    /// operand, and 1.24 judges 0-d arrays by their dtype. Those operands are asked as 0-d arrays.
    /// </summary>
    public static string Rephrase(string line)
    {
        if (!line.Contains("\"result_type\"", StringComparison.Ordinal) || !line.Contains("\"scalar\"", StringComparison.Ordinal))
            return line;
        var node = JsonNode.Parse(line)!.AsObject();
        if (node["call"]?.GetValue<string>() != "result_type" || node["args"]?["operands"] is not JsonArray operands)
            return line;
        for (int i = 0; i < operands.Count; i++)
        {
            if (operands[i] is JsonObject { } o && o["scalar"] is JsonObject sc && IsNumericSpelling(sc["dtype"]))
                operands[i] = new JsonObject { ["ndarray"] = new JsonObject { ["values"] = sc["value"]!.DeepClone(), ["dtype"] = sc["dtype"]!.DeepClone(), ["order"] = "C" } };
        }
        return node.ToJsonString();
    }

    /// <summary>The oracle's answer to a rephrased line, with the original case's arguments put back.</summary>
    public static string Restore(string answer, string originalLine)
    {
        if (!originalLine.Contains("\"result_type\"", StringComparison.Ordinal))
            return answer;
        return WithArgumentsOf(answer, originalLine);
    }

    /// <summary>
    /// The case line to ask again when the oracle's <paramref name="answer"/> to <paramref name="line"/> stored a
    /// timedelta64 NaT scalar into another unit; null otherwise. NumPy 1.24 multiplies NaT's count by the unit factor
    /// (NaT in h stored into m8[m] is 0); NumPy 2.4 keeps it NaT (numpy commit 02d0964fee, "BUG: Casting from one
    /// timedelta64 to another didn't handle NAT", cast_timedelta_to_timedelta in numpy/_core/src/multiarray/datetime.c,
    /// first in v2.4.0). Asked again with every NaT timedelta scalar spelled in the result's unit, which the oracle
    /// stores without a conversion; the result's unit does not change, as it is already the common unit of all of them.
    /// The same where 1.24 refused the unit factor of a requested m8[…] dtype ("Integer overflow while computing the
    /// conversion factor", W → ps): NumPy 2.4 returns NaT before computing the factor, so such a NaT is asked again in
    /// the requested unit (any other element with that factor still fails in the second answer).
    /// </summary>
    public static string? NaTInResultUnit(string line, string answer)
    {
        if (!line.Contains("\"NaT\"", StringComparison.Ordinal) || !line.Contains("m8[", StringComparison.Ordinal))
            return null;
        var answerNode = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
        var node = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject();
        // The result's unit; or, where NumPy 1.24 refused to compute a unit factor (which a NaT scalar no longer needs
        // in NumPy 2.4: cast_timedelta_to_timedelta returns NaT before get_datetime_conversion_factor), the unit asked for.
        string? dtype = answerNode?["expect"]?["dtype"] is JsonValue d ? d.GetValue<string>()
            : answerNode?["expect"]?["message"]?.GetValue<string>() is { } m && m.StartsWith(FactorOverflow, StringComparison.Ordinal)
              && node["args"]?["dtype"] is JsonValue asked && asked.GetValueKind() == JsonValueKind.String ? asked.GetValue<string>()
            : null;
        if (TimedeltaSpelling(dtype) is not { } unitSpelling)
            return null;
        string unit = unitSpelling;
        if (node["args"]?["input"] is not JsonNode input || !RespellNaT(input, unit))
            return null;
        return node.ToJsonString();
    }

    private const string FactorOverflow = "Integer overflow while computing the conversion factor";

    /// <summary>
    /// A timedelta64 dtype with a unit as <c>m8[…]</c> without its byte order, whether asked as <c>m8[s]</c> or as
    /// <c>timedelta64[s]</c>; null for anything else.
    /// </summary>
    public static string? TimedeltaSpelling(string? dtype)
    {
        string? bare = dtype?.TrimStart('<', '>', '=', '|');
        if (bare is null)
            return null;
        if (bare.StartsWith("timedelta64[", StringComparison.Ordinal))
            bare = "m8" + bare["timedelta64".Length..];
        return bare is ['m', '8', '[', ..] ? bare : null;
    }

    /// <summary>Spells every timedelta64 NaT scalar under <paramref name="node"/> as <paramref name="unit"/> (<c>m8[…]</c>); true when one changed.</summary>
    private static bool RespellNaT(JsonNode node, string unit)
    {
        bool changed = false;
        switch (node)
        {
            case JsonArray items:
                foreach (var item in items)
                    changed |= item is not null && RespellNaT(item, unit);
                break;
            case JsonObject o when o["scalar"] is JsonObject sc && sc["value"] is JsonValue v && v.GetValueKind() == JsonValueKind.String
                && v.GetValue<string>() == "NaT" && sc["dtype"]?.GetValue<string>() is { } spelling:
                string bare = spelling.TrimStart('<', '>', '=', '|');
                if (bare.StartsWith("m8[", StringComparison.Ordinal) && bare != unit)
                {
                    sc["dtype"] = spelling[..(spelling.Length - bare.Length)] + unit;
                    changed = true;
                }
                break;
            case JsonObject o:
                foreach (var (_, child) in o.ToList())
                    changed |= child is not null && RespellNaT(child, unit);
                break;
        }
        return changed;
    }

    /// <summary>An answer to a rephrased line with the original case's arguments put back.</summary>
    public static string WithArgumentsOf(string answer, string originalLine)
    {
        var node = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject();
        if (node["args"] is null)
            return answer;
        node["args"] = JsonNode.Parse(originalLine, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!["args"]!.DeepClone();
        return node.ToJsonString();
    }

    private static bool IsNumericSpelling(JsonNode? dtype) =>
        dtype is JsonValue v && v.GetValueKind() == JsonValueKind.String
        && v.GetValue<string>().TrimStart('<', '>', '=', '|') is ['b' or 'i' or 'u' or 'f' or 'c', ..];

    // With a Python number among three or more operands NumPy 1.24's weak state gives the default types
    // (result_type(np.bool_, np.uint16, -191) is int64 there); in NumPy 2's PyArray_ResultType
    // (numpy/_core/src/multiarray/convert_datatype.c) the Python int joins PyArray_PromoteDTypeSequence as the abstract
    // _PyLongDType and uint16 absorbs it (default_builtin_common_dtype, dtypemeta.c). No rephrasing keeps the question.
    private static (string Answer, Kind Kind, string? Reason) ResultType(string answer)
    {
        var node = JsonNode.Parse(answer)!.AsObject();
        if (node["args"]?["operands"] is not JsonArray operands || operands.Count < 2 || node["skip"] is not null)
            return (answer, Kind.None, null);
        bool pythonNumber = operands.Any(o => o is JsonObject obj && obj["value"] is JsonNode v
            && v.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False));
        if (pythonNumber && operands.Count >= 3)
            return (answer, Kind.Untrusted, "result_type of a Python number with two or more other operands: NumPy 1.24's weak state gives the default types");
        return (answer, Kind.None, null);
    }

    // NumPy >= 2.3 writes float16 scalars positionally only below 1e3 and float32/complex64 below 1e6 (scalartypes.c.src,
    // halftype_str and `#max_positional = 1.e6L, 1.e16L, 1.e16L#`), and a cast or store of such a number into U/S writes
    // str() of the NumPy scalar (arraytypes.c.src, @from@_to_@to@ calls PyArray_Scalar and the string setitem).
    // numpy2_oracle.py applies those cutoffs to printing only, so where it states positional text of four (float16) or
    // seven (float32, complex64) integer digits, the text fields are not compared.
    private static (string Answer, Kind Kind, string? Reason) NarrowFloatText(string answer)
    {
        var node = JsonNode.Parse(answer, documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject();
        if (node["expect"] is not JsonObject expect || node["args"] is not JsonObject args
            || expect["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') is not ['U' or 'S', ..])
            return (answer, Kind.None, null);
        string argsText = args.ToJsonString();
        bool half = NarrowSpellings(argsText, HalfSpellings);
        bool single = NarrowSpellings(argsText, SingleSpellings);
        if (!half && !single)
            return (answer, Kind.None, null);
        // Positional text of a large number ("65500.0", "(4294967300+0j)"), or text cut to the width so that only
        // digits are left ("109951" of a float32 in S6, "(-inf+10" of a complex64 in S8, whose imaginary part is
        // "1e+10" in NumPy 2.3): str() of a float always has a point, an e, nan or inf, and a complex ends in "j)".
        int digits = half ? 4 : 7;
        var positional = new System.Text.RegularExpressions.Regex(@"(^|[^0-9.e])[0-9]{" + digits + @",}[.+\-j]");
        var cut = new System.Text.RegularExpressions.Regex(@"^\(?-?[0-9]{2,}$|^\(.*[+\-][0-9]{2,}$");
        if (!Texts(expect["values"]).Any(t => positional.IsMatch(t) || cut.IsMatch(t)))
            return (answer, Kind.None, null);
        expect.Remove("values");
        expect["repr"] = null;
        expect["str"] = null;
        return (node.ToJsonString(), Kind.FieldsDropped, "text of large float16/float32/complex64 values in U/S (the oracle lacks NumPy 2.3's scalar cutoffs there)");
    }

    // The text leaves of an expected "values" field: strings, and the text of {"bytes": ...}.
    private static IEnumerable<string> Texts(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var t in Texts(item))
                        yield return t;
                }
                break;
            case JsonObject obj when obj["bytes"] is JsonValue b && b.GetValueKind() == JsonValueKind.String:
                yield return b.GetValue<string>();
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                yield return v.GetValue<string>();
                break;
        }
    }

    private static readonly string[] HalfSpellings = ["f2", "\"e\"", "float16", "half"];
    private static readonly string[] SingleSpellings = ["f4", "c8", "\"f\"", "\"F\"", "float32", "complex64", "single", "csingle"];

    private static bool NarrowSpellings(string text, string[] spellings) =>
        spellings.Any(s => text.Contains(s, StringComparison.Ordinal));

    // An ndarray input (or a view of one) whose dtype is U or S, or a bare NumPy text scalar (converted as its array is).
    // A NumPy str_/bytes_ scalar inside a sequence: NumPy 2 stores a NumPy scalar of another dtype by casting it
    // (PyArray_Pack in numpy/_core/src/multiarray/array_coercion.c), so the text -> bool rule applies there too.
    private static bool HoldsTextScalar(JsonNode? input) => input switch
    {
        JsonArray items => items.Any(HoldsTextScalar),
        JsonObject o when o["tuple"] is JsonArray t => t.Any(HoldsTextScalar),
        JsonObject o when o["scalar"] is JsonObject sc => sc["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') is ['U' or 'S', ..],
        _ => false,
    };

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
        // Without a dtype the values decide: text among numbers and bools makes a text array (NumPy's discovery promotes
        // numbers with str to U), while None or a NumPy scalar among them may make something else.
        var leaves = Leaves(spec["values"]).ToList();
        return leaves.Any(IsText) && leaves.All(l => IsText(l) || l is JsonValue
            || l is JsonObject o && (o["f"] is not null || o["complex"] is not null));
    }

    private static bool IsText(JsonNode? leaf) =>
        leaf is JsonValue v && v.GetValueKind() == JsonValueKind.String || leaf is JsonObject o && o["bytes"] is not null;

    // The leaves of a nested list in the input encoding (a JSON null is a leaf: None).
    private static IEnumerable<JsonNode?> Leaves(JsonNode? node)
    {
        if (node is not JsonArray items)
        {
            yield return node;
            yield break;
        }
        foreach (var item in items)
        {
            foreach (var leaf in Leaves(item))
                yield return leaf;
        }
    }
}
