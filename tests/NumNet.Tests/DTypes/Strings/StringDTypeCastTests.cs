using System.Numerics;

namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// StringDType's casts with NumPy 2's safety and values (<c>numpy/_core/src/multiarray/stringdtype/casts.cpp</c> and
/// <c>numpy/_core/tests/test_stringdtype.py</c>; each test names the function or test it follows).
/// </summary>
public sealed class StringDTypeCastTests
{
    private static DType T => np.dtypes.StringDType();

    // casts.cpp: u2s any_to_string<SAME_KIND>, s2u string_to_fixed_width (SAME_KIND), bytes2s/s2bytes SAME_KIND,
    // b2s/int2s/float2s/dt2s/td2s SAFE, s2int/s2float/s2bool/s2dt UNSAFE, s2s NO (UNSAFE when dropping the NA).
    [Theory]
    [InlineData("U5", "T", "same_kind", "safe")]
    [InlineData("T", "U5", "same_kind", "safe")]
    [InlineData("S5", "T", "same_kind", "safe")]
    [InlineData("T", "S5", "same_kind", "safe")]
    [InlineData("bool", "T", "safe", null)]
    [InlineData("int64", "T", "safe", null)]
    [InlineData("uint8", "T", "safe", null)]
    [InlineData("float16", "T", "safe", null)]
    [InlineData("complex128", "T", "safe", null)]
    [InlineData("M8[s]", "T", "safe", null)]
    [InlineData("m8[s]", "T", "safe", null)]
    [InlineData("T", "bool", "unsafe", "same_kind")]
    [InlineData("T", "int64", "unsafe", "same_kind")]
    [InlineData("T", "float64", "unsafe", "same_kind")]
    [InlineData("T", "M8[D]", "unsafe", "same_kind")]
    [InlineData("T", "m8[s]", "unsafe", "same_kind")]
    [InlineData("T", "O", "safe", null)]
    [InlineData("O", "T", "unsafe", "same_kind")]
    [InlineData("T", "T", "no", null)]
    public void CanCastFollowsNumPy2(string from, string to, string allowedUnder, string? refusedUnder)
    {
        Assert.True(np.can_cast(np.dtype(from), np.dtype(to), allowedUnder));
        if (refusedUnder is not null)
            Assert.False(np.can_cast(np.dtype(from), np.dtype(to), refusedUnder));
    }

    // test_stringdtype.py test_self_casts: dropping the missing value is unsafe; adding one is safe.
    [Fact]
    public void SelfCastsDroppingTheMissingValueAreUnsafe()
    {
        Assert.False(np.can_cast(np.dtypes.StringDType(null), T, "safe"));
        Assert.True(np.can_cast(T, np.dtypes.StringDType(null), "safe"));
        using var a = np.asarray(new object?[] { "a", null }, dtype: np.dtypes.StringDType(null));
        using var plain = a.AsType(T);
        // the missing value becomes str(na_object)
        Assert.Equal(new object?[] { "a", "None" }, StringDTypeTests.Values(plain));
        Assert.Throws<InvalidCastException>(() => a.AsType(T, casting: "safe"));
        using var other = a.AsType(np.dtypes.StringDType(double.NaN));
        Assert.True(other.GetValue(1) is double d && double.IsNaN(d));
    }

    // test_stringdtype.py test_unicode_casts / casts.cpp s2u: a sized U target, truncating as NumPy does.
    [Fact]
    public void ToAndFromUnicode()
    {
        using var u = np.asarray(new[] { "a", "bc", "€😊" });
        using var t = u.AsType(T);
        Assert.Equal(T, t.DType);
        Assert.Equal(new object?[] { "a", "bc", "€😊" }, StringDTypeTests.Values(t));
        using var back = t.AsType("U2");
        Assert.Equal("array(['a', 'bc', '€😊'], dtype='<U2')", np.repr(back));
        using var cut = t.AsType("U1");
        Assert.Equal("array(['a', 'b', '€'], dtype='<U1')", np.repr(cut));
    }

    // casts.cpp string_to_fixed_width_resolve_descriptors: an unsized target is a TypeError with this message.
    [Theory]
    [InlineData("U")]
    [InlineData("S")]
    public void UnsizedFixedWidthTargetsAreRefused(string target)
    {
        using var t = np.asarray(new[] { "hello", "world" }, dtype: T);
        var e = Assert.Throws<InvalidCastException>(() => t.AsType(target));
        Assert.Equal("Casting from StringDType to a fixed-width dtype with an unspecified size is not currently supported, specify an explicit size for the output dtype instead.", e.Message);
        using var sized = t.AsType("U5");
        Assert.Equal("array(['hello', 'world'], dtype='<U5')", np.repr(sized));
    }

