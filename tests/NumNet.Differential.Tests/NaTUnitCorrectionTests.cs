using System.Text.Json.Nodes;

namespace NumNet.Differential.Tests;

/// <summary>
/// <see cref="OracleCorrections.NaTInResultUnit"/>: a timedelta64 NaT scalar stored into another unit is asked again
/// spelled in the result's unit, because NumPy 1.24 converts NaT's count (numpy commit 02d0964fee keeps it NaT from
/// NumPy 2.4).
/// </summary>
public sealed class NaTUnitCorrectionTests
{
    private const string Line =
        """{"id":"x","category":"differential","call":"asarray","args":{"input":[{"scalar":{"dtype":"<m8[h]","value":"NaT"}},{"scalar":{"dtype":">m8[m]","value":"NaT"}},{"scalar":{"dtype":"<m8[h]","value":3}},{"ndarray":{"values":[{"scalar":{"dtype":"m8[s]","value":"NaT"}}],"dtype":"O"}}],"order":"A"}}""";

    private static string Answer(string dtype) =>
        $$$"""{"id":"x","call":"asarray","args":{},"expect":{"dtype":"{{{dtype}}}","values":[]}}""";

    [Fact]
    public void NaT_timedelta_scalars_are_respelled_in_the_result_unit_keeping_their_byte_order()
    {
        string? again = OracleCorrections.NaTInResultUnit(Line, Answer("<m8[m]"));
        Assert.NotNull(again);
        var input = JsonNode.Parse(again)!["args"]!["input"]!.AsArray();
        Assert.Equal("<m8[m]", input[0]!["scalar"]!["dtype"]!.GetValue<string>());
        Assert.Equal(">m8[m]", input[1]!["scalar"]!["dtype"]!.GetValue<string>());
        // A count is converted by NumPy 2 as by 1.24: left as it is.
        Assert.Equal("<m8[h]", input[2]!["scalar"]!["dtype"]!.GetValue<string>());
        // NaT inside an object array's values too (stored by the same setitem).
        Assert.Equal("m8[m]", input[3]!["ndarray"]!["values"]![0]!["scalar"]!["dtype"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("<f8")]
    [InlineData("<M8[m]")]
    public void Other_results_are_not_asked_again(string dtype) =>
        Assert.Null(OracleCorrections.NaTInResultUnit(Line, Answer(dtype)));

    [Fact]
    public void An_error_or_a_NaT_already_in_the_result_unit_is_not_asked_again()
    {
        Assert.Null(OracleCorrections.NaTInResultUnit(Line, """{"id":"x","expect":{"error":"ValueError"}}"""));
        const string same = """{"id":"x","call":"asarray","args":{"input":[{"scalar":{"dtype":"<m8[m]","value":"NaT"}}]}}""";
        Assert.Null(OracleCorrections.NaTInResultUnit(same, Answer("<m8[m]")));
    }

    [Fact]
    public void The_answer_to_the_respelled_question_carries_the_original_arguments()
    {
        string restored = OracleCorrections.WithArgumentsOf("""{"id":"x","args":{"input":1},"expect":{"dtype":"<m8[m]"}}""", Line);
        Assert.Equal(JsonNode.Parse(Line)!["args"]!.ToJsonString(), JsonNode.Parse(restored)!["args"]!.ToJsonString());
    }
}
