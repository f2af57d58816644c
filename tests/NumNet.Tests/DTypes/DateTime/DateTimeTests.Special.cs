using Xunit;

namespace NumNet.Tests.DTypes.DateTime;

/// <summary>Hand-written cases: NumPy 2 behaviour that NumPy 1.24 cannot generate, clocks, and .NET interop.</summary>
public partial class DateTimeTests
{
    private static readonly DateTimeMetadata Days = new(DateTimeUnit.Days);
    private static readonly DateTimeMetadata Seconds = new(DateTimeUnit.Seconds);

    [Theory]
    [InlineData(DateTimeUnit.Years, "Y")]
    [InlineData(DateTimeUnit.Months, "M")]
    [InlineData(DateTimeUnit.Minutes, "m")]
    [InlineData(DateTimeUnit.Microseconds, "us")]
    [InlineData(DateTimeUnit.Attoseconds, "as")]
    [InlineData(DateTimeUnit.Generic, "generic")]
    public void UnitCodesRoundTrip(DateTimeUnit unit, string code)
    {
        Assert.Equal(code, unit.ToCode());
        Assert.Equal(unit, DateTimeUnitExtensions.ParseCode(code));
    }

    [Fact]
    public void UnitParsingFollowsNumPy()
    {
        Assert.Equal(DateTimeUnit.Microseconds, DateTimeUnitExtensions.ParseCode("\u03BCs"));
        Assert.False(DateTimeUnitExtensions.TryParseCode("\u00B5s", out _));
        Assert.Throws<ArgumentException>(() => DateTimeUnitExtensions.ParseCode("xs"));
        Assert.True(DateTimeUnit.Years < DateTimeUnit.Attoseconds);
    }

    [Fact]
    public void MetadataTextMatchesDtypeStrings()
    {
        Assert.Equal("[25s]", new DateTimeMetadata(DateTimeUnit.Seconds, 25).ToString());
        Assert.Equal("", DateTimeMetadata.Generic.ToString());
        Assert.Equal("generic", DateTimeMetadata.Generic.UnitText);
        Assert.Equal(("ns", 1), DateTimeMetadata.ParseBracket("[ns]").UnitTuple);
        Assert.Equal(new DateTimeMetadata(DateTimeUnit.Seconds, 900), DateTimeMetadata.ParseBracket("[30m/2]"));
        var error = Assert.Throws<ArgumentException>(() => DateTimeMetadata.ParseBracket("[xs]"));
        Assert.Contains("\"[xs]\"", error.Message);
        // NumPy crashes on a zero divisor; NumNet refuses it.
        Assert.Throws<ArgumentException>(() => DateTimeMetadata.ParseBracket("[5s/0]"));
    }

    [Fact]
    public void ReprIsNumPy2Style()
    {
        Assert.Equal("np.datetime64('2011-02')", DateTimes.Repr(DateTimes.Parse("2011-02").Value, new(DateTimeUnit.Months)));
        Assert.Equal("np.datetime64('NaT','generic')", DateTimes.Repr(DateTimes.NaT, DateTimeMetadata.Generic));
        Assert.Equal("np.datetime64('NaT','ns')", DateTimes.Repr(DateTimes.NaT, new(DateTimeUnit.Nanoseconds)));
        Assert.Equal("np.datetime64('2003-01-01T00','h')", DateTimes.Repr(DateTimes.Parse("2003", new DateTimeMetadata(DateTimeUnit.Hours)).Value, new(DateTimeUnit.Hours)));
        Assert.Equal("np.datetime64('1970-01-01T00:02:05','25s')", DateTimes.Repr(5, new(DateTimeUnit.Seconds, 25)));
        Assert.Equal("np.timedelta64(5,'25s')", TimeDeltas.Repr(5, new(DateTimeUnit.Seconds, 25)));
        Assert.Equal("np.timedelta64('NaT','s')", TimeDeltas.Repr(TimeDeltas.NaT, Seconds));
        Assert.Equal("np.timedelta64(5)", TimeDeltas.Repr(5, DateTimeMetadata.Generic));
        Assert.Equal("np.timedelta64('NaT')", TimeDeltas.Repr(TimeDeltas.NaT, DateTimeMetadata.Generic));
    }

