namespace NumNet.Tests.DTypes.DateTime;

/// <summary>
/// NumPy computes a datetime unit conversion factor when it sets the cast up: a factor beyond int64 (days to
/// attoseconds) is an OverflowError even when there is no element to convert.
/// </summary>
public sealed class UnitFactorOverflowTests
{
    [Theory]
    [InlineData("M8[D]", "M8[as]", "D and as")]
    [InlineData("M8[Y]", "M8[ps]", "Y and ps")]
    [InlineData("m8[Y]", "m8[ps]", "Y and ps")]
    public void AnEmptyArrayStillNeedsAFactorThatFits(string from, string to, string units)
    {
        var empty = np.asarray(Array.Empty<long>()).AsType(from);
        var e = Assert.Throws<OverflowException>(() => empty.AsType(to));
        Assert.Equal($"Integer overflow while computing the conversion factor between NumPy datetime units {units}", e.Message);
        Assert.Throws<OverflowException>(() => np.asarray(empty, to));
    }

    [Fact]
    public void AValueThatLeavesInt64IsRefusedAsNumPy25Does()
    {
        var far = np.asarray(new long[] { 9_000_000_000 }).AsType("M8[s]");
        var e = Assert.Throws<OverflowException>(() => far.AsType("M8[fs]"));
        Assert.Equal("Overflow when converting between datetime64 units", e.Message);
    }
}

/// <summary>
/// astype to a generic datetime64 from text reads the values for their unit before the casting rule is judged, as
/// NumPy's <c>find_string_array_datetime64_type</c> runs when it adapts the descriptor.
/// </summary>
public sealed class GenericDateTimeFromTextTests
{
    [Fact]
    public void AValueThatIsNoDateFailsBeforeTheCastingRule()
    {
        var text = np.asarray(new[] { "-inf", " --" });
        Assert.Throws<ArgumentException>(() => text.AsType("M", casting: "no"));
    }

    [Fact]
    public void ObjectsAreRefusedByTheCastingRuleBeforeTheirValuesAreRead()
    {
        var objects = np.asarray(new object?[] { null, " " });
        Assert.Throws<InvalidCastException>(() => objects.AsType("M", casting: "safe"));
    }

    [Fact]
    public void TheCastingRuleNamesTheUnitFound()
    {
        var text = np.asarray(new[] { "2001" });
        var e = Assert.Throws<InvalidCastException>(() => text.AsType("M", casting: "no"));
        Assert.Contains("M8[Y]", e.Message, StringComparison.Ordinal);
        Assert.Equal(np.dtype("M8[Y]"), text.AsType("M").DType);
    }
}

/// <summary>Text cast to timedelta64 is NaT when empty or 'NaT', else one C integer (strtol) and nothing more.</summary>
public sealed class TextToTimedeltaTests
{
    [Theory]
    [InlineData(" ")]
    [InlineData("5 ")]
    [InlineData(" NaT")]
    [InlineData("1_0")]
    public void TextThatIsNotOneIntegerIsRefused(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => np.asarray(new[] { text }).AsType("m8[s]"));
        Assert.Equal("Could not convert object to NumPy timedelta", e.Message);
    }

    [Fact]
    public void LeadingSpaceSignAndNaTAreRead()
    {
        var counts = np.asarray(new[] { " 5", "+5", "nat", "" }).AsType("m8[s]");
        Assert.Equal(5L, ((TimeDelta64)counts.GetValue(0)!).Value);
        Assert.Equal(5L, ((TimeDelta64)counts.GetValue(1)!).Value);
        Assert.True(((TimeDelta64)counts.GetValue(2)!).IsNaT);
        Assert.True(((TimeDelta64)counts.GetValue(3)!).IsNaT);
    }
}

