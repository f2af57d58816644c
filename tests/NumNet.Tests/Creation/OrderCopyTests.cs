namespace NumNet.Tests.Creation;

/// <summary>The order/copy matrix on array inputs, with strides and flags as NumPy 1.24/2.x give them.</summary>
public class OrderCopyTests
{
    private static NDArray C23() => np.asarray(new double[,] { { 0, 1, 2 }, { 3, 4, 5 } }).Copy(MemoryOrder.C);

    [Theory]
    [InlineData(null, null, true, 24, 8)]
    [InlineData("C", null, true, 24, 8)]
    [InlineData("F", null, false, 8, 16)]
    [InlineData("A", null, true, 24, 8)]
    [InlineData("K", true, false, 24, 8)]
    [InlineData("F", true, false, 8, 16)]
    public void COrderedInput(string? order, bool? copy, bool same, long s0, long s1)
    {
        var a = C23();
        var r = np.asarray(a, order: order, copy: copy);
        Assert.Equal(same, ReferenceEquals(a, r));
        Assert.Equal([s0, s1], r.Strides);
        Assert.Equal(same, np.shares_memory(a, r));
    }

    [Fact]
    public void TransposedViewKeepsItsLayoutUnderK()
    {
        var t = C23().T;
        Assert.Same(t, np.asarray(t));
        Assert.Same(t, np.asarray(t, order: "F", copy: false));
        Assert.Throws<ArgumentException>(() => np.asarray(t, order: "C", copy: false));
        var copied = np.asarray(t, copy: true);
        Assert.Equal([8L, 24], copied.Strides);
        Assert.True(copied.OwnsData);
        var cast = np.asarray(t, np.float32);
        Assert.Equal([4L, 12], cast.Strides);
        Assert.Equal([16L, 8], np.asarray(t, order: "C").Strides);
    }

    [Fact]
    public void NegativeStridesBecomePositiveOnCopy()
    {
        var reversed = np.arange(4)[np.s(step: -1)];
        Assert.Equal([-8L], np.asarray(reversed).Strides);
        var copy = np.asarray(reversed, copy: true);
        Assert.Equal([8L], copy.Strides);
        Assert.Equal(3L, copy.GetItem<long>(0));
    }

    [Fact]
    public void EquivalentDTypeUnderAnotherNameIsAView()
    {
        var a = np.asarray(new long[] { 1, 2 });
        var q = np.array(a, "q", copy: false);
        Assert.NotSame(a, q);
        Assert.True(np.shares_memory(a, q));
        Assert.False(q.OwnsData);
        Assert.Same(a, np.asarray(a, "int64"));
    }

    [Fact]
    public void ArrayCopiesByDefaultAndPrependsOnes()
    {
        var a = C23();
        var r = np.array(a);
        Assert.NotSame(a, r);
        Assert.True(r.OwnsData);
        var four = np.array(a, ndmin: 4);
        Assert.Equal([1L, 1, 2, 3], four.Shape);
        Assert.Equal([48L, 48, 24, 8], four.Strides);
        var f = np.array(a, ndmin: 4, order: "F");
        Assert.Equal([8L, 8, 8, 16], f.Strides);
        Assert.Equal([8L, 8, 8], np.array(new[] { 1L, 2L }.ToList(), ndmin: 3, order: "F").Strides[..3]);
    }

    [Fact]
    public void ContiguousHelpersTakeAnyInput()
    {
        var t = C23().T;
        var c = np.ascontiguousarray(t);
        Assert.True(c.IsCContiguous);
        var f = np.asfortranarray(new List<object?> { new object[] { 1, 2 }, new object[] { 3, 4 } });
        Assert.True(f.IsFContiguous);
        Assert.Equal(4, f.GetItem<int>(1, 1));
        Assert.Equal([1L], np.ascontiguousarray(5.0).Shape);
        var copy = np.copy(t);
        Assert.Equal([8L, 24], copy.Strides);
        Assert.False(np.shares_memory(copy, t));
    }

    [Fact]
    public void NestedListsInFortranOrder()
    {
        var f = np.asarray(new object[] { new object[] { 1.0, 2.0 }, new object[] { 3.0, 4.0 } }, order: "F");
        Assert.Equal([8L, 16], f.Strides);
        Assert.Equal(2.0, f.GetItem<double>(0, 1));
    }
}