    // casts.cpp s2bytes: ASCII only (UnicodeEncodeError); bytes2s: UTF-8 decoded, invalid bytes a TypeError.
    [Fact]
    public void ToAndFromBytes()
    {
        using var t = np.asarray(new[] { "ab", "c" }, dtype: T);
        using var s = t.AsType("S2");
        Assert.Equal("array([b'ab', b'c'], dtype='|S2')", np.repr(s));
        using var bad = np.asarray(new[] { "a€" }, dtype: T);
        var e = Assert.ThrowsAny<ArgumentException>(() => bad.AsType("S3"));
        Assert.Equal("'ascii' codec can't encode character '\\u20ac' in position 1: ordinal not in range(128)", e.Message);

        using var utf8 = np.asarray(new[] { new Bytes("\u00e9"u8.ToArray()) }).AsType("S2");
        using var fromBytes = np.asarray(new[] { new Bytes([0xC3, 0xA9]) }, dtype: "S2").AsType(T);
        Assert.Equal("é", fromBytes.GetValue(0));
        using var invalid = np.asarray(new[] { new Bytes([0xFF]) }, dtype: "S1");
        Assert.Equal("Invalid UTF-8 bytes found, cannot convert to StringDType",
            Assert.Throws<InvalidCastException>(() => invalid.AsType(T)).Message);
    }

    // test_stringdtype.py test_sized_integer_casts / test_float_casts: numbers round-trip through their str();
    // out-of-range integers are an OverflowError; str() of floats is the shortest repr.
    [Fact]
    public void NumbersRoundTripThroughText()
    {
        using var ints = np.asarray(new long[] { -5, 0, 1234567890123 });
        using var t = ints.AsType(T);
        Assert.Equal(new object?[] { "-5", "0", "1234567890123" }, StringDTypeTests.Values(t));
        Assert.Equal(new long[] { -5, 0, 1234567890123 }, t.AsType("int64").ToArray<long>());

        using var floats = np.asarray(new[] { 0.1f, 1e16f, float.NaN, float.NegativeInfinity });
        using var ft = floats.AsType(T);
        Assert.Equal(new object?[] { "0.1", "1e+16", "nan", "-inf" }, StringDTypeTests.Values(ft));
        using var halves = np.asarray(new[] { (Half)0.1 }).AsType(T);
        Assert.Equal("0.1", halves.GetValue(0));
        Assert.Equal(new[] { 0.1f, 1e16f, float.NaN, float.NegativeInfinity }, ft.AsType("float32").ToArray<float>());

        using var oob = np.asarray(new[] { "256" }, dtype: T);
        Assert.Throws<OverflowException>(() => oob.AsType("uint8"));
        using var notInt = np.asarray(new[] { "1.5" }, dtype: T);
        Assert.Equal("invalid literal for int() with base 10: '1.5'", Assert.ThrowsAny<ArgumentException>(() => notInt.AsType("int64")).Message);

        using var complexes = np.asarray(new[] { new Complex(1, 2) }).AsType(T);
        Assert.Equal("(1+2j)", complexes.GetValue(0));
        Assert.Equal(new Complex(1, 2), complexes.AsType("complex128").GetValue(0));
    }

    // casts.cpp load_non_nullable_string: "Arrays with missing data cannot be converted to a non-nullable type"
    // (test_sized_integer_casts raises ValueError for np.nan in an int cast); string_to_float reads the same way.
    [Fact]
    public void MissingValuesIntoNumbers()
    {
        using var a = np.asarray(new object?[] { "1", double.NaN, "3" }, dtype: np.dtypes.StringDType(double.NaN));
        Assert.Equal("Arrays with missing data cannot be converted to a non-nullable type",
            Assert.ThrowsAny<ArgumentException>(() => a.AsType("int64")).Message);
        Assert.Equal("Arrays with missing data cannot be converted to a non-nullable type",
            Assert.ThrowsAny<ArgumentException>(() => a.AsType("float64")).Message);
        using var present = np.asarray(new[] { "1.5", "-inf" }, dtype: np.dtypes.StringDType(double.NaN));
        Assert.Equal(new[] { 1.5, double.NegativeInfinity }, present.AsType("float64").ToArray<double>());
    }

    // test_float_nan_cast_na_object (gh-28157): np.array([1.2, 2.3, np.nan]).astype(StringDType(na_object=np.nan))
    // stores the NaN as the missing value; casts.cpp float_to_string decides by na_eq_cmp, which only float64 scalars
    // (Python floats) pass, so a float32 NaN stays the text 'nan'.
    [Fact]
    public void Float64NaNBecomesTheNaNSentinel()
    {
        var dt = np.dtypes.StringDType(double.NaN);
        using var arr = np.asarray(new[] { 1.2, 2.3, double.NaN }).AsType(dt);
        Assert.Equal("1.2", arr.GetValue(0));
        Assert.True(arr.GetValue(2) is double d && double.IsNaN(d));
        using var single = np.asarray(new[] { float.NaN }).AsType(dt);
        Assert.Equal("nan", single.GetValue(0));
        using var full = np.full(1, double.NaN, dt);
        Assert.True(full.Item() is double f && double.IsNaN(f));
    }

