using NumNet.DTypes;
using NumNet.DTypes.Promotion;

namespace NumNet.Tests.Casting;

/// <summary>
/// One promotion for discovery, <c>promote_types</c> and <c>result_type</c> (issue 14): each case here gave different
/// answers on the different paths before.
/// </summary>
public sealed class PromotionTests
{
    [Fact]
    public void TimedeltaWithUInt64HasNoCommonDType()
    {
        var e = Assert.Throws<InvalidCastException>(() => np.promote_types("m8[s]", np.uint64));
        Assert.Contains("timedelta64", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidCastException>(() => np.result_type(np.dtype("m8[s]"), np.uint64));
    }

    [Fact]
    public void AsArrayOfTimedeltaAndUInt64FallsBackToObject()
    {
        var td = np.asarray(new long[] { 1, 2 }).AsType("m8[s]");
        var u = np.asarray(new ulong[] { 3, 4 });
        var both = np.asarray(new object[] { td, u });
        Assert.Equal(np.object_, both.DType);
        Assert.Equal([2L, 2L], both.Shape);
        // Each array's elements keep their own scalar type, as NumPy stores timedelta objects and ints.
        Assert.Equal(new TimeDelta64(1, new DateTimeMetadata(DateTimeUnit.Seconds, 1)), both.GetValue(0, 0));
        Assert.Equal("3", Convert.ToString(both.GetValue(1, 0), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AsArrayOfTimedeltaAndInt64PromotesToTimedelta()
    {
        var td = np.asarray(new long[] { 1, 2 }).AsType("m8[s]");
        var i = np.asarray(new long[] { 3, 4 });
        Assert.Equal(np.dtype("m8[s]"), np.asarray(new object[] { td, i }).DType);
    }

    [Fact]
    public void ResultTypePromotesTheWholeSequence()
    {
        // Pair by pair, uint8 and int8 give int16, and int16 with float16 float32; NumPy promotes all three at once.
        Assert.Equal(np.float16, np.result_type(np.uint8, np.int8, np.float16));
        Assert.Equal(np.float16, np.result_type(np.float16, np.uint8, np.int8));
        Assert.Equal(np.float32, np.promote_types(np.promote_types(np.uint8, np.int8), np.float16));
    }

    [Fact]
    public void WeakPythonNumbersOnlyLiftTheKindOfTheSequence()
    {
        // NumPy 2 promotes the dtypes and the Python numbers' abstract DTypes as one sequence: float16 already is a
        // float, so a Python float keeps it; an integer-only sequence goes to float64.
        Assert.Equal(np.float16, np.result_type(np.uint8, PythonScalar.Float(1.5), np.float16));
        Assert.Equal(np.float64, np.result_type(np.uint8, PythonScalar.Float(1.5), np.int8));
        Assert.Equal(np.complex64, np.result_type(np.float16, PythonScalar.Complex(new System.Numerics.Complex(1, 2)), np.int8));
        Assert.Equal(np.uint8, np.result_type(np.uint8, PythonScalar.Int(1), np.bool_));
    }

    [Fact]
    public void ResultTypeOfManyOperandsPromotesInOneStep()
    {
        var many = Enumerable.Repeat<object?>(np.int8, 40).Append(np.uint8).Append(np.float16).ToArray();
        Assert.Equal(np.float16, np.result_type(many));
    }

    [Theory]
    [InlineData("i8", "U", "<U21")]
    [InlineData("?", "S", "|S5")]
    [InlineData("S3", "U2", "<U3")]
    [InlineData(">f8", "U", "<U32")]
    [InlineData("M8[s]", "m8[Y]", "<M8[s]")]
    [InlineData("m8", "M8", "<M8")]
    [InlineData("m8[s]", "?", "<m8[s]")]
    [InlineData("V4", "V4", "|V4")]
    [InlineData(">i4", ">i4", "<i4")]
    public void PromoteTypes(string a, string b, string expected)
    {
        Assert.Equal(expected, np.promote_types(a, b).Str);
        Assert.Equal(expected, np.promote_types(b, a).Str);
    }

    [Theory]
    [InlineData("V4", "V8")]
    [InlineData("m8[s]", "m8[Y]")]
    [InlineData("M8[s]", "i8")]
    [InlineData("U", "M8[s]")]
    [InlineData("S3", "V4")]
    [InlineData("f2", "m8")]
    public void NoCommonDType(string a, string b)
    {
        Assert.Throws<InvalidCastException>(() => np.promote_types(a, b));
        Assert.Throws<InvalidCastException>(() => np.promote_types(b, a));
    }

    [Fact]
    public void EveryClassHasPromotionAndTextSlots()
    {
        // A new dtype registered without slots fails to compile (they are required); this names the table's coverage.
        foreach (var family in DTypeRegistry.Families)
        {
            Assert.NotNull(family.Promotion);
            Assert.NotNull(family.Text);
            Assert.Same(family, DTypePromotion.CommonClass(family, family));
        }
        Assert.Equal(Enum.GetValues<DTypeCode>().Length, DTypeRegistry.Families.Length);
    }
}
