using NumNet.DTypes;
using NumNet.DTypes.Strings;

namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// NumPy 2's StringDType (NEP 55) as a descriptor: spelling, kind, itemsize, parameters, equality and repr, and element
/// get/set. Expected values are NumPy 2's, from <c>numpy/_core/tests/test_stringdtype.py</c> and
/// <c>numpy/_core/src/multiarray/stringdtype/dtype.c</c> (the line each comes from is named).
/// </summary>
public sealed class StringDTypeTests
{
    // test_stringdtype.py test_dtype_equality / test_dtype_repr: dt = np.dtype("T"); dt == StringDType(); kind, char "T".
    [Fact]
    public void TheSpellingTIsTheDefaultStringDType()
    {
        var dt = np.dtype("T");
        Assert.Equal(np.dtypes.StringDType(), dt);
        Assert.Equal('T', dt.Kind);
        Assert.Equal('T', dt.Char);
        // dtype.c new_stringdtype_instance: elsize = sizeof(npy_packed_static_string) = 16.
        Assert.Equal(16, dt.ItemSize);
        Assert.Equal("|T16", dt.Str);
        Assert.Equal("StringDType128", dt.Name);
        Assert.Equal('|', dt.ByteOrder);
    }

    // dtype.c stringdtype_repr: "StringDType()", "StringDType(na_object=%R)", "StringDType(coerce=False)",
    // "StringDType(na_object=%R, coerce=False)"; str(dtype) is the same function.
    [Fact]
    public void ReprShowsTheParametersAsNumPyDoes()
    {
        Assert.Equal("StringDType()", np.dtypes.StringDType().Repr());
        Assert.Equal("StringDType()", np.dtypes.StringDType().ToString());
        Assert.Equal("StringDType(na_object=None)", np.dtypes.StringDType(naObject: null).Repr());
        Assert.Equal("StringDType(na_object=nan)", np.dtypes.StringDType(double.NaN).Repr());
        Assert.Equal("StringDType(na_object='__NA__')", np.dtypes.StringDType("__NA__").Repr());
        Assert.Equal("StringDType(coerce=False)", np.dtypes.StringDType(coerce: false).Repr());
        Assert.Equal("StringDType(na_object=None, coerce=False)", np.dtypes.StringDType(null, coerce: false).Repr());
    }

    // test_stringdtype.py test_dtype_equality: equal parameters compare equal (two NaN sentinels too, dtype.c
    // na_eq_cmp), different ones do not, and the four parameter sets hash apart.
    [Fact]
    public void EqualityFollowsTheParameters()
    {
        Assert.Equal(np.dtypes.StringDType(double.NaN), np.dtypes.StringDType(double.NaN));
        Assert.Equal(np.dtypes.StringDType(null), np.dtypes.StringDType(null));
        Assert.NotEqual(np.dtypes.StringDType(), np.dtypes.StringDType(null));
        Assert.NotEqual(np.dtypes.StringDType(null), np.dtypes.StringDType(double.NaN));
        Assert.NotEqual(np.dtypes.StringDType(), np.dtypes.StringDType(coerce: false));
        Assert.NotEqual(np.dtypes.StringDType("a"), np.dtypes.StringDType("b"));
        Assert.NotEqual(np.dtype("T"), np.dtype("U"));
        var hashes = new HashSet<int>
        {
            np.dtypes.StringDType().GetHashCode(), np.dtypes.StringDType(null).GetHashCode(),
            np.dtypes.StringDType(coerce: false).GetHashCode(), np.dtypes.StringDType(null, coerce: false).GetHashCode(),
        };
        Assert.Equal(4, hashes.Count);
    }

    // test_stringdtype.py test_creation_functions / test_array_creation_utf8: strings of any length round-trip.
    [Fact]
    public void ElementsGetAndSetAsStrings()
    {
        string longText = new('x', 1000);
        using var a = np.asarray(new[] { "a", "bc", "", "€😊", longText }, dtype: np.dtypes.StringDType());
        Assert.Equal(np.dtypes.StringDType(), a.DType);
        Assert.Equal([16L], a.Strides);
        Assert.Equal("a", a.GetValue(0));
        Assert.Equal("bc", a.GetValue(1));
        Assert.Equal("", a.GetValue(2));
        Assert.Equal("€😊", a.GetValue(3));
        Assert.Equal(longText, a.GetValue(4));
        a.SetValue("exactly fifteen", 0);
        a.SetValue("sixteen bytes!!!", 1);
        Assert.Equal("exactly fifteen", a.GetValue(0));
        Assert.Equal("sixteen bytes!!!", a.GetValue(1));
    }

