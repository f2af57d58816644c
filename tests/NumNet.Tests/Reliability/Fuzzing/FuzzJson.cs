using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Tests.Reliability.Fuzzing;

/// <summary>JSON for fuzz inputs: deeper than System.Text.Json's default of 64, since inputs test the 64-dimension limit.</summary>
internal static class FuzzJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 1024 };
    private static readonly JsonSerializerOptions WriteOptions = new() { MaxDepth = 1024 };

    public static JsonNode Parse(string line) => JsonNode.Parse(line, documentOptions: ReadOptions) ?? throw new FormatException("null corpus line");

    public static string Write(JsonNode node) => node.ToJsonString(WriteOptions);
}
