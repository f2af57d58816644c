namespace NumNet.Tests.Layout;

/// <summary>
/// Typed reads and writes convert as <c>astype</c> does under <c>same_kind</c> (or the rule given) when the .NET type
/// is not the dtype's element type, instead of demanding the exact type.
/// </summary>
public class TypedReadTests
{
    [Fact]
    public void ReadsConvertUnderSameKind()
    {
        using var ints = np.arange(3);
        Assert.Equal(2.0, ints.GetItem<double>(2));                       // int64 -> float64 is safe
        Assert.Equal(1, ints.GetItem<int>(1));                            // int64 -> int32 is same_kind
        using var doubles = np.asarray(new[] { 1.5, 2.25 });
        Assert.Equal([1.5f, 2.25f], doubles.ToArray<float>());            // float64 -> float32 is same_kind
        Assert.Throws<InvalidCastException>(() => doubles.GetItem<long>(0));   // float64 -> int64 is not
        Assert.Equal(1L, doubles.GetItem<long>(CastingRule.Unsafe, 0));
        Assert.Equal([1L, 2], doubles.ToArray<long>(casting: "unsafe"));
        using var one = np.asarray(new[] { 7L });
        Assert.Equal(7.0, one.Item<double>());
    }

    [Fact]
    public void NonNativeByteOrderReadsAsTheNativeType()
    {
        // NumPy's own '>i2' files: ToArray<short> used to refuse while GetItem<short> worked.
        using var big = np.asarray(new short[] { 1, -2, 300 }).AsType(">i2");
        Assert.Equal(new short[] { 1, -2, 300 }, big.ToArray<short>());
        Assert.Equal((short)-2, big.GetItem<short>(1));
    }

    [Fact]
    public void WritesConvertUnderSameKind()
    {
        using var a = np.arange(3);
        a.SetItem(5, 0);                                                  // int32 into int64
        Assert.Equal(5L, a.GetItem<long>(0));
        Assert.Throws<InvalidCastException>(() => a.SetItem(1.5, 1));     // float64 into int64 is not same_kind
        a.SetItem(2.75, CastingRule.Unsafe, 1);
        Assert.Equal(2L, a.GetItem<long>(1));
        using var small = np.zeros(2, dtype: np.int8);
        small.SetItem(300L, 0);                                           // int64 -> int8 is same_kind: wraps as astype
        Assert.Equal((sbyte)44, small.GetItem<sbyte>(0));
    }

    [Fact]
    public void TypesThatAreNoElementTypeAreRefusedClearly()
    {
        using var a = np.arange(3);
        var e = Assert.Throws<InvalidCastException>(() => a.GetItem<Guid>(0));
        Assert.Contains("Guid is not the element type of any dtype", e.Message);
    }
}
