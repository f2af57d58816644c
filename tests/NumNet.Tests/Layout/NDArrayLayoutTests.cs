namespace NumNet.Tests.Layout;

public class NDArrayLayoutTests
{
    private static NDArray Arange(long n, params long[] shape) => np.arange(n).Reshape(shape);

    [Fact]
    public void FreshArrayHasNumPyFlagsAndStrides()
    {
        var a = np.zeros([2, 3]);
        Assert.Equal(new long[] { 2, 3 }, a.Shape);
        Assert.Equal(new long[] { 24, 8 }, a.Strides);
        Assert.Equal(2, a.NDim);
        Assert.Equal(6, a.Size);
        Assert.Equal(48, a.NBytes);
        Assert.True(a.IsCContiguous);
        Assert.False(a.IsFContiguous);
        Assert.True(a.OwnsData);
        Assert.True(a.IsWriteable);
        Assert.True(a.IsAligned);
        Assert.Null(a.Base);
        var f = np.zeros([2, 3], order: "F");
        Assert.Equal(new long[] { 8, 16 }, f.Strides);
        Assert.True(f.IsFContiguous && !f.IsCContiguous);
    }

    [Fact]
    public void ZeroDimensionalAndEmptyArrays()
    {
        var s = np.zeros([]);
        Assert.Equal(0, s.NDim);
        Assert.Equal(1, s.Size);
        Assert.True(s.IsCContiguous && s.IsFContiguous);
        s.SetValue(2.5);
        Assert.Equal(2.5, s.Item());
        Assert.Equal(new long[] { 1 }, s.Ravel().Shape);

        var e = np.zeros([0, 3]);
        Assert.Equal(0, e.Size);
        Assert.True(e.IsCContiguous && e.IsFContiguous);
        // NumPy gives new zero-byte arrays all-zero strides.
        Assert.Equal(new long[] { 0, 0 }, e.Strides);
        Assert.Equal(new long[] { 0 }, e.Flatten().Shape);
        Assert.False(np.shares_memory(e, e));
    }

    [Fact]
    public void SizeOneArraysAreBothContiguous()
    {
        var a = Arange(6, 2, 3)[np.s(0, 1), np.s(1, 2)];
        Assert.Equal(new long[] { 1, 1 }, a.Shape);
        Assert.True(a.IsCContiguous && a.IsFContiguous);
    }

    [Fact]
    public void SlicesAreViewsAndWritesAreSeenInTheBase()
    {
        var a = Arange(12, 3, 4);
        var v = a[np.s(1, null), np.s(null, null, 2)];
        Assert.Equal(new long[] { 2, 2 }, v.Shape);
        Assert.Equal(new long[] { 32, 16 }, v.Strides);
        Assert.Same(a.Base, v.Base);
        Assert.False(v.OwnsData);
        v.SetItem(99L, 0, 0);
        Assert.Equal(99L, a.GetItem<long>(1, 0));
        Assert.True(np.shares_memory(a, v));
    }

    [Fact]
    public void ViewsOfViewsNameTheOwnerAsBase()
    {
        var a = np.arange(10);
        var v1 = a[np.s(1, null)];
        var v2 = v1[np.s(null, null, 2)];
        var owner = a.Base is NDArray ab ? ab : a;
        Assert.Same(v1.Base, v2.Base);
        Assert.Equal(new long[] { 16 }, v2.Strides);
        Assert.Equal(1L, v2.GetItem<long>(0));
        Assert.Equal(3L, v2.GetItem<long>(1));
        Assert.NotNull(owner);
    }

    [Fact]
    public void NegativeStrides()
    {
        var a = np.arange(5);
        var r = a[np.s(null, null, -1)];
        Assert.Equal(new long[] { -8 }, r.Strides);
        Assert.Equal(4L, r.GetItem<long>(0));
        Assert.Equal(0L, r.GetItem<long>(-1));
        Assert.False(r.IsCContiguous);
        var c = r.Copy();
        Assert.Equal(new long[] { 8 }, c.Strides);
        Assert.Equal(4L, c.GetItem<long>(0));
        var k = r.Copy(MemoryOrder.K);
        Assert.Equal(new long[] { 8 }, k.Strides);
        Assert.Equal(new long[] { 4, 3, 2, 1, 0 }, Enumerable.Range(0, 5).Select(i => r.Ravel().GetItem<long>(i)).ToArray());
        Assert.True(np.shares_memory(a, r));
        Assert.False(np.shares_memory(a, r.Ravel()));
    }

