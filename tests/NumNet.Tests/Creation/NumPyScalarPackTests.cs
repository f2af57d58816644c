using System.Numerics;

namespace NumNet.Tests.Creation;

/// <summary>
/// NumPy scalars inside sequences are stored as NumPy's <c>PyArray_Pack</c> stores them: cast from their own dtype,
/// except where the target's setitem takes them (signed integers through <c>int()</c>, datetime64 into strings as
/// <c>str()</c>, text into datetime64 parsed). Every expected value is NumPy 2's answer (the conformance oracle's).
/// </summary>
public class NumPyScalarPackTests
{
    private static readonly DateTimeMetadata Days = new(DateTimeUnit.Days, 1);
    private static readonly DateTimeMetadata Minutes = new(DateTimeUnit.Minutes, 1);

    [Fact]
    public void NumPyScalarsIntoUnsignedDTypesAreCastAndWrap()
    {
        // np.array([np.float16(-936)], dtype=np.uint16) is [64600]; np.float64(300.0) into uint8 is 44.
        Assert.Equal((ushort)64600, np.asarray(new object[] { np.scalar(-936.0, np.float16) }, np.uint16).GetValue(0));
        Assert.Equal((ushort)64600, np.asarray(new object[] { (Half)(-936) }, np.uint16).GetValue(0));
        Assert.Equal((byte)44, np.asarray(new object[] { np.scalar(300.0, np.float64) }, np.uint8).GetValue(0));
        Assert.Equal((byte)44, np.asarray(new object[] { 300L }, np.uint8).GetValue(0));
        // A Python float (a plain double) goes through setitem and its bounds check instead.
        var e = Assert.Throws<OverflowException>(() => np.asarray(new object[] { 300.0 }, np.uint8));
        Assert.Contains("Python integer 300 out of bounds for uint8", e.Message);
    }

    [Fact]
    public void TimeScalarsIntoNumbersGiveTheirCounts()
    {
        Assert.Equal(5.0, np.asarray(new object[] { new TimeDelta64(5, Days) }, np.float64).GetValue(0));
        Assert.Equal((ushort)5, np.asarray(new object[] { np.scalar(new TimeDelta64(5, Days), np.dtype("m8[D]")) }, np.uint16).GetValue(0));
        Assert.Equal(10961UL, np.asarray(new object[] { np.scalar("2000-01-05", np.dtype("M8[D]")) }, np.uint64).GetValue(0));
        Assert.Equal(new Complex(10961, 0), np.asarray(new object[] { new DateTime64(10961, Days) }, np.complex128).GetValue(0));
    }

    [Fact]
    public void ComplexScalarsIntoRealDTypesKeepTheRealPartWithAWarning()
    {
        using var capture = Warnings.Capture();
        var unsigned = np.asarray(new object[] { np.scalar(new Complex(3, 1), np.complex128) }, np.uint16);
        Assert.Equal((ushort)3, unsigned.GetValue(0));
        // Signed integers take int() of the scalar: the real part too, with the same warning.
        var signed = np.asarray(new object[] { np.scalar(new Complex(3, 1), np.complex128) }, np.int8);
        Assert.Equal((sbyte)3, signed.GetValue(0));
        Assert.Equal(2, capture.Warnings.Count(w => w.Kind == NumPyWarningKind.ComplexWarning));
        // A Python complex has no int(): TypeError.
        Assert.Throws<InvalidCastException>(() => np.asarray(new object[] { new Complex(3, 1) }, np.uint16));
    }

    [Fact]
    public void SignedIntegersTakeIntOfTheScalarWithABoundsCheck()
    {
        var e = Assert.Throws<OverflowException>(() => np.asarray(new object[] { np.scalar(300.0, np.float64) }, np.int8));
        Assert.Contains("Python integer 300 out of bounds for int8", e.Message);
        Assert.Throws<OverflowException>(() => np.asarray(new object[] { ulong.MaxValue }, np.int64));
        Assert.Throws<ArgumentException>(() => np.asarray(new object[] { np.scalar(double.NaN, np.float64) }, np.int8));
        // int() of a timedelta64 in days is int() of a datetime.timedelta: TypeError; in nanoseconds it is the count.
        var days = Assert.Throws<InvalidCastException>(() => np.asarray(new object[] { new TimeDelta64(5, Days) }, np.int8));
        Assert.Contains("'datetime.timedelta'", days.Message);
        Assert.Equal((sbyte)5, np.asarray(new object[] { new TimeDelta64(5, new DateTimeMetadata(DateTimeUnit.Nanoseconds, 1)) }, np.int8).GetValue(0));
        Assert.Equal(12L, np.asarray(new object[] { np.scalar("12", np.dtype("U3")) }, np.int64).GetValue(0));
    }

