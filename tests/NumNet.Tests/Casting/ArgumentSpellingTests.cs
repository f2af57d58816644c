namespace NumNet.Tests.Casting;

/// <summary>
/// Every order and casting argument takes both spellings: the enum (<c>MemoryOrder.F</c>, <c>CastingRule.Safe</c>)
/// and NumPy's text, with NumPy's errors for bad text.
/// </summary>
public class ArgumentSpellingTests
{
    [Fact]
    public void OrderTakesTheEnumOrTheText()
    {
        using var m = np.arange(6).Reshape(2, 3);
        using var f1 = np.asarray(m, order: MemoryOrder.F);
        using var f2 = np.asarray(m, order: "f");
        Assert.True(f1.IsFContiguous && f2.IsFContiguous);
        using var a = np.array(m, order: MemoryOrder.F);
        Assert.True(a.IsFContiguous);
        using var z = np.zeros([2, 3], order: MemoryOrder.F);
        Assert.Equal([8L, 16], z.Strides);
        using var r = np.ravel(m, order: MemoryOrder.F);
        Assert.Equal([0L, 3, 1, 4, 2, 5], r.ToArray<long>());
        using var c = m.AsType(np.float32, order: MemoryOrder.F);
        Assert.True(c.IsFContiguous);
    }

    [Fact]
    public void BadOrderTextIsNumPysValueError()
    {
        using var m = np.arange(6);
        Assert.Throws<ArgumentException>(() => np.asarray(m, order: "X"));
        Assert.Throws<ArgumentException>(() => np.zeros(3, order: MemoryOrder.K));   // only C or F here
    }

    [Fact]
    public void CastingTakesTheEnumOrTheText()
    {
        using var f = np.asarray(new[] { 1.5 });
        Assert.Throws<InvalidCastException>(() => f.AsType(np.int64, casting: CastingRule.Safe));
        Assert.Throws<InvalidCastException>(() => f.AsType(np.int64, casting: "same_kind"));
        using var ok = f.AsType(np.float32, casting: CastingRule.SameKind);
        Assert.Equal(np.float32, ok.DType);
        Assert.True(np.can_cast(np.int8, np.int16, CastingRule.Safe));
        Assert.False(np.can_cast(np.int16, np.int8, "safe"));
        Assert.False(np.can_cast(np.int16, np.int8));                                 // the default rule is "safe"
        Assert.Equal("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got 'sometimes')",
            Assert.Throws<ArgumentException>(() => np.can_cast(np.int8, np.int16, "sometimes")).Message.Split(" (Parameter")[0]);
    }
}