    [Fact]
    public void StepSlicesFollowPython()
    {
        var a = np.arange(10);
        Assert.Equal(new long[] { 0 }, a[np.s(5, 2)].Shape);
        Assert.Equal(new long[] { 3 }, a[np.s(null, null, 4)].Shape);
        Assert.Equal(new long[] { 4 }, a[np.s(-2, -10, -2)].Shape);
        Assert.Equal(8L, a[np.s(-2, -10, -2)].GetItem<long>(0));
        Assert.Equal(new long[] { 3 }, a[2..5].Shape);
        Assert.Equal(9L, a[^1].Item());
        Assert.Throws<ArgumentException>(() => a[np.s(null, null, 0)]);
    }

    [Fact]
    public void IntegersNewAxisAndEllipsis()
    {
        var a = Arange(24, 2, 3, 4);
        Assert.Equal(new long[] { 3, 4 }, a[1].Shape);
        Assert.Equal(new long[] { 2, 3 }, a[np.Ellipsis, 0].Shape);
        Assert.Equal(new long[] { 2, 1, 3, 4 }, a[np.s(), np.newaxis].Shape);
        Assert.Equal(new long[] { 2, 4 }, a["..., 1, :"].Shape);
        Assert.Equal(23L, a[-1, -1, -1].Item());
        Assert.Equal(new long[] { 1, 2, 3, 4, 1 }, a[np.newaxis, np.Ellipsis, np.newaxis].Shape);
    }

