using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Differential;

/// <summary>
/// NumPy 2's answer for an integer store whose elements fail, derived from the oracle one element at a time.
/// </summary>
/// <remarks>
/// <para>NumPy 2 stores the elements of a nested sequence one by one in C order
/// (numpy/_core/src/multiarray/array_coercion.c: <c>PyArray_AssignFromCache_Recursive</c> calls <c>PyArray_Pack</c>
/// per item) and casts an array element by element in the result's memory order
/// (numpy/_core/src/multiarray/dtype_transfer.c: <c>PyArray_PrepareTwoRawArrayIter</c> sorts the axes by the
/// destination's strides; the object → any loop <c>strided_to_strided_object_to_any</c> calls <c>PyArray_Pack</c> per
/// element; the text → integer loop <c>@from@_to_@to@</c> in arraytypes.c.src calls <c>@TYPE@_setitem</c> per element
/// and stops at the first failure). An integer <c>@TYPE@_setitem</c> (arraytypes.c.src) sends everything that is
/// neither a Python int nor an array through <c>PyNumber_Long</c> and <c>@TYPE@_safe_pyint_setitem</c>, which raises
/// OverflowError "Python integer %R out of bounds for %S" (for text since NumPy 2.0.0, commit 6dc3c322ad). So the
/// first element that fails raises.</para>
/// <para>numpy2_oracle.py runs NumPy 1.24, which has no bounds check: its int() scan runs only when 1.24 succeeded
/// (so a ValueError of 1.24's on a later element stands), only for nested inputs and astype, and not for text
/// arrays, text scalars, object arrays given to asarray/array, or NumPy complex/datetime scalars into signed integers.
/// Each element alone, asked in a form the oracle answers right, is answered right, so NumPy 2's error is the first
/// element's (in NumPy 2's order) that fails alone. When no element fails alone, the oracle's answer stands.</para>
/// <para>The forms asked for one element <c>E</c> into the integer dtype <c>T</c> (NumPy 2's <c>PyArray_Pack</c>,
/// array_coercion.c; <c>discover_dtype_from_pyobject</c> and <c>signed_integers_is_known_scalar_types</c>, dtypemeta.c):
/// a Python value is stored by <c>T</c>'s setitem: <c>asarray([E], T)</c>, which the oracle scans. A NumPy scalar is a
/// known scalar of a signed <c>T</c> (setitem: int() and the bounds check), and of an unsigned <c>T</c> it is cast,
/// where a text scalar reaches the setitem too: <c>astype</c> of a one-element object array holding <c>E</c>, whose
/// int() scan the oracle runs for every NumPy scalar. Any other NumPy scalar into an unsigned <c>T</c> is a plain
/// cast: <c>asarray(E, T)</c>. An element of a text array is asked as the Python text (int() of a str_/bytes_ scalar
/// is int() of its text).</para>
/// <para>The case still fails unless NumNet raises the same exception with the same message as that first element,
/// so an element NumNet refuses and NumPy accepts is never hidden by an earlier element that NumPy refuses too.</para>
/// </remarks>
public sealed partial class ElementStoreCorrection(Func<IReadOnlyList<string>, IReadOnlyList<string>> ask)
{
    private static readonly JsonDocumentOptions Deep = new() { MaxDepth = 512 };

    // Messages of errors raised while storing one element into an integer dtype (int() and the bounds check); an
    // oracle error of any other kind (discovery, arguments, copy) happens before the elements and is left alone.
    private static readonly string[] ElementErrors =
    [
        "out of bounds for", "invalid literal for int()", "int() argument must be", "cannot convert float",
        "Python int too large", "int() base must be", "could not convert",
    ];

