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