    [Fact]
    public void TodayAndNowUseTheClock()
    {
        // 2024-03-01T01:30:15Z is still 2024-02-29 in New York (UTC-5 in winter), and "today" is local.
        var clock = new FixedClock(new DateTimeOffset(2024, 3, 1, 1, 30, 15, TimeSpan.Zero), TimeSpan.FromHours(-5));
        var today = DateTimes.Parse("Today", null, "same_kind", clock);
        Assert.Equal(DateTimeUnit.Days, today.Metadata.Unit);
        Assert.Equal("2024-02-29", DateTimes.Format(today.Value, today.Metadata));
        var now = DateTimes.Parse("NOW", null, "same_kind", clock);
        Assert.Equal(Seconds, now.Metadata);
        Assert.Equal("2024-03-01T01:30:15", DateTimes.Format(now.Value, now.Metadata));
        var todayInSeconds = DateTimes.Parse("today", Seconds, "same_kind", clock);
        Assert.Equal("2024-02-29T00:00:00", DateTimes.Format(todayInSeconds.Value, Seconds));
    }

    [Fact]
    public void TimezoneSuffixIsConvertedAndFlagged()
    {
        var result = DateTimes.Parse("2003-10-02T12:00+05:30");
        Assert.True(result.HasTimezoneWarning);
        Assert.Equal("2003-10-02T06:30", DateTimes.Format(result.Value, result.Metadata));
        Assert.Equal("no explicit representation of timezones available for np.datetime64", DateTimes.TimezoneWarningMessage);
        Assert.False(DateTimes.Parse("2003-10-02T12:00").HasTimezoneWarning);
    }

    [Fact]
    public void ParseErrorsUseTheMappedExceptions()
    {
        var error = Assert.Throws<ArgumentException>(() => DateTimes.Parse("2003-02-30", Days));
        Assert.Contains("\"2003-02-30\"", error.Message);
        Assert.Throws<ArgumentException>(() => DateTimes.Parse("2003-10-02", DateTimeMetadata.Generic));
        Assert.Equal(DateTimes.NaT, DateTimes.Parse("NaT", DateTimeMetadata.Generic).Value);
        Assert.Throws<InvalidCastException>(() => DateTimes.Parse("2003-10-02T12", Days, "safe"));
        Assert.Throws<ArgumentException>(() => DateTimes.Parse("2003", Days, "sideways"));
    }

    [Fact]
    public void ExtremeDayCountsGetTheirTrueDate()
    {
        // NumPy 1.24 turned day counts this close to INT64_MIN into garbage; NumPy 2.5 (and NumNet) get the
        // proleptic Gregorian date, which the generator cannot take from 1.24.
        Assert.Equal("-25252734927764585-06-08", DateTimes.Format(long.MinValue + 1, Days));
        Assert.Equal("-25252734927764555-06-05", DateTimes.Format(long.MinValue + 10956, Days));
        Assert.Equal("25252734927768524-07-27", DateTimes.Format(long.MaxValue, Days));
    }

    [Fact]
    public void SpanCastsMayWorkInPlace()
    {
        long[] values = [0, 23, -1, DateTimes.NaT];
        DateTimes.Cast(values, values, new DateTimeMetadata(DateTimeUnit.Hours), Days);
        Assert.Equal([0, 0, -1, DateTimes.NaT], values);
    }

    [Fact]
    public void MinimumCastingNamesTheKind()
    {
        Assert.Equal("safe", DateTimeMetadata.MinimumCasting(Days, Seconds, isTimedelta: false));
        Assert.Equal("same_kind", DateTimeMetadata.MinimumCasting(Seconds, Days, isTimedelta: false));
        Assert.Equal("unsafe", DateTimeMetadata.MinimumCasting(new(DateTimeUnit.Years), Days, isTimedelta: true));
        Assert.Equal("no", DateTimeMetadata.MinimumCasting(new(DateTimeUnit.Milliseconds, 1000), Seconds, isTimedelta: false));
    }