    /// <summary>The corrected answer and why, or null when the correction does not apply or finds no failing element.</summary>
    /// <param name="answer">The oracle's answer line (with the case's arguments).</param>
    /// <param name="numNetDetail">What the comparison with NumNet reported (NumNet must have raised).</param>
    public (string Answer, string Reason)? TryCorrect(string answer, string numNetDetail)
    {
        if (!NumNetRaised(numNetDetail))
            return null;
        var node = JsonNode.Parse(answer, documentOptions: Deep)!.AsObject();
        if (node["expect"] is not JsonObject expect || node["args"] is not JsonObject args
            || node["call"]?.GetValue<string>() is not ("asarray" or "array" or "astype") || args["dtype"] is not JsonValue target
            || target.GetValueKind() != JsonValueKind.String || !StoresElements(node["call"]!.GetValue<string>(), args))
            return null;
        if (expect["message"]?.GetValue<string>() is { } message && !ElementErrors.Any(m => message.Contains(m, StringComparison.Ordinal)))
            return null;
        char kind = Kind(target.GetValue<string>());
        if (kind is not ('i' or 'u'))
            return null;
        var visits = Elements(node["call"]!.GetValue<string>(), args);
        if (visits is null || visits.Count == 0 || visits.Any(v => v.How == StoreKind.UnitCast))
            return null;
        var questions = visits.Select(v => Question(v, target.GetValue<string>(), kind == 'i')).ToList();
        if (questions.Any(q => q is null))
            return null;
        var answers = ask(questions!);
        for (int i = 0; i < answers.Count; i++)
        {
            var one = JsonNode.Parse(answers[i], documentOptions: Deep)!;
            if (one["expect"] is not JsonObject oneExpect)
                return null; // the oracle cannot answer this element: no trustworthy first failure
            if (oneExpect["error"] is null)
                continue;
            return WithElementError(node, oneExpect, $"NumPy 2 stores element by element: the first failing element is #{i} {visits[i].Where} ({Compact(visits[i].Value)}), {oneExpect["error"]}: {oneExpect["message"]}");
        }
        return null;
    }

    // The answer whose expectation is the first failing element's error, marked as the harness's with the reason.
    private static (string Answer, string Reason) WithElementError(JsonObject node, JsonObject error, string reason)
    {
        var corrected = new JsonObject();
        foreach (string field in (string[])["error", "error_base", "message", "dotnet"])
            corrected[field] = error[field]?.DeepClone();
        node["expect"] = corrected;
        node["numpy2_reason"] = HarnessCorrection.Mark(node["numpy2_reason"]?.GetValue<string>(), reason);
        return (node.ToJsonString(), reason);
    }

    /// <summary>
    /// Whether NumNet matches a derived answer: it must raise the same exception (the comparison of the conformance
    /// runner) with the same message, which names the element, so an element NumNet refuses and NumPy accepts is not
    /// hidden by an earlier one NumPy refuses too. <paramref name="detail"/> says what differs otherwise.
    /// </summary>
    /// <param name="derived">The derived answer line (<see cref="TryCorrect"/>).</param>
    /// <param name="numNetDetail">What the comparison with the oracle's own answer reported (names NumNet's exception).</param>
    /// <param name="detail">What differs, when NumNet does not match.</param>
    public static bool NumNetMatches(string derived, string numNetDetail, out string detail)
    {
        using var doc = JsonDocument.Parse(derived, new JsonDocumentOptions { MaxDepth = 512 });
        var c = NumNet.Conformance.ConformanceCase.FromJson(doc.RootElement, "differential");
        var outcome = NumNet.Conformance.CaseRunner.Run(c);
        string expected = c.Expect.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
        detail = !outcome.Passed ? outcome.Detail
            : NumNetMessage(numNetDetail) is { } message && message != expected ? $"expected the message '{expected}', got '{message}'"
            : "";
        return detail.Length == 0;
    }

    /// <summary>
    /// NumNet's exception message from a comparison's detail ("unexpected T: m" or "expected X, got T: m"), or null
    /// when NumNet gave a result.
    /// </summary>
    public static string? NumNetMessage(string detail)
    {
        if (!NumNetRaised(detail))
            return null;
        int got = detail.StartsWith("unexpected ", StringComparison.Ordinal) ? "unexpected ".Length : detail.IndexOf(", got ", StringComparison.Ordinal) + ", got ".Length;
        int colon = detail.IndexOf(": ", got, StringComparison.Ordinal);
        return colon < 0 ? "" : detail[(colon + 2)..];
    }

    private static bool NumNetRaised(string detail) =>
        detail.StartsWith("unexpected System.", StringComparison.Ordinal)
        || (detail.StartsWith("expected ", StringComparison.Ordinal) && detail.Contains(", got System.", StringComparison.Ordinal));

    // Arguments under which NumPy reaches the elements at all: copy=False refuses a copy before storing anything, and
    // astype under a casting rule other than unsafe refuses text/object -> integer before storing anything.
    private static bool StoresElements(string call, JsonObject args) => call == "astype"
        ? args["casting"] is null || args["casting"]!.GetValue<string>() == "unsafe"
        : args["copy"] is not JsonValue copy || copy.GetValueKind() != JsonValueKind.False;