    // dtype.c as_pystring: with coerce (the default) a non-string is stored as its str(); bytes are decoded as UTF-8.
    [Fact]
    public void CoercingDTypeStoresStrOfOtherValues()
    {
        using var a = np.asarray(new object?[] { 1, 1.5, true, null, new Bytes("hi"u8) }, dtype: np.dtypes.StringDType());
        Assert.Equal(new object?[] { "1", "1.5", "True", "None", "hi" }, Values(a));
    }

    // dtype.c as_pystring: "StringDType only allows string data when string coercion is disabled." (ValueError).
    [Fact]
    public void NonCoercingDTypeRefusesNonStrings()
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => np.asarray(new object[] { "a", 1 }, dtype: np.dtypes.StringDType(coerce: false)));
        Assert.Contains("StringDType only allows string data when string coercion is disabled.", e.Message);
        using var ok = np.asarray(new[] { "a" }, dtype: np.dtypes.StringDType(coerce: false));
        Assert.Equal("a", ok.GetValue(0));
    }

    // test_stringdtype.py test_null_roundtripping / dtype.c stringdtype_setitem: the na_object (or an equal value, any NaN
    // for a NaN sentinel) is stored as missing and read back as the sentinel itself.
    [Fact]
    public void MissingValuesRoundTripAsTheirSentinel()
    {
        using var none = np.asarray(new object?[] { "a", null }, dtype: np.dtypes.StringDType(naObject: null));
        Assert.Equal(new object?[] { "a", null }, Values(none));

        // A float32 NaN is no Python float: na_eq_cmp compares it unequal, so it is stored as its str().
        using var nan = np.asarray(new object?[] { "a", double.NaN, float.NaN }, dtype: np.dtypes.StringDType(double.NaN));
        Assert.True(nan.GetValue(1) is double d && double.IsNaN(d));
        Assert.Equal("nan", nan.GetValue(2));

        using var sentinel = np.asarray(new[] { "a", "__NA__" }, dtype: np.dtypes.StringDType("__NA__"));
        Assert.Equal("__NA__", sentinel.GetValue(1));
        Assert.Equal("StringDType(na_object='__NA__')", sentinel.DType.Repr());
    }

    // A zero-filled array holds empty strings (static_string.c: an all-zero packed string is the empty string).
    [Fact]
    public void ZeroFilledElementsAreEmptyStrings()
    {
        using var z = np.zeros(3, np.dtypes.StringDType());
        Assert.Equal(new object?[] { "", "", "" }, Values(z));
    }

    // Bytes that were never a slot of the dtype raise instead of decoding (safe by construction).
    [Fact]
    public void BytesThatAreNoSlotRaise()
    {
        var dt = np.dtypes.StringDType();
        var raw = new byte[16];
        raw[15] = 0x20;
        raw[0] = 0xFF; // arena index far past the table
        Assert.Throws<InvalidOperationException>(() => dt.Family.GetBoxed(raw, dt));
        raw = new byte[16];
        raw[15] = 0x43;
        raw[5] = 1; // inline length 3, junk after it
        Assert.Throws<InvalidOperationException>(() => dt.Family.GetBoxed(raw, dt));
        raw[15] = 0x7F;
        Assert.Throws<InvalidOperationException>(() => dt.Family.GetBoxed(raw, dt));
    }

    // Views share the descriptor (and so its strings); a write through a view is seen by the base.
    [Fact]
    public void ViewsShareTheStrings()
    {
        using var a = np.asarray(new[] { "short", new string('y', 100) }, dtype: np.dtypes.StringDType());
        using var v = a[1..];
        Assert.Same(a.DType, v.DType);
        v.SetValue(new string('z', 50), 0);
        Assert.Equal(new string('z', 50), a.GetValue(1));
        using var c = a.Copy();
        c.SetValue("changed", 1);
        Assert.Equal(new string('z', 50), a.GetValue(1));
        Assert.Equal("changed", c.GetValue(1));
    }

    internal static object?[] Values(NDArray a)
    {
        var result = new object?[a.Size];
        for (int i = 0; i < result.Length; i++)
            result[i] = a.GetValue(i);
        return result;
    }
}

