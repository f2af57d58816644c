using System.Text.Json;
using System.Text.Json.Nodes;

namespace NumNet.Differential.Tests;

/// <summary>
/// <see cref="OwnDescriptorCopy"/>: an order-A copy into a request that adapts to the array's own descriptor is asked
/// again with the request spelled as that descriptor (NumPy 2's <c>PyArray_NewCopy(arr, order)</c> path in
/// <c>_array_fromobject_generic</c>), and nothing else is.
/// </summary>
public sealed class OwnDescriptorCopyTests
{
    private const string Input = """{"view":{"base":{"ndarray":{"values":[[1,2],[3,4]],"dtype":"<M8[h]","order":"F"}},"op":{"slice":[[null,null,-1],[null,null,null]]}}}""";

    private static string Line(string call, string dtype, string order, string? copy = null) =>
        $$$"""{"id":"d0","category":"differential","call":"{{{call}}}","args":{"input":{{{Input}}},"dtype":"{{{dtype}}}","order":"{{{order}}}"{{{(copy is null ? "" : ",\"copy\":" + copy)}}}}}""";

    private static string Answer(string dtype, string strides = "[8,16]") =>
        $$"""{"id":"d0","category":"differential","call":"array","args":{},"expect":{"dtype":"{{dtype}}","strides":{{strides}}},"numpy2_reason":"oracle"}""";

    private const string Source = """{"id":"own-descriptor","expect":{"dtype":"<M8[h]","strides":[-8,16]}}""";

    [Theory]
    [InlineData("array", "M8", "A", null)]
    [InlineData("array", "M8", "a", "true")]
    [InlineData("asarray", "M", "A", "true")]
    public void An_order_A_copy_is_asked_again_with_the_arrays_own_descriptor(string call, string dtype, string order, string? copy)
    {
        string line = Line(call, dtype, order, copy);
        string? question = OwnDescriptorCopy.SourceQuestion(line, Answer("<M8[h]"));
        Assert.NotNull(question);
        Assert.Equal(JsonNode.Parse(Input)!.ToJsonString(), JsonNode.Parse(question)!["args"]!["input"]!.ToJsonString());
        Assert.Null(JsonNode.Parse(question)!["args"]!["dtype"]);
        string? again = OwnDescriptorCopy.Respelled(line, Answer("<M8[h]"), Source);
        Assert.NotNull(again);
        var args = JsonNode.Parse(again)!["args"]!;
        Assert.Equal("<M8[h]", args["dtype"]!.GetValue<string>());
        Assert.Equal(order, args["order"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("array", "M8", "K", null)]   // K copies alike on both paths
    [InlineData("array", "M8", "C", null)]
    [InlineData("array", "M8", "A", "false")] // no copy: a view or the input on both paths
    [InlineData("asarray", "M8", "A", null)]
    [InlineData("asarray", "M8", "A", "null")]
    [InlineData("array", "M8", "A", "null")]  // copy=None returns the input itself in NumPy 2, a new view in 1.24
    public void Other_orders_and_calls_without_a_copy_are_not_asked_again(string call, string dtype, string order, string? copy) =>
        Assert.Null(OwnDescriptorCopy.SourceQuestion(Line(call, dtype, order, copy), Answer("<M8[h]")));

    [Fact]
    public void A_sequence_input_or_an_error_is_not_asked_again()
    {
        string sequence = Line("array", "M8", "A").Replace(Input, "[1,2]", StringComparison.Ordinal);
        Assert.Null(OwnDescriptorCopy.SourceQuestion(sequence, Answer("<M8[h]")));
        Assert.Null(OwnDescriptorCopy.SourceQuestion(Line("array", "M8", "A"), """{"id":"d0","expect":{"error":"ValueError"}}"""));
    }

    [Theory]
    [InlineData("m8", "<m8[h]")]   // another family: a cast on both paths
    [InlineData(">M8[h]", ">M8[h]")] // another byte order: a cast on both paths
    [InlineData("<M8[h]", "<M8[h]")] // already spelled so: the oracle took NumPy 2's path
    public void A_result_that_is_not_the_arrays_own_descriptor_or_a_request_spelled_so_is_left_alone(string dtype, string result) =>
        Assert.Null(OwnDescriptorCopy.Respelled(Line("array", dtype, "A"), Answer(result), Source));

    [Fact]
    public void The_second_answer_carries_the_case_and_is_marked_only_when_it_differs()
    {
        string line = Line("array", "M8", "A");
        string first = Answer("<M8[h]", "[8,16]");
        string same = OwnDescriptorCopy.Restore(first, Answer("<M8[h]", "[8,16]"), line);
        Assert.Equal(first, same);
        string changed = OwnDescriptorCopy.Restore(first, Answer("<M8[h]", "[16,8]"), line);
        var node = JsonNode.Parse(changed)!;
        Assert.Equal("M8", node["args"]!["dtype"]!.GetValue<string>());
        Assert.Equal("[16,8]", node["expect"]!["strides"]!.ToJsonString());
        using var doc = JsonDocument.Parse(changed);
        Assert.Equal(OwnDescriptorCopy.Reason, HarnessCorrection.Of(doc.RootElement));
        Assert.StartsWith("oracle; corrected by the harness: ", node["numpy2_reason"]!.GetValue<string>());
    }
}