    [Fact]
    public void DotNetDatesRoundTrip()
    {
        var moment = new System.DateTime(2003, 10, 2, 12, 34, 56, DateTimeKind.Local).AddTicks(7_891_234);
        long ns = DateTimes.FromDateTime(moment, new(DateTimeUnit.Nanoseconds));
        Assert.Equal("2003-10-02T12:34:56.789123400", DateTimes.Format(ns, new(DateTimeUnit.Nanoseconds)));
        Assert.Equal(moment.Ticks, DateTimes.ToDateTime(ns, new(DateTimeUnit.Nanoseconds)).Ticks);

        var offset = new DateTimeOffset(2003, 10, 2, 12, 0, 0, TimeSpan.FromHours(2));
        long minutes = DateTimes.FromDateTimeOffset(offset, new(DateTimeUnit.Minutes));
        Assert.Equal("2003-10-02T10:00", DateTimes.Format(minutes, new(DateTimeUnit.Minutes)));
        Assert.Equal(TimeSpan.Zero, DateTimes.ToDateTimeOffset(minutes, new(DateTimeUnit.Minutes)).Offset);

        Assert.Equal(12327, DateTimes.FromDateOnly(new DateOnly(2003, 10, 2), Days));
        Assert.Equal(new DateOnly(1969, 12, 31), DateTimes.ToDateOnly(-1, Seconds));
        Assert.Equal(1, DateTimes.FromDateOnly(new DateOnly(1970, 1, 8), new(DateTimeUnit.Weeks)));

        Assert.Throws<OverflowException>(() => DateTimes.FromDateTime(System.DateTime.MaxValue, new(DateTimeUnit.Nanoseconds)));
        Assert.Throws<ArgumentException>(() => DateTimes.ToDateTime(DateTimes.NaT, Days));
        Assert.Throws<ArgumentOutOfRangeException>(() => DateTimes.ToDateTime(DateTimes.Parse("10000-01-01").Value, Days));
    }

    [Fact]
    public void DotNetDurationsRoundTrip()
    {
        Assert.Equal(-1, TimeDeltas.FromTimeSpan(TimeSpan.FromTicks(-1), Seconds));
        Assert.Equal(TimeSpan.FromDays(5), TimeDeltas.ToTimeSpan(5, Days));
        Assert.Equal(TimeSpan.FromTicks(1), TimeDeltas.ToTimeSpan(199, new(DateTimeUnit.Nanoseconds)));
        Assert.Throws<ArgumentException>(() => TimeDeltas.ToTimeSpan(1, new(DateTimeUnit.Months)));
        Assert.Throws<ArgumentException>(() => TimeDeltas.FromTimeSpan(TimeSpan.FromDays(1), DateTimeMetadata.Generic));
        Assert.Throws<ArgumentException>(() => TimeDeltas.ToTimeSpan(TimeDeltas.NaT, Seconds));
    }

    [Fact]
    public void ConformanceExamplesPrintAsNumPy()
    {
        var weeks = new DateTimeMetadata(DateTimeUnit.Weeks);
        Assert.Equal(["'1970-01-01'", "'1970-01-08'", "'1969-12-25'", "'1989-03-02'"], DateTimes.FormatArrayElements([0, 1, -1, 1000], weeks));
        Assert.Equal(["'NaT'", "    3"], TimeDeltas.FormatArrayElements([TimeDeltas.NaT, 3]));
        Assert.Equal("5 seconds", TimeDeltas.Format(5, Seconds));
        Assert.Equal(152, TimeDeltas.Cast(5, new(DateTimeUnit.Months), Days));
        Assert.Equal(28, DateTimes.GetIsoStringLength(DateTimeUnit.Days));
    }

    private sealed class FixedClock(DateTimeOffset utcNow, TimeSpan localOffset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => utcNow;

        public override TimeZoneInfo LocalTimeZone { get; } =
            TimeZoneInfo.CreateCustomTimeZone("fixed", localOffset, "fixed", "fixed");
    }
}