    [Fact]
    public void UnsizedTextTakesTheWidthOfEachScalarsDType()
    {
        // np.array([[np.uint16(53176), np.int32(-2**31)], [np.timedelta64(-702, 'm'), np.float64(3.0)]], dtype='U')
        var a = np.array(new object[]
        {
            new object[] { np.scalar(53176, np.uint16), np.scalar(int.MinValue, np.int32) },
            new object[] { np.scalar(new TimeDelta64(-702, Minutes), np.dtype("m8[m]")), np.scalar(3.0, np.float64) },
        }, "U");
        Assert.Equal("<U32", a.DType.Str);
        Assert.Equal(new object?[] { "53176", "-2147483648", "-702 minutes", "3.0" }, new[] { a.GetValue(0, 0), a.GetValue(0, 1), a.GetValue(1, 0), a.GetValue(1, 1) });
        // Python ints are as wide as their text; a NumPy int32 (a .NET int) takes the 11 characters of its dtype.
        Assert.Equal("<U11", np.asarray(new object[] { new BigInteger(1), new BigInteger(22), 5 }, "U").DType.Str);
    }

    [Fact]
    public void DateTimeScalarsIntoTextAreTheirStr()
    {
        var a = np.asarray(new object[] { np.scalar(new TimeDelta64(987, new DateTimeMetadata(DateTimeUnit.Years, 1)), np.dtype("m8[Y]")), np.scalar("2000-02", np.dtype("M8[M]")) }, "U");
        Assert.Equal("<U21", a.DType.Str);
        Assert.Equal("987 years", a.GetValue(0));
        Assert.Equal("2000-02", a.GetValue(1));
        // A datetime64 is as wide as its text, a str_ as its own text.
        var b = np.asarray(new object[] { new DateTime64(10961, Days), np.scalar("abc", np.dtype("U3")) }, "S");
        Assert.Equal("|S10", b.DType.Str);
        Assert.Equal(Bytes.FromLatin1("2000-01-05"), b.GetValue(0));
    }

    [Fact]
    public void ATimeScalarChangesItsUnitOnlyUnderSameKind()
    {
        // np.array(np.timedelta64(508, 'm'), dtype='m8[M]'): TypeError, where the array cast would be allowed.
        var e = Assert.Throws<InvalidCastException>(() => np.array(np.scalar(new TimeDelta64(508, Minutes), np.dtype("m8[m]")), "m8[M]"));
        Assert.Contains("according to the rule 'same_kind'", e.Message);
        Assert.Throws<InvalidCastException>(() => np.asarray(new object[] { new TimeDelta64(508, Minutes) }, "m8[M]"));
        // NaT slips through any rule.
        Assert.True(((TimeDelta64)np.asarray(new object[] { new TimeDelta64(TimeDeltas.NaT, Minutes) }, "m8[M]").GetValue(0)!).IsNaT);
    }

    [Fact]
    public void TimeDeltaTextIsOneCountWithNothingAfterIt()
    {
        var seconds = np.dtype("m8[s]");
        Assert.Equal(new TimeDelta64(3, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), np.asarray(new object[] { " 3" }, seconds).GetValue(0));
        Assert.Equal(new TimeDelta64(3, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), np.asarray(new object[] { "+3" }, seconds).GetValue(0));
        Assert.True(((TimeDelta64)np.asarray(new object[] { "" }, seconds).GetValue(0)!).IsNaT);
        Assert.True(((TimeDelta64)np.asarray(new object[] { "nat" }, seconds).GetValue(0)!).IsNaT);
        foreach (var bad in new[] { " 3 ", " ", "1_0" })
        {
            var e = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { bad }, seconds));
            Assert.Contains("Could not convert object to NumPy timedelta", e.Message);
        }
        // A NumPy str_ is cast, with the same parse.
        Assert.Throws<ArgumentException>(() => np.asarray(np.scalar(" 3 ", np.dtype("U3")), "m8[as]"));
    }

    [Fact]
    public void ObjectArraysHoldTheScalarsValue()
    {
        var a = np.asarray(new object[] { np.scalar(3.5, np.float16), np.scalar(7, np.uint32) }, np.object_);
        Assert.Equal((Half)3.5, a.GetValue(0));
        Assert.Equal(7u, a.GetValue(1));
    }

    [Fact]
    public void TimeUnitsWithoutACommonDivisor()
    {
        var months = np.scalar(new TimeDelta64(-622, new DateTimeMetadata(DateTimeUnit.Months, 1)), np.dtype("m8[M]"));
        var picos = np.scalar(new TimeDelta64(-633, new DateTimeMetadata(DateTimeUnit.Picoseconds, 1)), np.dtype("m8[ps]"));
        // Requested m8: NumPy's plain TypeError from the metadata divisor (ValueError-like, not a promotion error).
        var e = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { months, picos }, "m8"));
        Assert.Contains("common metadata divisor", e.Message);
        // Nothing requested: the leaves have no common dtype, so the result is object (also when the units overflow).
        Assert.Equal("|O", np.asarray(new object[] { months, picos }).DType.Str);
        var farDate = np.scalar(5L, np.dtype("M8[ps]"));
        var day = np.scalar("2003-10-02", np.dtype("M8[D]"));
        Assert.Equal("|O", np.asarray(new object[] { farDate, day }).DType.Str);
    }
}
