namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// StringDType's promotion (<c>numpy/_core/src/multiarray/stringdtype/dtype.c</c> common_dtype / common_instance):
/// <c>U</c> promotes to it; <c>S</c>, numbers and datetimes have no common dtype with it; object holds it.
/// </summary>
public sealed class StringDTypePromotionTests
{
    // dtype.c common_dtype: "allow unicode to promote to PyArray_StringDType", in either order.
    [Fact]
    public void UnicodePromotesToStringDType()
    {
        Assert.Equal(np.dtypes.StringDType(), np.promote_types("U5", np.dtypes.StringDType()));
        Assert.Equal(np.dtypes.StringDType(), np.promote_types(np.dtypes.StringDType(), "U5"));
        Assert.Equal(np.dtypes.StringDType(null), np.promote_types("U5", np.dtypes.StringDType(null)));
        Assert.Equal(np.dtypes.StringDType(), np.result_type(np.dtype("U3"), np.dtypes.StringDType(), np.dtype("U7")));
    }

    // dtype.c common_dtype returns NotImplemented for every class but unicode: S, numbers and datetimes raise
    // DTypePromotionError (InvalidCastException); object's own rule holds everything.
    [Theory]
    [InlineData("S5")]
    [InlineData("int64")]
    [InlineData("float64")]
    [InlineData("bool")]
    [InlineData("M8[s]")]
    public void OtherClassesHaveNoCommonDType(string other)
    {
        Assert.Throws<InvalidCastException>(() => np.promote_types(np.dtype(other), np.dtypes.StringDType()));
        Assert.Throws<InvalidCastException>(() => np.promote_types(np.dtypes.StringDType(), np.dtype(other)));
    }

    [Fact]
    public void ObjectHoldsStringDType() => Assert.Equal(np.dtype("O"), np.promote_types("O", np.dtypes.StringDType()));

    // dtype.c common_instance / stringdtype_common_na_coerce: a sentinel wins over none, coerce only when both do,
    // and two different sentinels are "Cannot find common instance for incompatible dtypes".
    [Fact]
    public void CommonInstanceJoinsMissingValues()
    {
        Assert.Equal(np.dtypes.StringDType(null), np.promote_types(np.dtypes.StringDType(), np.dtypes.StringDType(null)));
        Assert.Equal(np.dtypes.StringDType(coerce: false), np.promote_types(np.dtypes.StringDType(coerce: false), np.dtypes.StringDType()));
        var e = Assert.Throws<InvalidCastException>(() => np.promote_types(np.dtypes.StringDType(null), np.dtypes.StringDType(double.NaN)));
        Assert.Equal("Cannot find common instance for incompatible dtypes 'StringDType(na_object=None)' and 'StringDType(na_object=nan)'", e.Message);
    }
}
