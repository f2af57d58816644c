using System.Text.Json.Nodes;
using NumNet.Conformance;
using Outcome = NumNet.Differential.ElementStoreCorrection.UnitOverflowOutcome;

namespace NumNet.Differential.Tests;

/// <summary>
/// <see cref="ElementStoreCorrection.TryDeriveUnitOverflow"/> against a scripted oracle: NumPy ≥ 2.5 raises at the first
/// timedelta64 element whose unit conversion overflows (numpy#31085), which NumPy 1.24 wraps; the harness computes
/// the overflow and asks the oracle every other element alone.
/// </summary>
public sealed class UnitOverflowDerivationTests
{
    private const string ScalarOverflow = "Overflow when converting between timedelta64 units";
    private const string ArrayOverflow = "Overflow when converting between datetime64 units";
    private const string NotATimedelta = "Could not convert object to NumPy timedelta";

    // dtype questions: the unit of "m8[X]"; asarray([E], T): an error for the texts, a result for anything else;
    // asarray(input): the source given.
    private sealed class ScriptedOracle(JsonObject? source = null) : ScriptedOracleBase
    {
        protected override JsonObject Expect(JsonObject q)
        {
            if (q["call"]!.GetValue<string>() == "dtype")
            {
                string spelling = q["args"]!["spec"]!.GetValue<string>().TrimStart('<', '>', '=', '|');
                string unit = spelling[(spelling.IndexOf('[') + 1)..^1];
                int digits = unit.TakeWhile(char.IsAsciiDigit).Count();
                return new JsonObject
                {
                    ["kind"] = spelling[0].ToString(),
                    ["datetime_unit"] = new JsonArray(unit[digits..], digits == 0 ? 1 : int.Parse(unit[..digits], System.Globalization.CultureInfo.InvariantCulture)),
                };
            }
            if (q["args"]!["dtype"] is null)
                return source!.DeepClone().AsObject();
            var element = q["args"]!["input"]![0];
            return element is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String
                ? new JsonObject { ["error"] = "ValueError", ["error_base"] = "ValueError", ["message"] = NotATimedelta, ["dotnet"] = "System.ArgumentException" }
                : new JsonObject { ["dtype"] = "<m8[fs]", ["values"] = new JsonArray(0) };
        }
    }

    private static string Td(string unit, object value) =>
        new JsonObject { ["scalar"] = new JsonObject { ["dtype"] = "<m8[" + unit + "]", ["value"] = JsonValue.Create(value) } }.ToJsonString();

    private static string OracleAnswer(string input, string dtype, bool error, string call = "asarray") =>
        new JsonObject
        {
            ["id"] = "d0", ["category"] = "differential", ["call"] = call,
            ["args"] = new JsonObject { ["input"] = JsonNode.Parse(input), ["dtype"] = dtype },
            ["expect"] = error
                ? new JsonObject { ["error"] = "ValueError", ["error_base"] = "ValueError", ["message"] = NotATimedelta, ["dotnet"] = "System.ArgumentException" }
                : new JsonObject { ["dtype"] = "<" + dtype, ["values"] = new JsonArray() },
        }.ToJsonString();

    private static string NumNetRaised(string message, bool oracleError) =>
        (oracleError ? "expected System.ArgumentException, got " : "unexpected ") + "System.OverflowException: " + message;

    [Fact]
    public void An_earlier_timedelta_scalar_that_overflows_comes_before_a_later_elements_error()
    {
        // array:98npcBKB5Lhf: 175 minutes are 1.05e19 femtoseconds, beyond int64; NumPy 1.24 wraps and fails at the text.
        var oracle = new ScriptedOracle();
        string answer = OracleAnswer($"[5, {Td("m", 175)}, \"a\u00DF\"]", "m8[fs]", error: true);
        var (outcome, derived, reason) = new ElementStoreCorrection(oracle.Ask).TryDeriveUnitOverflow(answer, NumNetRaised(ScalarOverflow, true));
        Assert.Equal(Outcome.Derived, outcome);
        Assert.Equal(ScalarOverflow, JsonNode.Parse(derived!)!["expect"]!["message"]!.GetValue<string>());
        Assert.Contains("#1 of the sequence", reason);
        // The timedelta is computed, not asked: 1.24 would wrap it.
        Assert.DoesNotContain(oracle.Asked, l => l.Contains("\"asarray\"", StringComparison.Ordinal) && l.Contains("175", StringComparison.Ordinal));
    }

    [Fact]
    public void NumNet_raising_an_overflow_NumPy_does_not_have_still_fails()
    {
        Wiring.Install();
        // One minute fits in femtoseconds: NumPy 2's first failure is the text, so NumNet's overflow is a bug.
        var correction = new ElementStoreCorrection(new ScriptedOracle().Ask);
        string answer = OracleAnswer($"[{Td("m", 1)}, \"a\u00DF\"]", "m8[fs]", error: true);
        var (outcome, derived, _) = correction.TryDeriveUnitOverflow(answer, NumNetRaised(ScalarOverflow, true));
        Assert.Equal(Outcome.Derived, outcome);
        Assert.Equal(NotATimedelta, JsonNode.Parse(derived!)!["expect"]!["message"]!.GetValue<string>());
        Assert.False(ElementStoreCorrection.NumNetMatches(derived!, NumNetRaised(ScalarOverflow, true), out _));
        // And with no failing element at all the case fails against the oracle's result.
        string result = OracleAnswer($"[{Td("m", 1)}, {Td("m", "NaT")}]", "m8[fs]", error: false);
        Assert.Equal(Outcome.NoFailingElement, correction.TryDeriveUnitOverflow(result, NumNetRaised(ScalarOverflow, false)).Outcome);
    }

