using System.Numerics;

namespace NumNet.Tests.Creation;

/// <summary>np.frombuffer, np.fromiter, the *_like family and asarray_chkfinite, against NumPy 1.24's answers.</summary>
public class BufferAndIterTests
{
    private static readonly byte[] Six = [1, 0, 2, 0, 3, 0];

    [Fact]
    public void FromBufferIsAWritableViewOfAByteArray()
    {
        var bytes = (byte[])Six.Clone();
        var a = np.frombuffer(bytes, np.int16);
        Assert.Equal("array([1, 2, 3], dtype=int16)", np.repr(a));
        Assert.True(a.IsWriteable);
        Assert.Same(bytes, a.Base);
        a.SetItem((short)0x0102, 2);
        Assert.Equal(new byte[] { 2, 1 }, bytes[4..]);
    }

    [Fact]
    public void FromBufferOfReadOnlyMemoryOrBytesIsReadOnly()
    {
        var a = np.frombuffer(new Bytes(Six), np.int16);
        Assert.Equal("array([1, 2, 3], dtype=int16)", np.repr(a));
        Assert.False(a.IsWriteable);
        Assert.False(np.frombuffer((ReadOnlyMemory<byte>)Six, np.int16).IsWriteable);
        Assert.Equal("array([], dtype=int16)", np.repr(np.frombuffer(new Bytes([]), np.int16)));
    }

    [Fact]
    public void CountOffsetAndByteOrder()
    {
        Assert.Equal("array([512, 768], dtype=int16)", np.repr(np.frombuffer(Six, np.int16, count: 2, offset: 1)));
        Assert.Equal("array([258, 515], dtype='>i2')", np.repr(np.frombuffer(new byte[] { 1, 2, 2, 3 }, np.dtype(">i2"))));
        // Typed arrays are read as their bytes.
        Assert.Equal(1.0, np.frombuffer(new[] { 1.0, 2.0 }).GetItem<double>(0));
        Assert.Equal([4L], np.frombuffer(new[] { 1.0, 2.0 }, np.float32).Shape);
    }

    [Theory]
    [InlineData(-1L, 0L, "int32", "buffer size must be a multiple of element size")]
    [InlineData(4L, 0L, "int16", "buffer is smaller than requested size")]
    [InlineData(-1L, 7L, "int16", "offset must be non-negative and no greater than buffer length (6)")]
    [InlineData(-1L, -1L, "int16", "offset must be non-negative and no greater than buffer length (6)")]
    [InlineData(-1L, 0L, "object", "cannot create an OBJECT array from memory buffer")]
    [InlineData(-1L, 0L, "V0", "itemsize cannot be zero in type")]
    [InlineData(-1L, 0L, "float64", "buffer size must be a multiple of element size")]
    public void FromBufferErrors(long count, long offset, string dtype, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => np.frombuffer(Six, np.dtype(dtype), count, offset));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void FromBufferRefusesWhatIsNotBytesLike()
    {
        Assert.StartsWith("a bytes-like object is required, not 'List`1'",
            Assert.ThrowsAny<ArgumentException>(() => np.frombuffer(new List<int> { 1, 2 })).Message);
        Assert.StartsWith("ndarray is not C-contiguous",
            Assert.ThrowsAny<ArgumentException>(() => np.frombuffer(np.arange(6)[np.s(null, null, 2)])).Message);
        var whole = np.arange(3);
        var view = np.frombuffer(whole, np.int32);
        Assert.Equal([6L], view.Shape);
        Assert.True(np.shares_memory(view, whole));
    }

    [Fact]
    public void FromIterStoresEachItem()
    {
        Assert.Equal("array([0., 1., 2., 3., 4.], dtype=float32)", np.repr(np.fromiter(Enumerable.Range(0, 5), np.float32)));
        Assert.Equal("array([0., 1., 2.], dtype=float32)", np.repr(np.fromiter(Enumerable.Range(0, 5), np.float32, count: 3)));
        Assert.Equal("array([0, 1], dtype=object)", np.repr(np.fromiter(Enumerable.Range(0, 2), np.object_)));
        Assert.Equal("array(['a', 'bc'], dtype='<U2')", np.repr(np.fromiter(new[] { "a", "bcd" }, np.dtype("U2"))));
        Assert.Equal("array([1, 2])", np.repr(np.fromiter(new object[] { 1.9, new BigInteger(2) }, np.int64)));
    }

