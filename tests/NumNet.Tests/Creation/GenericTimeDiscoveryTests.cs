namespace NumNet.Tests.Creation;

/// <summary>
/// Text stored into a datetime64/timedelta64 requested without a unit (<c>dtype='M'</c>, <c>'>M8'</c>, <c>'m'</c>):
/// discovery takes the unit of every text it can parse and passes over one it cannot (NumPy's
/// <c>find_object_datetime64_meta</c> clears that ValueError; timedelta text adds no unit at all), and the elements
/// are then stored in C order in the unit found, so the error is the first element's that fails there. Every
/// expected message is NumPy 2's (the conformance oracle's, and NumPy 1.24's).
/// </summary>
public class GenericTimeDiscoveryTests
{
    private const string GenericUnits = "Cannot create a NumPy datetime other than NaT with generic units";
    private const string IntegerNeedsUnit = "Converting an integer to a NumPy datetime requires a specified unit";

    private static string Raises<T>(object? input, string dtype) where T : Exception =>
        Assert.Throws<T>(() => np.asarray(input, np.dtype(dtype))).Message;

    private static NumPyScalar Str(string text) => np.scalar(text, np.dtype("U" + Math.Max(1, text.Length)));

    private static NumPyScalar BytesScalar(string text) => np.scalar(Bytes.FromLatin1(text), np.dtype("S" + Math.Max(1, text.Length)));

