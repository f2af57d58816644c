using System.Numerics;

namespace NumNet.Tests.Layout;

/// <summary>view(dtype), tolist, tobytes and ToArray, against NumPy 1.24's answers.</summary>
public class ConversionTests
{
    private static NDArray A() => np.arange(6).AsType(np.int32).Reshape(2, 3);

    [Fact]
    public void ViewWithTheSameItemSizeKeepsTheLayout()
    {
        var a = A();
        var f = a.View(np.float32);
        Assert.Equal("array([[0.e+00, 1.e-45, 3.e-45],\n       [4.e-45, 6.e-45, 7.e-45]], dtype=float32)", np.repr(f));
        Assert.Equal([12L, 4], f.Strides);
        Assert.True(np.shares_memory(a, f));
        Assert.Equal("array(7.e-45, dtype=float32)", np.repr(np.asarray(5).View("float32")));
    }

    [Fact]
    public void ViewWithAnotherItemSizeScalesTheLastAxis()
    {
        var a = A();
        var h = a.View(np.int16);
        Assert.Equal("array([[0, 0, 1, 0, 2, 0],\n       [3, 0, 4, 0, 5, 0]], dtype=int16)", np.repr(h));
        Assert.Equal([12L, 2], h.Strides);
        var wide = a[":, :2"].View(np.int64);
        Assert.Equal("array([[ 4294967296],\n       [17179869187]])", np.repr(wide));
        Assert.Equal([12L, 8], wide.Strides);
        Assert.Equal("array([[b'', b'', b'\\x01', b'', b'\\x02', b''],\n       [b'\\x03', b'', b'\\x04', b'', b'\\x05', b'']], dtype='|S2')",
            np.repr(a.View("S2")));
    }

    [Theory]
    [InlineData("int64", false, "When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array.")]
    [InlineData("V3", false, "When changing to a smaller dtype, its size must be a divisor of the size of original dtype")]
    [InlineData("int16", true, "To change to a dtype of a different size, the last axis must be contiguous")]
    [InlineData("object", false, "Cannot change data-type for object array.")]
    public void ViewErrors(string dtype, bool transposed, string message)
    {
        var a = transposed ? A().T : A();
        Assert.StartsWith(message, Assert.ThrowsAny<ArgumentException>(() => a.View(dtype)).Message);
    }

    [Fact]
    public void ViewErrorsOfZeroDimensionalAndObjectArrays()
    {
        Assert.StartsWith("Changing the dtype of a 0d array is only supported if the itemsize is unchanged",
            Assert.ThrowsAny<ArgumentException>(() => np.asarray(5).View("int16")).Message);
        Assert.StartsWith("Cannot change data-type for object array.",
            Assert.ThrowsAny<ArgumentException>(() => np.asarray(new object?[] { null }).View("int64")).Message);
    }

    [Fact]
    public void ToListNestsBoxedValues()
    {
        var list = Assert.IsType<List<object?>>(A().AsType(np.int64).ToList());
        Assert.Equal(2, list.Count);
        Assert.Equal(new object?[] { 3L, 4L, 5L }, Assert.IsType<List<object?>>(list[1]));
        Assert.Equal(2.5, np.asarray(2.5).ToList());
        Assert.Equal(new object?[] { "a", "bc" }, Assert.IsType<List<object?>>(np.asarray(new[] { "a", "bc" }).ToList()));
        Assert.Equal(new object?[] { new Complex(1, 2) }, Assert.IsType<List<object?>>(np.asarray(new[] { new Complex(1, 2) }).ToList()));
    }

    [Fact]
    public void ToBytesReadsInTheOrderAskedFor()
    {
        var t = A().T;
        byte[] C(params int[] values) => values.SelectMany(BitConverter.GetBytes).ToArray();
        Assert.Equal(C(0, 3, 1, 4, 2, 5), t.ToBytes());
        Assert.Equal(C(0, 1, 2, 3, 4, 5), t.ToBytes("F"));
        Assert.Equal(C(0, 1, 2, 3, 4, 5), t.ToBytes("A"));
        Assert.Equal(C(0, 1, 2, 3, 4, 5), t.ToBytes("K"));
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, np.asarray(new[] { 1 }).AsType(">i4").ToBytes());
        Assert.Empty(np.zeros([0, 3]).ToBytes());
        Assert.Throws<NotSupportedException>(() => np.asarray(new object?[] { 1 }, dtype: np.object_).ToBytes());
    }

    [Fact]
    public void ToArrayCopiesInCOrder()
    {
        Assert.Equal([0, 3, 1, 4, 2, 5], A().T.ToArray<int>());
        Assert.Equal([2L, 1, 0], np.arange(3)[np.s(null, null, -1)].ToArray<long>());
        Assert.Empty(np.zeros([0]).ToArray<double>());
        Assert.Equal([0L, 1, 2, 3, 4, 5], A().ToArray<long>());       // converted, as astype(int64) would
        Assert.Throws<InvalidCastException>(() => np.asarray(new[] { 1.5 }).ToArray<int>());   // float64 -> int32 is not same_kind
    }
}