    /// <summary>One element as NumPy 2 visits it: its value in the corpus encoding and how it is stored.</summary>
    private sealed record Visit(JsonNode? Value, StoreKind How, string Where);

    private enum StoreKind
    {
        /// <summary>Packed as an item of a sequence or an element of an object array (<c>PyArray_Pack</c>).</summary>
        Pack,
        /// <summary>An element of a text array or a text scalar cast to an integer (the setitem of its text).</summary>
        Text,
        /// <summary>An element of a timedelta64 array cast to another unit (the strided unit-scaling loop).</summary>
        UnitCast,
    }

    // The kind of a dtype spelling, as the oracle's NumPy parses it.
    private char Kind(string spelling) =>
        DTypeFacts(spelling)?["kind"]?.GetValue<string>() is [char k] ? k : '\0';

    // The oracle's description of a dtype spelling (np.dtype(spelling): kind, str, datetime_unit …), or null.
    private JsonObject? DTypeFacts(string spelling)
    {
        string line = new JsonObject { ["id"] = "kind", ["category"] = "correction", ["call"] = "dtype", ["args"] = new JsonObject { ["spec"] = spelling } }.ToJsonString();
        return JsonNode.Parse(ask([line])[0])?["expect"] as JsonObject;
    }

    // The elements in the order NumPy 2 stores them, or null when the input is not one this correction can follow.
    private List<Visit>? Elements(string call, JsonObject args)
    {
        var input = args["input"];
        if (input is JsonArray || input is JsonObject { } t && t["tuple"] is not null)
        {
            var leaves = new List<JsonNode?>();
            return call != "astype" && RegularLeaves(input, leaves) is not null
                ? leaves.Select(v => new Visit(v, StoreKind.Pack, "of the sequence in C order")).ToList()
                : null;
        }
        if (input is not JsonObject o || (o["ndarray"] is null && o["view"] is null && o["scalar"] is null))
            return call == "astype" ? null : [new Visit(input, StoreKind.Pack, "(the bare value)")];
        // An array or a bare NumPy scalar is cast: ask the oracle for its dtype, layout and values (C order).
        string line = new JsonObject { ["id"] = "source", ["category"] = "correction", ["call"] = "asarray", ["args"] = new JsonObject { ["input"] = input.DeepClone() } }.ToJsonString();
        if (JsonNode.Parse(ask([line])[0], documentOptions: Deep)?["expect"] is not JsonObject source || source["values"] is not JsonArray values)
            return null;
        var how = source["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') switch
        {
            ['U' or 'S', ..] => StoreKind.Text,
            ['O', ..] => StoreKind.Pack,
            ['m', ..] => StoreKind.UnitCast,
            _ => (StoreKind?)null,
        };
        if (how is null)
            return null;
        int[] shape = source["shape"]!.AsArray().Select(d => d!.GetValue<int>()).ToArray();
        long[] strides = source["strides"]!.AsArray().Select(d => d!.GetValue<long>()).ToArray();
        bool c = source["flags"]?["c"]?.GetValue<bool>() ?? true, f = source["flags"]?["f"]?.GetValue<bool>() ?? false;
        var layout = ResultLayout(call, args["order"]?.GetValue<string>(), c, f, shape.Length);
        var order = VisitOrder(shape, strides, layout);
        return order.Select(flat => new Visit(values[(int)flat], how.Value, $"of the cast in {layout} order (C index {flat})")).ToList();
    }

    // The leaves of a nested list/tuple in C order, or null when it is ragged or holds an array (NumPy's discovery
    // fails first, or the array is assigned as a whole).
    private static int[]? RegularLeaves(JsonNode? node, List<JsonNode?> leaves)
    {
        JsonArray? items = node as JsonArray ?? (node as JsonObject)?["tuple"] as JsonArray;
        if (items is null)
        {
            if (node is JsonObject o && (o["ndarray"] is not null || o["view"] is not null))
                return null;
            leaves.Add(node);
            return [];
        }
        int[]? inner = null;
        foreach (var item in items)
        {
            var shape = RegularLeaves(item, leaves);
            if (shape is null || (inner is not null && !inner.AsSpan().SequenceEqual(shape)))
                return null;
            inner = shape;
        }
        return [items.Count, .. inner ?? []];
    }

    /// <summary>The memory order of the result a cast writes into.</summary>
    private enum Layout { C, F, K }

    // np.asarray/np.array of an array (numpy/_core/src/multiarray/multiarraymodule.c, _array_fromobject_generic, then
    // PyArray_FromArray in ctors.c): C for order C; F for order F or a source that is F- and not C-contiguous;
    // else keep the source's order. astype (PyArray_NewLikeArray, ctors.c): C, F, A (F for such a source, else C), K.
    private static Layout ResultLayout(string call, string? order, bool cContiguous, bool fContiguous, int ndim)
    {
        bool fortran = fContiguous && !cContiguous;
        var asked = order?.ToUpperInvariant();
        var layout = call == "astype"
            ? asked switch { "C" => Layout.C, "F" => Layout.F, "A" => fortran ? Layout.F : Layout.C, _ => Layout.K }
            : asked == "C" ? Layout.C : asked == "F" || fortran ? Layout.F : Layout.K;
        // PyArray_NewLikeArray keeps C for a C-contiguous (or at most 1-d) source and F for an F-contiguous one.
        if (layout == Layout.K && (cContiguous || ndim <= 1))
            return Layout.C;
        return layout == Layout.K && fContiguous ? Layout.F : layout;
    }

    // The C-order indices of the elements in the order the cast visits them: the result's memory order, every axis
    // forwards (PyArray_PrepareTwoRawArrayIter makes the destination's strides positive; PyArray_NewLikeArray gives
    // positive strides with the source's axis order for K: axes by decreasing |stride|, PyArray_CreateSortedStridePerm).
    private static List<long> VisitOrder(int[] shape, long[] strides, Layout layout)
    {
        int n = shape.Length;
        int[] axes = layout switch
        {
            Layout.C => Enumerable.Range(0, n).ToArray(),
            Layout.F => Enumerable.Range(0, n).Reverse().ToArray(),
            _ => Enumerable.Range(0, n).OrderByDescending(a => Math.Abs(strides[a])).ThenBy(a => a).ToArray(),
        };
        long count = shape.Aggregate(1L, (p, d) => p * d);
        var cStride = new long[n];
        for (int a = n - 1, s = 1; a >= 0; s *= shape[a], a--)
            cStride[a] = s;
        var result = new List<long>((int)count);
        var index = new int[n];
        for (long k = 0; k < count; k++)
        {
            result.Add(Enumerable.Range(0, n).Sum(a => index[a] * cStride[a]));
            for (int j = n - 1; j >= 0; j--)
            {
                int a = axes[j];
                if (++index[a] < shape[a])
                    break;
                index[a] = 0;
            }
        }
        return result;
    }

    // The case line asking how one element alone is stored into the integer dtype (see the remarks for each form).
    private static string? Question(Visit visit, string target, bool signed)
    {
        var value = visit.Value;
        JsonObject args;
        if (visit.How == StoreKind.Text || value is not JsonObject o || o["scalar"] is not JsonObject scalar)
        {
            if (value is JsonArray || value is JsonObject { } w && (w["tuple"] is not null || w["ndarray"] is not null || w["view"] is not null))
                return null; // a sequence element of an object array: not one element
            args = new JsonObject { ["input"] = new JsonArray(value?.DeepClone()), ["dtype"] = target };
            return Line("asarray", args);
        }
        bool text = scalar["dtype"]?.GetValue<string>().TrimStart('<', '>', '=', '|') is ['U' or 'S', ..];
        if (signed || text)
        {
            args = new JsonObject
            {
                ["input"] = new JsonObject { ["ndarray"] = new JsonObject { ["values"] = new JsonArray(value.DeepClone()), ["dtype"] = "O", ["order"] = "C" } },
                ["dtype"] = target,
            };
            return Line("astype", args);
        }
        return Line("asarray", new JsonObject { ["input"] = value.DeepClone(), ["dtype"] = target });
    }

    private static string Line(string call, JsonObject args) =>
        new JsonObject { ["id"] = "element", ["category"] = "correction", ["call"] = call, ["args"] = args }.ToJsonString();

    private static string Compact(JsonNode? value)
    {
        string text = value?.ToJsonString() ?? "null";
        return text.Length > 80 ? text[..80] + "…" : text;
    }
}