    [Fact]
    public void TransposeAndSwapAxes()
    {
        var a = Arange(24, 2, 3, 4);
        Assert.Equal(new long[] { 4, 3, 2 }, a.T.Shape);
        Assert.Equal(new long[] { 8, 32, 96 }, a.T.Strides);
        Assert.True(a.T.IsFContiguous);
        var t = a.Transpose(1, 0, 2);
        Assert.Equal(new long[] { 3, 2, 4 }, t.Shape);
        Assert.Equal(a.GetItem<long>(1, 2, 3), t.GetItem<long>(2, 1, 3));
        Assert.Equal(new long[] { 4, 3, 2 }, a.SwapAxes(0, -1).Shape);
        Assert.Throws<ArgumentException>(() => a.Transpose(0, 0, 1));
        Assert.Throws<ArgumentException>(() => a.Transpose(0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.SwapAxes(0, 3));
    }

    [Fact]
    public void ReshapeIsAViewWhenNumPyGivesOne()
    {
        var a = Arange(12, 3, 4);
        var r = a.Reshape(2, -1);
        Assert.Equal(new long[] { 2, 6 }, r.Shape);
        Assert.True(np.shares_memory(a, r));
        // A transposed array reshaped in C order needs a copy.
        var t = a.T.Reshape(-1);
        Assert.False(np.shares_memory(a, t));
        Assert.Equal(4L, t.GetItem<long>(1));
        // ... but in F order it is a view.
        var tf = a.T.Reshape([12], MemoryOrder.F);
        Assert.True(np.shares_memory(a, tf));
        // Splitting a strided axis keeps a view.
        var s = np.arange(24)[np.s(null, null, 2)].Reshape(3, 4);
        Assert.Equal(new long[] { 64, 16 }, s.Strides);
        Assert.Throws<ArgumentException>(() => a.Reshape(5, -1));
        Assert.Throws<ArgumentException>(() => a.Reshape(-1, -1));
        Assert.Throws<ArgumentException>(() => a.Reshape(7));
    }

    [Theory]
    [InlineData("C", true)]
    [InlineData("F", false)]
    [InlineData("A", true)]
    [InlineData("K", true)]
    public void RavelOfCArrayIsAViewExactlyWhenNumPyReturnsOne(string order, bool view)
    {
        var a = Arange(6, 2, 3);
        var r = a.Ravel(order);
        Assert.Equal(view, np.shares_memory(a, r));
        var f = a.Flatten(order);
        Assert.False(np.shares_memory(a, f));
        Assert.Equal(r.GetItem<long>(1), f.GetItem<long>(1));
    }

    [Fact]
    public void RavelOrders()
    {
        var a = Arange(6, 2, 3);
        Assert.Equal(3L, a.Ravel(MemoryOrder.F).GetItem<long>(1));
        var t = a.T;
        Assert.True(np.shares_memory(t, t.Ravel(MemoryOrder.F)));
        Assert.True(np.shares_memory(t, t.Ravel(MemoryOrder.K)));
        Assert.True(np.shares_memory(t, t.Ravel(MemoryOrder.A)));
        Assert.False(np.shares_memory(t, t.Ravel(MemoryOrder.C)));
        Assert.Equal(1L, t.Ravel(MemoryOrder.K).GetItem<long>(1));
    }

    [Fact]
    public void CopyKeepsOrFixesOrder()
    {
        var t = Arange(6, 2, 3).T;
        Assert.Equal(new long[] { 8, 24 }, t.Copy(MemoryOrder.K).Strides);
        Assert.Equal(new long[] { 16, 8 }, t.Copy(MemoryOrder.C).Strides);
        Assert.Equal(new long[] { 8, 24 }, t.Copy(MemoryOrder.A).Strides);
        Assert.Same(t, np.asfortranarray(t));
        var c = np.ascontiguousarray(t);
        Assert.True(c.IsCContiguous);
        Assert.Equal(t.GetItem<long>(2, 1), c.GetItem<long>(2, 1));
        Assert.True(c.OwnsData);
    }

    [Fact]
    public void MaySharePerSpanSharesExactly()
    {
        var a = np.arange(10);
        var even = a[np.s(null, null, 2)];
        var odd = a[np.s(1, null, 2)];
        Assert.True(np.may_share_memory(even, odd));
        Assert.False(np.shares_memory(even, odd));
        Assert.False(np.may_share_memory(a, np.arange(10)));
    }

    [Fact]
    public void ReadOnlyArraysRefuseWritesAndStayUnchanged()
    {
        var a = np.arange(3);
        var v = a[np.s()];
        v.SetWriteable(false);
        Assert.Throws<ReadOnlyArrayException>(() => v.SetItem(5L, 0));
        Assert.Throws<ReadOnlyArrayException>(() => v.SetValue(5, 0));
        Assert.Equal(0L, a.GetItem<long>(0));
        // Views of a read-only view start read-only; as in NumPy, the flag may be set again because the owner is writeable.
        var w = v[np.s(1, null)];
        Assert.False(w.IsWriteable);
        w.SetWriteable(true);
        Assert.True(w.IsWriteable);
        // Memory that is read-only itself can never be made writeable.
        var ro = new NDArray(np.float64, new NumNet.Memory.ManagedArrayBuffer(new byte[16], 0, 16, readOnly: true), 0, [2], [8], null);
        Assert.False(ro.IsWriteable);
        Assert.Throws<ArgumentException>(() => ro.SetWriteable(true));
        Assert.Throws<ReadOnlyArrayException>(() => ro.SetItem(1.0, 0));
        a.SetItem(7L, 0);
        Assert.Equal(7L, v.GetItem<long>(0));
    }

    [Fact]
    public void BadIndicesThrowIndexErrors()
    {
        var a = Arange(6, 2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => a[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => a[0, 0, 0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => a.GetItem<long>(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => a.GetItem<long>(-3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => a[np.Ellipsis, np.Ellipsis]);
        Assert.Equal(0.0, a.GetItem<double>(0, 0));                  // a typed read converts (int64 -> float64 is safe)
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => a[5]);
        Assert.Contains("5", ex.Message);
    }

    [Fact]
    public void BadShapesThrowNamingTheValue()
    {
        var neg = Assert.ThrowsAny<ArgumentException>(() => np.zeros([2, -1]));
        Assert.Contains("-1", neg.Message);
        Assert.ThrowsAny<ArgumentException>(() => np.zeros([1L << 40, 1L << 40]));
        Assert.ThrowsAny<ArgumentException>(() => np.zeros([0, 1L << 62, 8]));
        var dims = Assert.ThrowsAny<ArgumentException>(() => np.zeros(Enumerable.Repeat(1L, 65).ToArray()));
        Assert.Contains("65", dims.Message);
        Assert.Equal(64, np.zeros(Enumerable.Repeat(1L, 64).ToArray()).NDim);
        Assert.ThrowsAny<ArgumentException>(() => np.zeros(Enumerable.Repeat(1L, 64).ToArray())[np.newaxis]);
    }

    [Fact]
    public void FailedAssignmentLeavesTheElementUnchanged()
    {
        var a = np.zeros([2], np.int8);
        a.SetValue(5, 0);
        Assert.Throws<OverflowException>(() => a.SetValue(new System.Numerics.BigInteger(300), 0));
        Assert.Throws<ArgumentException>(() => a.SetValue("abc", 0));
        Assert.Equal((sbyte)5, a.GetItem<sbyte>(0));
    }

    [Fact]
    public void ADisposedArrayFailsCleanlyAndItsViewsKeepTheMemory()
    {
        var big = np.zeros([100_000]);
        var view = big[np.s(10, 20)];
        big.Dispose();
        Assert.Throws<ObjectDisposedException>(() => big.GetItem<double>(0));
        Assert.Equal(0.0, view.GetItem<double>(0));
        view.Dispose();
        Assert.True(big.Buffer.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => view.GetItem<double>(0));
        big.Dispose();
    }
}