    [Theory]
    [InlineData("s", 9223372036L, "ns", false)]  // numpy/_core/tests/test_datetime.py: the exact boundary
    [InlineData("s", 9223372037L, "ns", true)]
    [InlineData("s", -9223372037L, "ns", true)]
    [InlineData("s", -9223372036L, "ns", false)]
    [InlineData("ns", long.MinValue + 1, "s", true)]  // to a coarser unit: the limit below is -(INT64_MAX - denom + 1) (gh-22346)
    [InlineData("ns", -9223372035854775808L, "s", false)]
    [InlineData("7s", 1317624576L, "ns", false)]     // multipliers: 7e9 per count
    [InlineData("7s", 1317624577L, "ns", true)]
    [InlineData("W", 15250284452471L, "s", false)] // 604800 s a week
    [InlineData("W", 15250284452472L, "s", true)]
    public void The_overflow_is_NumPys_check_on_the_reduced_fraction(string from, long count, string to, bool overflows)
    {
        string answer = OracleAnswer($"[{Td(from, count)}]", "m8[" + to + "]", error: false);
        var (outcome, derived, _) = new ElementStoreCorrection(new ScriptedOracle().Ask).TryDeriveUnitOverflow(answer, NumNetRaised(ScalarOverflow, false));
        Assert.Equal(overflows ? Outcome.Derived : Outcome.NoFailingElement, outcome);
        if (overflows)
            Assert.Equal(ScalarOverflow, JsonNode.Parse(derived!)!["expect"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public void A_unit_factor_NumPy_refuses_is_asked_of_the_oracle_and_a_NaT_is_not()
    {
        // W -> fs is beyond NumPy's 2^56 step limit: "Integer overflow while computing the conversion factor", which
        // 1.24 raises alike; a NaT returns before the factor in NumPy 2.4, so it is never asked (1.24 would refuse it).
        var oracle = new ScriptedOracle();
        string answer = OracleAnswer($"[{Td("W", "NaT")}, {Td("W", 552)}, {Td("m", 175)}]", "m8[fs]", error: false);
        var (outcome, _, reason) = new ElementStoreCorrection(oracle.Ask).TryDeriveUnitOverflow(answer, NumNetRaised(ScalarOverflow, false));
        Assert.Equal(Outcome.Derived, outcome);
        Assert.Contains("#2 of the sequence", reason);
        var asked = oracle.Asked.Where(l => l.Contains("\"asarray\"", StringComparison.Ordinal) && l.Contains("\"dtype\":\"m8[fs]\"", StringComparison.Ordinal)).ToList();
        Assert.Single(asked);
        Assert.Contains("552", asked[0]);
    }

    [Fact]
    public void An_array_cast_names_datetime64_as_NumPys_strided_loop_does()
    {
        // dtype_transfer.c, _strided_to_strided_datetime_cast: "datetime64" for timedelta64 arrays too.
        var source = JsonNode.Parse("""
            {"dtype":"<m8[s]","shape":[2],"strides":[8],"flags":{"c":true,"f":true},"values":[{"td":[1,"s"]},{"td":[4611686018427387904,"s"]}]}
            """)!.AsObject();
        string answer = OracleAnswer("""{"ndarray":{"values":[1,4611686018427387904],"dtype":"m8[s]"}}""", "m8[ns]", error: false, call: "astype");
        var (outcome, derived, reason) = new ElementStoreCorrection(new ScriptedOracle(source).Ask).TryDeriveUnitOverflow(answer, NumNetRaised(ArrayOverflow, false));
        Assert.Equal(Outcome.Derived, outcome);
        Assert.Equal(ArrayOverflow, JsonNode.Parse(derived!)!["expect"]!["message"]!.GetValue<string>());
        Assert.Contains("C index 1", reason);
    }

    [Fact]
    public void Other_cases_are_left_to_the_other_rules()
    {
        var correction = new ElementStoreCorrection(new ScriptedOracle().Ask);
        // NumNet did not raise a unit overflow.
        Assert.Equal(Outcome.NotApplicable, correction.TryDeriveUnitOverflow(OracleAnswer($"[{Td("m", 175)}]", "m8[fs]", false), "unexpected System.ArgumentException: x").Outcome);
        // A datetime64 target (its values are dates, not counts).
        Assert.Equal(Outcome.NotApplicable, correction.TryDeriveUnitOverflow(OracleAnswer($"[{Td("m", 175)}]", "M8[fs]", false), NumNetRaised(ScalarOverflow, false)).Outcome);
        // An oracle error no element raises alone happens before the elements.
        string before = OracleAnswer($"[{Td("m", 175)}, 3]", "m8[fs]", error: true);
        Assert.Equal(Outcome.NotApplicable, correction.TryDeriveUnitOverflow(before, NumNetRaised(ScalarOverflow, true)).Outcome);
    }
}