    [Fact]
    public void FromIterErrors()
    {
        Assert.Equal("iterator too short: Expected 3 but iterator had only 2 items.",
            Assert.ThrowsAny<ArgumentException>(() => np.fromiter(Enumerable.Range(0, 2), np.float32, count: 3)).Message.Split(" (Parameter")[0]);
        Assert.StartsWith("Must specify length when using variable-size data-type.",
            Assert.ThrowsAny<ArgumentException>(() => np.fromiter(new[] { "a" }, np.dtype("U"))).Message);
        Assert.StartsWith("setting an array element with a sequence.",
            Assert.ThrowsAny<ArgumentException>(() => np.fromiter(new object[] { new[] { 1, 2 } }, np.int64)).Message);
    }

    [Fact]
    public void LikeKeepsTheLayoutForOrderK()
    {
        using var c = np.ones([2, 3]);
        var t = c.T;
        using var z = np.zeros_like(t);
        Assert.Equal([3L, 2], z.Shape);
        Assert.True(z.IsFContiguous);
        Assert.Equal("[[0. 0.]\n [0. 0.]\n [0. 0.]]", z.ToString());
        Assert.True(np.zeros_like(t, order: "C").IsCContiguous);
        var o = np.ones_like(t, np.int8);
        Assert.Equal(np.int8, o.DType);
        Assert.Equal([1L, 3], o.Strides);
        Assert.Equal("[[7 7]\n [7 7]\n [7 7]]", np.full_like(t, 7.9, np.int32).ToString());
        Assert.Equal(np.float64, np.full_like(t, 7).DType);
        Assert.Equal([4L], np.empty_like(t, shape: [4]).Shape);
        Assert.True(np.empty_like(t, shape: [5, 4]).IsFContiguous);
    }

    [Fact]
    public void ChkFiniteRefusesNanAndInfinity()
    {
        Assert.Equal("array must not contain infs or NaNs",
            Assert.ThrowsAny<ArgumentException>(() => np.asarray_chkfinite(new[] { 1.0, double.NaN })).Message.Split(" (Parameter")[0]);
        Assert.ThrowsAny<ArgumentException>(() => np.asarray_chkfinite(new[] { new Complex(1, double.PositiveInfinity) }));
        Assert.ThrowsAny<ArgumentException>(() => np.asarray_chkfinite(new[] { LongDouble.PositiveInfinity }));
        Assert.Equal("array([1, 2])", np.repr(np.asarray_chkfinite(new[] { 1L, 2L })));
        Assert.Equal("array(['a'], dtype='<U1')", np.repr(np.asarray_chkfinite(new[] { "a" })));
        // 1e4000 is finite as a float128 though double would overflow it.
        Assert.Equal(1, np.asarray_chkfinite(new[] { LongDouble.Parse("1e4000") }).Size);
    }
}

/// <summary>The typed fromiter overload: no boxing when the items are the dtype's own element type, same answers otherwise.</summary>
public class TypedFromIterTests
{
    [Fact]
    public void TypedItemsOfTheDtypesOwnType()
    {
        var a = np.fromiter(Enumerable.Range(0, 4).Select(i => i * 0.5), np.float64);
        Assert.Equal("array([0. , 0.5, 1. , 1.5])", np.repr(a));
        Assert.Equal("array([0. , 0.5])", np.repr(np.fromiter(Enumerable.Range(0, 4).Select(i => i * 0.5), np.float64, count: 2)));
        Assert.StartsWith("iterator too short: Expected 5 but iterator had only 4 items.",
            Assert.ThrowsAny<ArgumentException>(() => np.fromiter(Enumerable.Range(0, 4).Select(i => i * 0.5), np.float64, count: 5)).Message);
    }

    [Fact]
    public void OtherTypesStoreAsElementAssignmentDoes()
    {
        Assert.Equal("array([0, 1, 2], dtype=int8)", np.repr(np.fromiter(new[] { 0.5, 1.9, 2.1 }, np.int8)));
        Assert.Equal("array([ True, False])", np.repr(np.fromiter(new[] { 3, 0 }, np.bool_)));
    }
}
