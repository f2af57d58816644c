using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Differential;

/// <summary>
/// Appends minimal counterexamples, with the oracle's answer, to <c>tests/conformance/found-&lt;call&gt;.json</c> in the
/// corpus file format, so each stays a regression case of the normal test run. Files are replaced whole (written
/// beside and renamed over), so an interrupted run never leaves a partial file.
/// </summary>
public static class FoundCases
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Adds <paramref name="answer"/> (a case with <c>expect</c>) to the found file of its call; returns the id it got,
    /// or the id of the case already there with the same call and arguments.
    /// </summary>
    public static string Append(string corpusDir, JsonObject answer, string generator)
    {
        string call = answer["call"]!.GetValue<string>();
        string category = "found_" + call;
        string path = Path.Combine(corpusDir, $"found-{call}.json");
        var file = File.Exists(path)
            ? JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject()
            : new JsonObject
            {
                ["generator"] = "tests/NumNet.Differential: random cases answered by ../shared/conformance/oracle/serve.py, shrunk to a minimal difference",
                ["numpy_used"] = "1.24 with the NumPy-2 rules of numpy2_oracle.py",
                ["target"] = "NumPy 2.x",
                ["category"] = category,
                ["count"] = 0,
                ["cases"] = new JsonArray(),
            };
        var cases = file["cases"]!.AsArray();
        string args = answer["args"]!.ToJsonString();
        foreach (var existing in cases)
        {
            if (existing!["args"]!.ToJsonString() == args)
                return existing["id"]!.GetValue<string>();
        }
        int next = cases.Select(c => int.Parse(c!["id"]!.GetValue<string>().Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max() + 1;
        string id = $"{category}-{next:000}";
        var entry = new JsonObject { ["id"] = id, ["category"] = category, ["found_by"] = generator };
        foreach (var (key, value) in answer)
        {
            if (key is not ("id" or "category" or "trace"))
                entry[key] = value?.DeepClone();
        }
        cases.Add(entry);
        file["count"] = cases.Count;
        Save(path, file);
        return id;
    }

    /// <summary>
    /// Replaces the expectation (and the NumPy-2 reason) of the cases in the found file at <paramref name="path"/> for
    /// which <paramref name="revise"/> gives a corrected answer; returns "id: why" for each, and rewrites the file
    /// (whole, beside and renamed) only when something changed.
    /// </summary>
    public static IReadOnlyList<string> Rewrite(string path, Func<JsonObject, (JsonObject Answer, string Why)?> revise)
    {
        var file = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { MaxDepth = 512 })!.AsObject();
        var changed = new List<string>();
        foreach (var entry in file["cases"]!.AsArray().OfType<JsonObject>())
        {
            if (revise(entry) is not { } revised)
                continue;
            entry["expect"] = revised.Answer["expect"]!.DeepClone();
            entry["numpy2_reason"] = revised.Answer["numpy2_reason"]?.DeepClone();
            changed.Add($"{entry["id"]}: {revised.Why}");
        }
        if (changed.Count > 0)
            Save(path, file);
        return changed;
    }

    private static void Save(string path, JsonObject file)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, file.ToJsonString(Indented) + "\n");
        File.Move(temp, path, overwrite: true);
    }
}
