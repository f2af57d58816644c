using System.Text.Json.Nodes;
using NumNet.Conformance;

namespace NumNet.Differential.Tests;

/// <summary>
/// The element-store correction against a scripted oracle: which element's error it takes, in which order it visits
/// them, and when it leaves the oracle's answer alone.
/// </summary>
public class ElementStoreCorrectionTests
{
    private const string Overflow300 = "Python integer 300 out of bounds for uint8";

    // A scripted oracle: every dtype is unsigned ('u'), an element listed in `failures` fails alone with its error,
    // any other element is stored; `source` answers the question about an array input's layout and values.
    private sealed class ScriptedOracle(Dictionary<string, (string Error, string Message, string DotNet)> failures, JsonObject? source = null)
        : ScriptedOracleBase
    {
        protected override JsonObject Expect(JsonObject q)
        {
            if (q["call"]!.GetValue<string>() == "dtype")
                return new JsonObject { ["kind"] = "u" };
            if (q["args"]!["dtype"] is null)
                return source!.DeepClone().AsObject();
            string element = q["args"]!["input"]![0]!.ToJsonString();
            return failures.TryGetValue(element, out var e)
                ? new JsonObject { ["error"] = e.Error, ["error_base"] = e.Error, ["message"] = e.Message, ["dotnet"] = e.DotNet }
                : new JsonObject { ["dtype"] = "|u1", ["values"] = new JsonArray(0) };
        }
    }

    private static string OracleAnswer(string input, string error, string message, string dotnet) =>
        new JsonObject
        {
            ["id"] = "d0", ["category"] = "differential", ["call"] = "asarray",
            ["args"] = new JsonObject { ["input"] = JsonNode.Parse(input), ["dtype"] = "u1" },
            ["expect"] = new JsonObject { ["error"] = error, ["error_base"] = error, ["message"] = message, ["dotnet"] = dotnet },
        }.ToJsonString();

    private static readonly Dictionary<string, (string, string, string)> ThreeHundredAndAbc = new()
    {
        ["300"] = ("OverflowError", Overflow300, "System.OverflowException"),
        ["\"abc\""] = ("ValueError", "invalid literal for int() with base 10: 'abc'", "System.ArgumentException"),
    };

    [Fact]
    public void TheFirstElementThatFailsAloneInCOrderGivesNumPy2sError()
    {
        var oracle = new ScriptedOracle(ThreeHundredAndAbc);
        string answer = OracleAnswer("""[[5,300],["abc",7]]""", "ValueError", "invalid literal for int() with base 10: 'abc'", "System.ArgumentException");
        var derived = new ElementStoreCorrection(oracle.Ask).TryCorrect(answer, "expected System.ArgumentException, got System.OverflowException: " + Overflow300);
        Assert.NotNull(derived);
        var expect = JsonNode.Parse(derived.Value.Answer)!["expect"]!;
        Assert.Equal("OverflowError", expect["error"]!.GetValue<string>());
        Assert.Equal(Overflow300, expect["message"]!.GetValue<string>());
        Assert.Contains("#1 of the sequence in C order", derived.Value.Reason);
    }

    [Fact]
    public void WhenNoElementFailsAloneTheOraclesAnswerStands()
    {
        var oracle = new ScriptedOracle([]);
        string answer = OracleAnswer("""[[5,300]]""", "ValueError", "invalid literal for int() with base 10: 'abc'", "System.ArgumentException");
        Assert.Null(new ElementStoreCorrection(oracle.Ask).TryCorrect(answer, "expected System.ArgumentException, got System.OverflowException: " + Overflow300));
    }

    [Fact]
    public void AResultOfNumNetsIsNeverCorrectedAndAsksNothing()
    {
        var oracle = new ScriptedOracle(ThreeHundredAndAbc);
        string answer = OracleAnswer("""[[300,"abc"]]""", "ValueError", "invalid literal for int() with base 10: 'abc'", "System.ArgumentException");
        Assert.Null(new ElementStoreCorrection(oracle.Ask).TryCorrect(answer, "expected System.ArgumentException (ValueError: invalid literal), got a result"));
        Assert.Empty(oracle.Asked);
    }

    [Theory]
    [InlineData("""[[300,"abc"],[1]]""", "invalid literal for int() with base 10: 'abc'")]
    [InlineData("""[[300,"abc"]]""", "setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions.")]
    public void ErrorsBeforeTheElementsAndRaggedInputsAreLeftAlone(string input, string message)
    {
        var oracle = new ScriptedOracle(ThreeHundredAndAbc);
        string answer = OracleAnswer(input, "ValueError", message, "System.ArgumentException");
        Assert.Null(new ElementStoreCorrection(oracle.Ask).TryCorrect(answer, "expected System.ArgumentException, got System.OverflowException: " + Overflow300));
    }

    [Fact]
    public void AnArrayIsVisitedInTheResultsMemoryOrder()
    {
        // An F-contiguous U2 array [["1", "abc"], ["300", "2"]]: NumPy makes the result F-ordered too and casts in its
        // memory order, so "300" (C index 2) comes before "abc" (C index 1).
        var source = JsonNode.Parse("""
            {"dtype":"<U3","shape":[2,2],"strides":[12,24],"flags":{"c":false,"f":true,"owndata":true,"writeable":true},
             "values":["1","abc","300","2"]}
            """)!.AsObject();
        var oracle = new ScriptedOracle(new()
        {
            ["\"300\""] = ("OverflowError", Overflow300, "System.OverflowException"),
            ["\"abc\""] = ("ValueError", "invalid literal for int() with base 10: 'abc'", "System.ArgumentException"),
        }, source);
        string answer = OracleAnswer("""{"ndarray":{"values":[["1","abc"],["300","2"]],"order":"F"}}""", "ValueError", "invalid literal for int() with base 10: 'abc'", "System.ArgumentException");
        var derived = new ElementStoreCorrection(oracle.Ask).TryCorrect(answer, "expected System.ArgumentException, got System.OverflowException: " + Overflow300);
        Assert.NotNull(derived);
        Assert.Equal(Overflow300, JsonNode.Parse(derived.Value.Answer)!["expect"]!["message"]!.GetValue<string>());
        Assert.Contains("in F order (C index 2)", derived.Value.Reason);
    }

    [Fact]
    public void NumNetMustNameTheSameElementToMatchADerivedAnswer()
    {
        Wiring.Install();
        // NumPy 2's first failure (derived) is 300; NumNet raising for 300 matches, NumNet raising the same exception
        // type for another element does not.
        string derived = OracleAnswer("""[[300,5]]""", "OverflowError", Overflow300, "System.OverflowException");
        Assert.True(ElementStoreCorrection.NumNetMatches(derived, "expected System.ArgumentException, got System.OverflowException: " + Overflow300, out _));
        Assert.False(ElementStoreCorrection.NumNetMatches(derived, "expected System.ArgumentException, got System.OverflowException: Python integer 5 out of bounds for uint8", out string detail));
        Assert.Contains("expected the message", detail);
    }

    [Theory]
    [InlineData("unexpected System.OverflowException: Python integer 5 out of bounds for uint8", "Python integer 5 out of bounds for uint8")]
    [InlineData("expected System.ArgumentException, got System.OverflowException: a: b", "a: b")]
    [InlineData("expected System.ArgumentException (ValueError: x), got a result", null)]
    public void NumNetsMessageIsReadFromTheComparison(string detail, string? message) =>
        Assert.Equal(message, ElementStoreCorrection.NumNetMessage(detail));
}
