namespace NumNet.Tests.Layout;

/// <summary>
/// datetime64 and timedelta64 elements read and written as .NET's DateTime, DateTimeOffset and TimeSpan, in every
/// unit, refusing what does not fit instead of truncating it.
/// </summary>
public class TimeValueTests
{
    private static readonly DateTime Moment = new(2024, 2, 29, 13, 45, 30, DateTimeKind.Unspecified);

    public static TheoryData<string> DateUnits => new() { "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "2h", "15m" };

    [Theory]
    [MemberData(nameof(DateUnits))]
    public void DateTimeRoundTripsInEveryUnitThatHoldsIt(string unit)
    {
        using var a = np.zeros(2, $"M8[{unit}]");
        var value = unit switch
        {
            "W" => new DateTime(1970, 1, 1).AddDays(7 * 1565),                   // weeks count from 1970-01-01, a Thursday
            "ps" => new DateTime(1970, 1, 2, 3, 4, 5).AddTicks(1234567),         // int64 picoseconds span 106 days around 1970,
            "fs" or "as" => new DateTime(1970, 1, 1, 0, 0, 1).AddTicks(2345678), // femtoseconds 2.6 hours, attoseconds 9.2 s
            _ => new DateTime(2000, 1, 1),
        };
        a.SetItem(value, 1);
        Assert.Equal(value, a.GetItem<DateTime>(1));
        Assert.Equal(new DateTime(1970, 1, 1), a.GetItem<DateTime>(0));
        Assert.Equal(new[] { new DateTime(1970, 1, 1), value }, a.ToArray<DateTime>());
        Assert.Equal(new DateTimeOffset(value, TimeSpan.Zero), a.GetItem<DateTimeOffset>(1));
    }

    [Fact]
    public void DateTimeReadsMatchTheIsoText()
    {
        using var a = np.asarray(new[] { "2024-02-29T13:45:30.1234567", "1999-12-31T23:59:59" }, dtype: "M8[100ns]");
        var dates = a.ToArray<DateTime>();
        Assert.Equal(Moment.AddTicks(1234567), dates[0]);
        Assert.Equal(DateTimeKind.Unspecified, dates[0].Kind);
        using var big = a.AsType(">M8[100ns]");
        Assert.Equal(dates, big.ToArray<DateTime>());
        Assert.Equal(dates[1], big.GetItem<DateTime>(1));
    }

    [Fact]
    public void WritesIntoBigEndianElementsKeepTheirByteOrder()
    {
        using var a = np.zeros(2, ">M8[ms]");
        a.SetItem(Moment.AddMilliseconds(250), 1);
        Assert.Equal(Moment.AddMilliseconds(250), a.GetItem<DateTime>(1));
        Assert.Equal("['1970-01-01T00:00:00.000' '2024-02-29T13:45:30.250']", a.ToString());
        using var d = np.zeros(1, ">m8[us]");
        d.SetItem(TimeSpan.FromMilliseconds(1.5), 0);
        Assert.Equal(1500L, d.AsType("<m8[us]").GetItem<long>(0));
    }

    [Fact]
    public void WhatADateTimeCannotHoldIsRefused()
    {
        using var ns = np.asarray(new[] { "2020-01-01T00:00:00.000000150", "NaT" }, dtype: "M8[ns]");
        var sub = Assert.Throws<OverflowException>(() => ns.GetItem<DateTime>(0));
        Assert.Contains("100 ns", sub.Message);
        Assert.Throws<OverflowException>(() => ns.ToArray<DateTime>());
        Assert.Equal(new DateTime(2020, 1, 1).AddTicks(1), ns.GetItem<DateTime>(CastingRule.Unsafe, 0));
        var nat = Assert.Throws<InvalidCastException>(() => ns.GetItem<DateTime>(1));
        Assert.Contains("NaT", nat.Message);

        using var years = np.asarray(new[] { "10000-01-01", "-0001-06-01" }, dtype: "M8[D]");
        Assert.Throws<OverflowException>(() => years.GetItem<DateTime>(0));
        Assert.Throws<OverflowException>(() => years.GetItem<DateTimeOffset>(1));

        using var deltas = np.zeros(1, "m8[s]");
        Assert.Throws<InvalidCastException>(() => deltas.GetItem<DateTime>(0));
        using var floats = np.zeros(1);
        Assert.Throws<InvalidCastException>(() => floats.GetItem<DateTime>(0));
        Assert.Throws<InvalidCastException>(() => floats.ToArray<TimeSpan>());
        using var generic = np.zeros(1, "M8");
        Assert.Throws<InvalidCastException>(() => generic.GetItem<DateTime>(0));
    }

    [Fact]
    public void WritesRefuseADateFinerThanTheUnitUnlessUnsafe()
    {
        using var days = np.zeros(1, "M8[D]");
        var e = Assert.Throws<OverflowException>(() => days.SetItem(Moment, 0));
        Assert.Contains("datetime64[D]", e.Message);
        Assert.Equal(new DateTime(1970, 1, 1), days.GetItem<DateTime>(0));   // untouched
        days.SetItem(Moment, CastingRule.Unsafe, 0);
        Assert.Equal(Moment.Date, days.GetItem<DateTime>(0));
        using var ns = np.zeros(1, "M8[ns]");
        Assert.Throws<OverflowException>(() => ns.SetItem(new DateTime(2300, 1, 1), 0));   // past int64 nanoseconds
        using var deltas = np.zeros(1, "m8[s]");
        Assert.Throws<InvalidCastException>(() => deltas.SetItem(Moment, 0));
    }

    [Fact]
    public void DateTimeOffsetIsStoredAsItsUtcInstant()
    {
        using var a = np.zeros(2, "M8[s]");
        using (var capture = Warnings.Capture())
        {
            a.SetItem(new DateTimeOffset(Moment, TimeSpan.Zero), 0);
            Assert.Empty(capture.Warnings);
            a.SetItem(new DateTimeOffset(Moment, TimeSpan.FromHours(2)), 1);
            var w = Assert.Single(capture.Warnings);
            Assert.Equal(NumPyWarningKind.UserWarning, w.Kind);
            Assert.Equal("no explicit representation of timezones available for np.datetime64", w.Message);
        }
        Assert.Equal(Moment, a.GetItem<DateTime>(0));
        Assert.Equal(Moment.AddHours(-2), a.GetItem<DateTime>(1));
        Assert.Equal(TimeSpan.Zero, a.GetItem<DateTimeOffset>(1).Offset);
        Assert.Equal("['2024-02-29T13:45:30' '2024-02-29T11:45:30']", a.ToString());
    }

    public static TheoryData<string, long> DeltaUnits => new()
    {
        { "W", 2 }, { "D", 3 }, { "h", 5 }, { "m", -7 }, { "s", 11 }, { "ms", 13 }, { "us", -17 }, { "ns", 1900 },
        { "ps", 300_000 }, { "fs", 500_000_000 }, { "as", 700_000_000_000 }, { "3s", 4 },
    };

    [Theory]
    [MemberData(nameof(DeltaUnits))]
    public void TimeSpanRoundTripsInEveryFixedUnit(string unit, long count)
    {
        using var a = np.asarray(new[] { count, 0 }, dtype: $"m8[{unit}]");
        var span = a.GetItem<TimeSpan>(0);
        using var back = np.zeros(2, $"m8[{unit}]");
        back.SetItem(span, 0);
        Assert.Equal(count, back.GetItem<long>(0));
        Assert.Equal(new[] { span, TimeSpan.Zero }, a.ToArray<TimeSpan>());
        Assert.Equal(span, a[0].Item<TimeSpan>());
    }

    [Fact]
    public void TimeSpanValuesAreExact()
    {
        using var a = np.asarray(new[] { 90L, -1 }, dtype: "m8[m]");
        Assert.Equal(new[] { TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(-1) }, a.ToArray<TimeSpan>());
        using var ns = np.asarray(new[] { 150L }, dtype: "m8[ns]");
        Assert.Throws<OverflowException>(() => ns.GetItem<TimeSpan>(0));
        Assert.Equal(TimeSpan.FromTicks(1), ns.GetItem<TimeSpan>(CastingRule.Unsafe, 0));
        using var seconds = np.zeros(1, "m8[s]");
        Assert.Throws<OverflowException>(() => seconds.SetItem(TimeSpan.FromMilliseconds(1500), 0));
        seconds.SetItem(TimeSpan.FromMilliseconds(-1500), CastingRule.Unsafe, 0);
        Assert.Equal(-2L, seconds.GetItem<long>(0));                       // towards negative infinity, as NumPy
    }

    [Theory]
    [InlineData("Y")]
    [InlineData("M")]
    [InlineData("")]
    public void TimedeltasWithoutAFixedLengthHaveNoTimeSpan(string unit)
    {
        using var a = np.zeros(1, unit.Length == 0 ? "m8" : $"m8[{unit}]");
        Assert.Throws<InvalidCastException>(() => a.GetItem<TimeSpan>(0));
        Assert.Throws<InvalidCastException>(() => a.ToArray<TimeSpan>());
        Assert.Throws<InvalidCastException>(() => a.SetItem(TimeSpan.FromDays(1), 0));
    }

    [Fact]
    public void NaTAndOverlongDeltasAreRefused()
    {
        using var a = np.asarray(new[] { "NaT" }, dtype: "m8[s]");
        Assert.Throws<InvalidCastException>(() => a.Item<TimeSpan>());
        using var huge = np.asarray(new[] { long.MaxValue }, dtype: "m8[s]");
        Assert.Throws<OverflowException>(() => huge.GetItem<TimeSpan>(0));
        using var dates = np.zeros(1, "M8[s]");
        Assert.Throws<InvalidCastException>(() => dates.GetItem<TimeSpan>(0));
    }
}
