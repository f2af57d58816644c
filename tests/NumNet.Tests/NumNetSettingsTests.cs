namespace NumNet.Tests;

/// <summary>The thread cap: its starting value from the environment, its validation, and that results ignore it.</summary>
public sealed class NumNetSettingsTests
{
    [Theory]
    [InlineData(null, 8, 8)]
    [InlineData("", 8, 8)]
    [InlineData("1", 8, 1)]
    [InlineData(" 3 ", 8, 3)]
    [InlineData("16", 2, 16)]
    [InlineData("0", 4, 4)]
    [InlineData("-2", 4, 4)]
    [InlineData("two", 4, 4)]
    [InlineData("1.5", 4, 4)]
    [InlineData("99999999999", 4, 4)]
    [InlineData(null, 0, 1)]
    public void Starting_cap_is_the_variable_when_it_is_a_positive_integer_else_the_processor_count(string? variable, int processors, int expected) =>
        Assert.Equal(expected, NumNetSettings.DefaultMaxThreads(variable, processors));

    [Fact]
    public void Default_is_at_least_one_and_the_variable_name_is_documented() =>
        Assert.True(NumNetSettings.MaxThreads >= 1 && NumNetSettings.MaxThreadsVariable == "NUMNET_MAX_THREADS");

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void A_cap_below_one_is_refused_and_the_cap_is_unchanged(int value)
    {
        int before = NumNetSettings.MaxThreads;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => NumNetSettings.MaxThreads = value);
        Assert.Equal("MaxThreads", e.ParamName);
        Assert.Equal(before, NumNetSettings.MaxThreads);
    }

    [Fact]
    public async Task A_cap_set_is_the_cap_read_from_another_thread()
    {
        int before = NumNetSettings.MaxThreads;
        try
        {
            NumNetSettings.MaxThreads = 5;
            Assert.Equal(5, await Task.Run(() => NumNetSettings.MaxThreads));
        }
        finally
        {
            NumNetSettings.MaxThreads = before;
        }
    }
}
