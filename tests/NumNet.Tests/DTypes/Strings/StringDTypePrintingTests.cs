namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// Printing StringDType arrays as NumPy 2 does: elements by Python's repr (arrayprint's fallback 'numpystr'
/// formatter), and after <c>dtype=</c> the dtype's own repr (arrayprint.dtype_short_repr for a custom repr).
/// </summary>
public sealed class StringDTypePrintingTests
{
    // NEP 55 / test_stringdtype.py test_repr: array(['hello', 'world'], dtype=StringDType()).
    [Fact]
    public void ReprNamesTheDType()
    {
        using var a = np.asarray(new[] { "a", "bc" }, dtype: np.dtypes.StringDType());
        Assert.Equal("array(['a', 'bc'], dtype=StringDType())", np.repr(a));
        Assert.Equal("['a' 'bc']", np.str(a));
    }

    // test_stringdtype.py test_null_roundtripping repr: missing values print as the sentinel's repr.
    [Fact]
    public void MissingValuesPrintAsTheirSentinel()
    {
        using var none = np.asarray(new object?[] { "a", null }, dtype: np.dtypes.StringDType(naObject: null));
        Assert.Equal("array(['a', None], dtype=StringDType(na_object=None))", np.repr(none));
        using var nan = np.asarray(new object?[] { "a", double.NaN }, dtype: np.dtypes.StringDType(double.NaN));
        Assert.Equal("array(['a', nan], dtype=StringDType(na_object=nan))", np.repr(nan));
    }

    [Fact]
    public void EmptyAndZeroDimensional()
    {
        using var empty = np.asarray(Array.Empty<string>(), dtype: np.dtypes.StringDType());
        Assert.Equal("array([], dtype=StringDType())", np.repr(empty));
        using var scalar = np.asarray("hi", dtype: np.dtypes.StringDType());
        Assert.Equal("array('hi', dtype=StringDType())", np.repr(scalar));
        Assert.Equal("hi", np.str(scalar));
    }
}

/// <summary>Item access and the 'numpystr' formatter key.</summary>
public sealed class StringDTypeItemTests
{
    [Fact]
    public void ItemOfAZeroDimensionalArrayIsTheString()
    {
        using var scalar = np.asarray("hi", dtype: np.dtypes.StringDType());
        Assert.Equal("hi", scalar.Item());
        using var missing = np.asarray(new object?[] { null }, dtype: np.dtypes.StringDType(naObject: null));
        Assert.Null(missing.Item());
    }

    // arrayprint._get_format_function: a dtype whose type is no NumPy scalar type (StringDType's is str) falls to
    // formatdict['numpystr'], so a 'numpystr' formatter applies.
    [Fact]
    public void NumpystrFormatterApplies()
    {
        using var a = np.asarray(new[] { "a", "bc" }, dtype: np.dtypes.StringDType());
        var formatter = new Dictionary<string, Func<object?, string>> { ["numpystr"] = v => "<" + v + ">" };
        Assert.Equal("[<a> <bc>]", np.array2string(a, formatter: formatter));
    }
}
