using System.Text.Json.Nodes;

namespace NumNet.Differential.Tests;

/// <summary>
/// A scripted oracle for the correction tests: records every line it is asked and answers each with the question's
/// id, call and arguments and the expectation <see cref="Expect"/> gives for it.
/// </summary>
internal abstract class ScriptedOracleBase
{
    /// <summary>Every line asked so far, in order.</summary>
    public List<string> Asked { get; } = [];

    /// <summary>The answers to <paramref name="lines"/>, in order (the signature of the harness's oracle).</summary>
    public IReadOnlyList<string> Ask(IReadOnlyList<string> lines)
    {
        Asked.AddRange(lines);
        return lines.Select(Answer).ToList();
    }

    /// <summary>The expectation for one question.</summary>
    protected abstract JsonObject Expect(JsonObject question);

    private string Answer(string line)
    {
        var q = JsonNode.Parse(line)!.AsObject();
        var answer = new JsonObject { ["id"] = q["id"]!.DeepClone(), ["call"] = q["call"]!.DeepClone(), ["args"] = q["args"]!.DeepClone() };
        answer["expect"] = Expect(q);
        return answer.ToJsonString();
    }
}