/// <summary>
/// A datetime64 scalar stored into a datetime64 of another unit goes through the element's setitem, which converts it
/// through the calendar with no conversion factor (<c>cast_datetime_to_datetime</c> in
/// <c>numpy/_core/src/multiarray/datetime.c</c>, called from <c>convert_pyobject_to_datetime</c>): a unit pair whose
/// factor leaves int64 still converts, and a count beyond int64 wraps as NumPy's C arithmetic does.
/// </summary>
public sealed class DateTimeScalarSetItemTests
{
    // 2003-01-01 in picoseconds is 1.04e21; NumPy 2 wraps it to this count (found by the differential run of seed 20261206).
    private const long WrappedPicoseconds = 8361531872265109504;

    [Fact]
    public void ABareScalarNeedsNoFactor()
    {
        var stored = np.asarray(np.scalar("2003-10-02T12", "M8[Y]"), "M8[ps]", copy: true);
        Assert.Equal(WrappedPicoseconds, ((DateTime64)stored.Item()!).Value);
    }

    [Fact]
    public void AScalarInASequenceNeedsNoFactor()
    {
        var year = new DateTime64(33, DateTimeMetadata.ParseUnit("Y"));
        var stored = np.asarray(new List<object?> { year, null }, "M8[ps]");
        Assert.Equal(WrappedPicoseconds, ((DateTime64)stored.GetValue(0)!).Value);
        Assert.True(((DateTime64)stored.GetValue(1)!).IsNaT);
    }

    [Fact]
    public void AnArrayCastStillRefusesTheFactor()
    {
        var years = np.asarray(new List<object?> { new DateTime64(33, DateTimeMetadata.ParseUnit("Y")) });
        Assert.Throws<OverflowException>(() => years.AsType("M8[ps]"));
    }

    [Fact]
    public void ATimedeltaScalarIsScaledWithTheFactorsChecks()
    {
        // cast_timedelta_to_timedelta: the factor first, then _datetime_scale_with_overflow_check.
        var e = Assert.Throws<OverflowException>(() => np.asarray(np.scalar(5L, "m8[D]"), "m8[as]"));
        Assert.Contains("conversion factor between NumPy datetime units D and as", e.Message, StringComparison.Ordinal);
        Assert.Throws<OverflowException>(() => np.asarray(np.scalar(long.MaxValue / 2, "m8[s]"), "m8[ms]"));
    }
}

/// <summary>
/// A datetime64 array cast to <c>S</c>/<c>U</c> is formatted into the element (<c>NpyDatetime_MakeISO8601Datetime</c>,
/// <c>numpy/_core/src/multiarray/datetime_strings.c</c>): the year goes through <c>snprintf</c> and loses its last
/// digit when it fills the element exactly; anything else too long is NumPy's RuntimeError.
/// </summary>
public sealed class DateTimeTextCastWidthTests
{
    [Theory]
    [InlineData("S4", "200")]
    [InlineData("U4", "200")]
    [InlineData("S5", "2003")]
    [InlineData("U3", null)]
    public void AYearThatFillsTheElementLosesItsLastDigit(string target, string? expected)
    {
        var years = np.asarray(new[] { "2003-10-02" }).AsType("M8[Y]");
        if (expected is null)
        {
            var e = Assert.Throws<InvalidOperationException>(() => years.AsType(target));
            Assert.Equal("The string provided for NumPy ISO datetime formatting was too short, with length 3", e.Message);
            return;
        }
        var text = years.AsType(target).GetValue(0);
        Assert.Equal(expected, text is Bytes b ? b.ToLatin1() : text);
    }

    [Fact]
    public void OtherUnitsMustFitWhole()
    {
        var days = np.asarray(new[] { "2003-10-02", "NaT" }).AsType("M8[D]");
        Assert.Throws<InvalidOperationException>(() => days.AsType("U9"));
        Assert.Equal("2003-10-02", days.AsType("U10").GetValue(0));
        Assert.Equal("NaT", days.AsType("U10").GetValue(1));
    }
}
