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

/// <summary><see cref="OracleCorrections.DateNearInt64MinimumOverflows"/>: only NumPy 1.24's day-offset overflow, nothing else.</summary>
public sealed class DateNearInt64MinimumTests
{
    private const string Near =
        "\n      values[2]: expected {\"dt\": \"25252734927768524-07-29\"}, got DateTime64 { Value = -9223372036854775807, Unit = [D], IsNaT = False } (DateTime64)";
    private const string Repr = "\n      repr: expected array(['25252734927768524-07-29'],\n      dtype='datetime64[D]'), got array(['-25252734927764585-06-08'],\n      dtype='datetime64[D]')";

    [Fact]
    public void Values_near_the_minimum_with_their_text_are_the_oracles_mistake() =>
        Assert.NotNull(OracleCorrections.DateNearInt64MinimumOverflows(Near + Repr + "\n      str: expected [x], got [y]"));

    [Fact]
    public void Any_other_difference_keeps_the_case_failing()
    {
        Assert.Null(OracleCorrections.DateNearInt64MinimumOverflows(Near + "\n      dtype: expected <M8[D], got <M8[s]"));
        Assert.Null(OracleCorrections.DateNearInt64MinimumOverflows(Near + "\n      values[3]: expected {\"dt\": \"1970-01-02\"}, got DateTime64 { Value = 5, Unit = [D], IsNaT = False } (DateTime64)"));
        Assert.Null(OracleCorrections.DateNearInt64MinimumOverflows(Repr));
        Assert.Null(OracleCorrections.DateNearInt64MinimumOverflows("expected System.OverflowException, got a result"));
    }
}

/// <summary>
/// <see cref="OracleCorrections.NaTInResultUnit"/> where NumPy 1.24 refused the unit factor for a NaT timedelta scalar
/// (W → ps does not fit NumPy's 2⁵⁶ limit): NumPy 2.4 returns NaT before computing the factor.
/// </summary>
public sealed class NaTFactorOverflowTests
{
    private const string Line =
        """{"id":"x","category":"differential","call":"array","args":{"input":[{"scalar":{"dtype":"<m8[W]","value":"NaT"}},{"scalar":{"dtype":"<m8[W]","value":3}}],"dtype":">m8[ps]"}}""";

    private const string FactorError =
        """{"id":"x","expect":{"error":"OverflowError","message":"Integer overflow while computing the conversion factor between NumPy datetime units W and ps"}}""";

    [Fact]
    public void A_NaT_is_asked_again_in_the_requested_unit()
    {
        string? again = OracleCorrections.NaTInResultUnit(Line, FactorError);
        Assert.NotNull(again);
        var input = JsonNode.Parse(again)!["args"]!["input"]!.AsArray();
        Assert.Equal("<m8[ps]", input[0]!["scalar"]!["dtype"]!.GetValue<string>());
        // The count keeps its unit: its factor still fails in the second answer, as in NumPy 2.
        Assert.Equal("<m8[W]", input[1]!["scalar"]!["dtype"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("timedelta64[s]")]
    [InlineData("<m8[s]")]
    public void A_lone_NaT_scalar_is_asked_again_whichever_way_the_unit_is_spelled(string requested)
    {
        // The two failures of the seed-20261212 long run: array(np.timedelta64('NaT', 'as'), dtype='timedelta64[s]').
        string line = $$$"""{"id":"x","category":"differential","call":"array","args":{"input":{"scalar":{"dtype":"<m8[as]","value":"NaT"}},"dtype":"{{{requested}}}","order":"F"}}""";
        const string refused =
            """{"id":"x","expect":{"error":"OverflowError","message":"Integer overflow while computing the conversion factor between NumPy datetime units s and as"}}""";
        string? again = OracleCorrections.NaTInResultUnit(line, refused);
        Assert.NotNull(again);
        Assert.Equal("<m8[s]", JsonNode.Parse(again)!["args"]!["input"]!["scalar"]!["dtype"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("timedelta64[s]", "m8[s]")]
    [InlineData(">m8[ps]", "m8[ps]")]
    [InlineData("timedelta64", null)]
    [InlineData("datetime64[s]", null)]
    [InlineData("<M8[s]", null)]
    public void Timedelta_units_are_read_from_either_spelling(string dtype, string? expected) =>
        Assert.Equal(expected, OracleCorrections.TimedeltaSpelling(dtype));

    [Fact]
    public void Other_errors_or_no_requested_timedelta_unit_are_not_asked_again()
    {
        Assert.Null(OracleCorrections.NaTInResultUnit(Line, """{"id":"x","expect":{"error":"ValueError","message":"Could not convert object to NumPy timedelta"}}"""));
        Assert.Null(OracleCorrections.NaTInResultUnit(Line.Replace(">m8[ps]", ">M8[ps]", StringComparison.Ordinal), FactorError));
    }
}

/// <summary>
/// <see cref="OracleCorrections.TimedeltaTextCutUnstable"/>: only a timedelta64 cast to a sized text dtype, only its
/// values' text, or an answer garbled down to its shape.
/// </summary>
public sealed class TimedeltaTextCutTests
{
    // The failure of the seed-20261213 long run: NaT in as, cut to U2, answered "42" by the long-running oracle.
    private const string Answer =
        """{"id":"x","call":"array","args":{"input":{"view":{"base":{"ndarray":{"values":[[-353,"NaT"]],"dtype":"<m8[as]","order":"C"}},"op":"T"}},"dtype":"=U2","copy":null},"expect":{"dtype":"<U2"}}""";
    private const string Values = "\n      values[1]: expected \"42\", got 'Na'";
    private const string Text = "\n      repr: expected array([['-3'],\n       ['42']], dtype='<U2'), got array([['-3'],\n       ['Na']], dtype='<U2')";

    [Fact]
    public void Values_and_their_text_of_a_narrow_timedelta_cast_are_untrusted() =>
        Assert.NotNull(OracleCorrections.TimedeltaTextCutUnstable(Answer, Values + Text));

    [Fact]
    public void An_answer_whose_shape_no_cast_gives_is_untrusted_with_its_strides_and_values()
    {
        // The failure of the seed-20261220 long run: an m8[h] view cast to U2, answered with a garbage shape.
        const string garbled = "\n      shape: expected (502511173743, 493921239154, 0, 0), got (1, 2)"
            + "\n      strides: expected (0, 0, 0, 0), got (8, 8)\n      values: expected 0 elements, got 2";
        Assert.NotNull(OracleCorrections.TimedeltaTextCutUnstable(Answer, garbled + Text));
    }

    [Fact]
    public void Other_differences_other_dtypes_and_other_inputs_keep_the_case_failing()
    {
        Assert.Null(OracleCorrections.TimedeltaTextCutUnstable(Answer, Values + "\n      strides: expected (8, 8), got (8, 16)"));
        Assert.Null(OracleCorrections.TimedeltaTextCutUnstable(Answer, Text));
        Assert.Null(OracleCorrections.TimedeltaTextCutUnstable(Answer.Replace("=U2", "U", StringComparison.Ordinal), Values));
        Assert.Null(OracleCorrections.TimedeltaTextCutUnstable(Answer.Replace("=U2", "<f8", StringComparison.Ordinal), Values));
        Assert.Null(OracleCorrections.TimedeltaTextCutUnstable(Answer.Replace("<m8[as]", "<i8", StringComparison.Ordinal), Values));
    }
}