/// <summary>Reinterpreting StringDType memory, and racing writers, in a child process where needed.</summary>
public sealed class StringDTypeSafetyTests
{
    // test_stringdtype.py test_view_distinct_instance / numpy/_core/_internal.py _view_is_safe: a view as another dtype
    // is "Cannot change data-type for array of references." (a TypeError); a view as its own descriptor is fine.
    [Fact]
    public void ViewsAsOtherDTypesAreRefused()
    {
        using var a = np.asarray(new[] { new string('a', 20), new string('b', 20) }, dtype: np.dtypes.StringDType());
        using var same = a.View(a.DType);
        Assert.Equal(new string('b', 20), same.GetValue(1));
        Assert.Equal("Cannot change data-type for array of references. (Parameter 'dtype')",
            Assert.Throws<ArgumentException>(() => a.View("V16")).Message);
        Assert.Throws<ArgumentException>(() => a.View("uint8"));
        using var bytes = np.zeros(32, np.uint8);
        Assert.Throws<ArgumentException>(() => bytes.View(np.dtypes.StringDType()));
        Assert.Throws<ArgumentException>(() => a.View(np.dtypes.StringDType(naObject: null)));
    }

    [Fact]
    public void ConcurrentWritesAndReadsNeverCrash() => Reliability.ChildProcess.AssertPasses("stringdtype-concurrent-set-get", "2000");
}

/// <summary>StringDType arrays through the generic array machinery: assignment, filling, copies, stacking.</summary>
public sealed class StringDTypeArrayTests
{
    private static DType T => np.dtypes.StringDType();

    [Fact]
    public void SliceAssignmentAndFull()
    {
        using var a = np.full(4, "abc", T);
        Assert.Equal(new object?[] { "abc", "abc", "abc", "abc" }, StringDTypeTests.Values(a));
        a[1..3] = new string('z', 40);
        Assert.Equal(new object?[] { "abc", new string('z', 40), new string('z', 40), "abc" }, StringDTypeTests.Values(a));
        using var u = np.asarray(new[] { "p", "q", "r", "s" });
        np.copyto(a, u);
        Assert.Equal(new object?[] { "p", "q", "r", "s" }, StringDTypeTests.Values(a));
    }

    [Fact]
    public void CopiesAndFlattenKeepTheStrings()
    {
        using var a = np.asarray(new[,] { { "a", new string('x', 30) }, { "c", "d" } }, dtype: T);
        using var f = a.Flatten("F");
        Assert.Equal(new object?[] { "a", "c", new string('x', 30), "d" }, StringDTypeTests.Values(f));
        using var copy = np.array(a);
        Assert.Equal("array([['a', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],\n       ['c', 'd']], dtype=StringDType())", np.repr(copy));
    }

    // Stacking arrays of two descriptors promotes them (common_instance) and casts each in.
    [Fact]
    public void StackingArraysOfDifferentDescriptors()
    {
        using var plain = np.asarray(new[] { "a", new string('p', 20) }, dtype: T);
        using var withNA = np.asarray(new object?[] { null, new string('n', 20) }, dtype: np.dtypes.StringDType(naObject: null));
        using var both = np.asarray(new object[] { plain, withNA });
        Assert.Equal(np.dtypes.StringDType(naObject: null), both.DType);
        Assert.Equal(new object?[] { "a", new string('p', 20), null, new string('n', 20) }, StringDTypeTests.Values(both.Flatten()));
        using var mixed = np.asarray(new object[] { plain, np.asarray(new[] { "u1", "u2" }) });
        Assert.Equal(T, mixed.DType);
    }
}

/// <summary>New StringDType arrays never hold leftover bytes.</summary>
public sealed class StringDTypeInitTests
{
    // dtype.c new_stringdtype_instance sets NPY_NEEDS_INIT: np.empty(n, dtype="T") holds empty strings. The float64
    // arrays allocated and freed first leave bytes behind in memory the allocator may hand out again.
    [Fact]
    public void EmptyHoldsEmptyStrings()
    {
        for (int i = 0; i < 4; i++)
        {
            using var scribble = np.full(20_000, 1.5e-300);
        }
        using var a = np.empty(20_000, np.dtypes.StringDType());
        for (int i = 0; i < a.Size; i += 997)
            Assert.Equal("", a.GetValue(i));
    }
}

/// <summary>StringDType arrays cannot be made over foreign bytes.</summary>
public sealed class StringDTypeBufferTests
{
    // ctors.c PyArray_FromBuffer: a dtype with NPY_ITEM_REFCOUNT (StringDType sets it) is
    // "cannot create an OBJECT array from memory buffer" (ValueError).
    [Fact]
    public void FromBufferIsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => np.frombuffer(new byte[32], np.dtypes.StringDType()));
        Assert.StartsWith("cannot create an OBJECT array from memory buffer", e.Message);
    }
}