    // casts.cpp string_to_bool: NumPy 2 reads any non-empty string as True ("False" too); a NaN sentinel is True, None False.
    [Fact]
    public void BoolIsNonEmpty()
    {
        using var a = np.asarray(new[] { "", "False", "0", "x" }, dtype: T);
        Assert.Equal(new[] { false, true, true, true }, a.AsType("bool").ToArray<bool>());
        using var nan = np.asarray(new object?[] { double.NaN }, dtype: np.dtypes.StringDType(double.NaN));
        Assert.Equal(new[] { true }, nan.AsType("bool").ToArray<bool>());
        using var none = np.asarray(new object?[] { null }, dtype: np.dtypes.StringDType(null));
        Assert.Equal(new[] { false }, none.AsType("bool").ToArray<bool>());
        using var fromBool = np.asarray(new[] { true, false }).AsType(T);
        Assert.Equal(new object?[] { "True", "False" }, StringDTypeTests.Values(fromBool));
    }

    // test_stringdtype.py test_datetime_cast / test_timedelta_cast: ISO text both ways, NaT, and a unit required.
    [Fact]
    public void DatetimesParseAndFormat()
    {
        using var t = np.asarray(new[] { "2001-02-03", "NaT" }, dtype: T);
        using var d = t.AsType("M8[D]");
        Assert.Equal("array(['2001-02-03',        'NaT'], dtype='datetime64[D]')", np.repr(d));
        using var back = d.AsType(T);
        Assert.Equal(new object?[] { "2001-02-03", "NaT" }, StringDTypeTests.Values(back));
        using var withNA = d.AsType(np.dtypes.StringDType(naObject: null));
        Assert.Equal(new object?[] { "2001-02-03", null }, StringDTypeTests.Values(withNA));
        Assert.Equal("Casting from StringDType to datetimes without a unit is not currently supported",
            Assert.Throws<InvalidCastException>(() => t.AsType("M8")).Message);

        using var td = np.asarray(new[] { "5", "NaT" }, dtype: T).AsType("m8[s]");
        Assert.Equal("array([    5, 'NaT'], dtype='timedelta64[s]')", np.repr(td));
        // casts.cpp timedelta_to_string: the count alone
        Assert.Equal(new object?[] { "5", "NaT" }, StringDTypeTests.Values(td.AsType(T)));
    }

    // Object casts: the elements are Python strs (and the sentinel); object to StringDType stores them as setitem does.
    [Fact]
    public void ObjectBothWays()
    {
        using var t = np.asarray(new object?[] { "a", null }, dtype: np.dtypes.StringDType(null));
        using var o = t.AsType("O");
        Assert.Equal(new object?[] { "a", null }, StringDTypeTests.Values(o));
        using var back = o.AsType(np.dtypes.StringDType());
        Assert.Equal(new object?[] { "a", "None" }, StringDTypeTests.Values(back));
    }

    // test_stringdtype.py test_creation_functions: np.asarray(list).astype(StringDType()) and asarray with the dtype.
    [Fact]
    public void DiscoveryAndAsType()
    {
        using var a = np.asarray(new[] { "a" }).AsType(T);
        Assert.Equal(T, a.DType);
        Assert.Equal("a", a.GetValue(0));
        using var same = np.asarray(a, dtype: np.dtype("T"));
        Assert.Same(a.DType, same.DType);
        Assert.True(np.shares_memory(a, same));
    }
}

/// <summary>can_cast answers, without raising, for pairs StringDType refuses as given.</summary>
public sealed class StringDTypeCanCastTests
{
    // casts.cpp string_to_fixed_width_resolve_descriptors fails for an unsized target; can_cast then answers False.
    [Theory]
    [InlineData("U")]
    [InlineData("S")]
    [InlineData("M8")]
    public void UnsizedTargetsAreNotCastable(string to) =>
        Assert.False(np.can_cast(np.dtypes.StringDType(), np.dtype(to), "unsafe"));
}

/// <summary>Numbers requested as StringDType at creation: stored as their str(), as NumPy's setitem and casts do.</summary>
public sealed class StringDTypeCreationTests
{
    // dtype.c as_pystring (coerce): np.array([1, 2], dtype="T") is ['1', '2']; a float64 buffer goes through the
    // float-to-string cast (casts.cpp float2s: str() of each value).
    [Fact]
    public void NumbersBecomeTheirStr()
    {
        using var ints = np.asarray(new object[] { 1, 2 }, dtype: np.dtypes.StringDType());
        Assert.Equal(new object?[] { "1", "2" }, StringDTypeTests.Values(ints));
        using var doubles = np.asarray(new[] { 0.1, 1e16 }, dtype: np.dtype("T"));
        Assert.Equal(new object?[] { "0.1", "1e+16" }, StringDTypeTests.Values(doubles));
        using var ones = np.ones(2, np.dtypes.StringDType());
        Assert.Equal(new object?[] { "1", "1" }, StringDTypeTests.Values(ones));
    }
}