    [Fact]
    public void TextThatIsNoDateLeavesTheUnitGenericAndFailsWhenStored()
    {
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { "abc" }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { "abc", new System.Numerics.BigInteger(2) }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { Bytes.FromLatin1("abc") }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { Str("Z0\u4E2D") }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { BytesScalar("abc") }, ">M8"));
        // A month or day out of range, a blank, an exponent: each a ValueError of the parser, cleared the same way.
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { "2001-13" }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { "2001-02-30" }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { " " }, "M"));
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { "1e5", 3.5 }, "M"));
        // NaT needs no unit: the next element is the one that fails.
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object?[] { "NaT", null, "abc" }, "M"));
    }

    [Fact]
    public void TheFirstElementThatFailsInTheFoundUnitDecides()
    {
        Assert.Equal(IntegerNeedsUnit, Raises<ArgumentException>(new object[] { new System.Numerics.BigInteger(2), "abc" }, "M"));
        // A long is NumPy's int64 scalar, which is cast (no unit needed): the text fails.
        Assert.Equal(GenericUnits, Raises<ArgumentException>(new object[] { 2L, "abc" }, "M"));
        Assert.Equal(IntegerNeedsUnit, Raises<ArgumentException>(new object[] { true, "abc" }, "M"));
        // Another element's unit makes the text parsed, and the parser's error is raised.
        Assert.Equal("Error parsing datetime string \"abc\" at position 0", Raises<ArgumentException>(new object[] { "2001", "abc" }, "M"));
        Assert.Equal("Error parsing datetime string \"abc\" at position 0", Raises<ArgumentException>(new object[] { "abc", "2001" }, "M"));
        Assert.Equal("Month out of range in datetime string \"2001-13\"", Raises<ArgumentException>(new object[] { "2001-13", "2001" }, "M"));
        Assert.Equal("Error parsing datetime string \" \" at position 1", Raises<ArgumentException>(new object[] { " ", "2001" }, "M"));
        // A timedelta64 scalar lends its unit too (it is cast to the datetime class).
        var seconds = np.scalar(new TimeDelta64(2, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), np.dtype("m8[s]"));
        Assert.Equal("Error parsing datetime string \"abc\" at position 0", Raises<ArgumentException>(new object[] { seconds, "abc" }, "M"));
    }

    [Fact]
    public void AnErrorOfALaterElementIsNotHiddenByTextDiscoveryCannotRead()
    {
        // np.asarray([np.str_('Z0中'), np.timedelta64('NaT', 'm'), np.timedelta64(-112, 'as')], dtype='M'): the units
        // minutes and attoseconds have no common divisor in int64 (OverflowError), found before any element is stored.
        var minutes = np.scalar(new TimeDelta64(DateTime64.NaTValue, new DateTimeMetadata(DateTimeUnit.Minutes, 1)), np.dtype("m8[m]"));
        var atto = np.scalar(new TimeDelta64(-112, new DateTimeMetadata(DateTimeUnit.Attoseconds, 1)), np.dtype("m8[as]"));
        var e = Raises<OverflowException>(new object[] { Str("Z0\u4E2D"), minutes, atto }, "M");
        // (The order NumPy names the two units in is the harness's concern, not discovery's.)
        Assert.StartsWith("Integer overflow getting a common metadata divisor for NumPy datetime metadata", e);
        // A Python int beyond int64 stored after the unit is found from the other text.
        Assert.Throws<OverflowException>(() => np.asarray(new object[] { System.Numerics.BigInteger.Pow(2, 70), "1e5", "1970-01-01" }, np.dtype(">M8")));
    }

    [Fact]
    public void TextThatIsADateStillGivesItsUnit()
    {
        using var a = np.asarray(new object[] { "2001-02", "NaT" }, np.dtype("M"));
        Assert.Equal(np.dtype("M8[M]"), a.DType);
        using var b = np.asarray(new object[] { Bytes.FromLatin1("2001-01-01"), Str("2001") }, np.dtype(">M8"));
        Assert.Equal(np.dtype("M8[D]"), b.DType);
        using var nat = np.asarray(new object?[] { "NaT", "", null }, np.dtype("M"));
        Assert.Equal(np.dtype("M8"), nat.DType);
    }

    [Fact]
    public void TimedeltaTextAddsNoUnitAndIsACount()
    {
        using var a = np.asarray(new object[] { "12", 3L }, np.dtype("m"));
        Assert.Equal(np.dtype("m8"), a.DType);
        Assert.Equal(new TimeDelta64(12, DateTimeMetadata.Generic), a.GetValue(0));
        var seconds = np.scalar(new TimeDelta64(2, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), np.dtype("m8[s]"));
        using var b = np.asarray(new object[] { Str("12"), seconds }, np.dtype("m"));
        Assert.Equal(np.dtype("m8[s]"), b.DType);
        Assert.Equal("Could not convert object to NumPy timedelta", Raises<ArgumentException>(new object[] { "abc", seconds }, "m"));
        Assert.Equal("Could not convert object to NumPy timedelta", Raises<ArgumentException>(new object[] { "2001-01-01" }, "m"));
    }

    [Fact]
    public void BytesAreDecodedAsUtf8BeforeTheyAreRead()
    {
        // convert_pyobject_to_datetime/_timedelta decode bytes with Python's strict UTF-8 first.
        const string BadStart = "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte";
        Assert.Equal(BadStart, Raises<ArgumentException>(new object[] { new Bytes([0xFF]) }, "M"));
        Assert.Equal(BadStart, Raises<ArgumentException>(new object[] { new Bytes([0xFF]), "2001" }, "M"));
        Assert.Equal(BadStart, Raises<ArgumentException>(new object[] { new Bytes([0xFF]) }, "m"));
        Assert.Equal("Error parsing datetime string \"\u00e9\" at position 0", Raises<ArgumentException>(new object[] { "2001", new Bytes([0xC3, 0xA9]) }, "M"));
    }

    [Fact]
    public void ObjectArraysAreDiscoveredElementByElementTextArraysStrictly()
    {
        // An object array's elements are leaves of discovery: text that is no date is passed over.
        using var objects = np.asarray(new object[] { "abc" }, np.object_);
        Assert.Equal(GenericUnits, Assert.Throws<ArgumentException>(() => np.asarray(objects, np.dtype("M"))).Message);
        Assert.Equal(GenericUnits, Assert.Throws<ArgumentException>(() => objects.AsType("M")).Message);
        // A U/S array is parsed strictly (find_string_array_datetime64_type): its first bad text raises.
        using var text = np.asarray(new[] { "abc" });
        Assert.Equal("Error parsing datetime string \"abc\" at position 0", Assert.Throws<ArgumentException>(() => np.asarray(text, np.dtype("M"))).Message);
        Assert.Equal("Error parsing datetime string \"abc\" at position 0", Assert.Throws<ArgumentException>(() => text.AsType("M")).Message);
    }

    [Fact]
    public void ObjectArraysOfTimedeltasGiveTheirUnitToAGenericTimedelta()
    {
        var seconds = np.scalar(new TimeDelta64(2, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), np.dtype("m8[s]"));
        using var objects = np.asarray(new object[] { "12", seconds }, np.object_);
        using var a = np.asarray(objects, np.dtype("m"));
        Assert.Equal(np.dtype("m8[s]"), a.DType);
        Assert.Equal(new TimeDelta64(12, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), a.GetValue(0));
        using var b = objects.AsType("m");
        Assert.Equal(np.dtype("m8[s]"), b.DType);
    }
}
