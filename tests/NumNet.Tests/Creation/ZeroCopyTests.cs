using System.Numerics.Tensors;

namespace NumNet.Tests.Creation;

/// <summary>asarray over caller memory is a view: shared memory, writes visible both ways, the caller's object as base.</summary>
public class ZeroCopyTests
{
    [Fact]
    public void TwoDimensionalArrayIsAView()
    {
        var data = new double[,] { { 1, 2, 3 }, { 4, 5, 6 } };
        var a = np.asarray(data);
        Assert.Equal(np.float64, a.DType);
        Assert.Equal([2L, 3], a.Shape);
        Assert.Equal([24L, 8], a.Strides);
        Assert.Same(data, a.Base);
        Assert.False(a.OwnsData);
        a.SetItem(10.0, 1, 2);
        Assert.Equal(10.0, data[1, 2]);
        data[0, 0] = -1;
        Assert.Equal(-1.0, a.GetItem<double>(0, 0));
        Assert.True(np.shares_memory(a, np.asarray(data)));
    }

    [Fact]
    public void BoxedTypedArrayIsAViewToo()
    {
        object data = new int[] { 1, 2, 3 };
        var a = np.asarray(data);
        Assert.Equal(np.int32, a.DType);
        a.SetItem(7, 0);
        Assert.Equal(7, ((int[])data)[0]);
    }

    [Fact]
    public void ByteArrayIsAUInt8Buffer()
    {
        var bytes = new byte[] { 1, 2, 255 };
        var a = np.asarray(bytes);
        Assert.Equal(np.uint8, a.DType);
        Assert.Same(bytes, a.Base);
    }

    [Fact]
    public void MemoryIsAWritableView()
    {
        var backing = new float[] { 1, 2, 3, 4, 5 };
        var a = np.asarray(backing.AsMemory(1, 3));
        Assert.Equal(np.float32, a.DType);
        Assert.Equal([3L], a.Shape);
        a.SetItem(9f, 0);
        Assert.Equal(9f, backing[1]);
        backing[3] = 42;
        Assert.Equal(42f, a.GetItem<float>(2));
        Assert.True(np.shares_memory(a, np.asarray(backing)));
    }

    [Fact]
    public void ReadOnlyMemoryIsAReadOnlyView()
    {
        var backing = new long[] { 1, 2, 3 };
        var a = np.asarray((ReadOnlyMemory<long>)backing);
        Assert.False(a.IsWriteable);
        Assert.Throws<ReadOnlyArrayException>(() => a.SetItem(5L, 0));
        Assert.Equal(1L, backing[0]);
        backing[0] = 8;
        Assert.Equal(8L, a.GetItem<long>(0));
    }

    [Fact]
    public void ArraySegmentIsAView()
    {
        var backing = new short[] { 1, 2, 3, 4 };
        var a = np.asarray(new ArraySegment<short>(backing, 2, 2));
        a.SetItem((short)-5, 1);
        Assert.Equal(-5, backing[3]);
    }

    [Fact]
    public void ArrayInterfaceIsAView()
    {
        var owner = new double[12];
        var exporter = new Exporter(new ArrayInterfaceInfo([3, 2], "<f8") { Owner = owner, Strides = [32, 8], Offset = 8 });
        var a = np.asarray(exporter);
        Assert.Equal([3L, 2], a.Shape);
        Assert.Same(exporter, a.Base);
        a.SetItem(5.0, 2, 1);
        Assert.Equal(5.0, owner[1 + 2 * 4 + 1]);
        owner[1] = 3;
        Assert.Equal(3.0, a.GetItem<double>(0, 0));
    }

    [Fact]
    public void ArrayInterfaceReachingOutsideItsMemoryIsRejected()
    {
        var owner = new double[4];
        var exporter = new Exporter(new ArrayInterfaceInfo([3, 2], "<f8") { Owner = owner });
        Assert.Throws<ArgumentException>(() => np.asarray(exporter));
        var negative = new Exporter(new ArrayInterfaceInfo([2], "<f8") { Owner = owner, Strides = [-8] });
        Assert.Throws<ArgumentException>(() => np.asarray(negative));
    }

    [Fact]
    public void ReadOnlyArrayInterfaceGivesAReadOnlyArray()
    {
        var exporter = new Exporter(new ArrayInterfaceInfo([2], "|u1") { Owner = new byte[2], ReadOnly = true });
        Assert.False(np.asarray(exporter).IsWriteable);
    }

    [Fact]
    public unsafe void PointerArrayInterfaceIsAView()
    {
        var memory = new int[] { 1, 2, 3, 4 };
        fixed (int* p = memory)
        {
            var exporter = new Exporter(new ArrayInterfaceInfo([2, 2], "<i4") { Pointer = (nint)p, ByteLength = 16 });
            var a = np.asarray(exporter);
            Assert.Equal(4, a.GetItem<int>(1, 1));
            a.SetItem(40, 1, 1);
            Assert.Equal(40, memory[3]);
        }
    }

    [Fact]
    public void NDArrayInputIsReturnedItself()
    {
        var a = np.asarray(new double[] { 1, 2 });
        Assert.Same(a, np.asarray(a));
        Assert.Same(a, np.asarray(a, np.float64, copy: false));
        var b = np.asarray(a, copy: true);
        Assert.NotSame(a, b);
        Assert.False(np.shares_memory(a, b));
    }

    [Fact]
    public void CopyFalseWithADTypeChangeThrows()
    {
        var data = new double[] { 1, 2 };
        var ex = Assert.Throws<ArgumentException>(() => np.asarray(data, np.float32, copy: false));
        Assert.Contains("Unable to avoid copy", ex.Message);
        Assert.Throws<ArgumentException>(() => np.asarray(np.asarray(data), "f4", copy: false));
    }

    [Fact]
    public void DTypeChangeCopiesAndLeavesTheCallerAlone()
    {
        var data = new double[] { 1.5, 2.5 };
        var a = np.asarray(data, "int32");
        Assert.Equal(np.int32, a.DType);
        Assert.True(a.OwnsData);
        a.SetItem(9, 0);
        Assert.Equal(1.5, data[0]);
    }

    [Fact]
    public void TensorIsAViewBothWays()
    {
        var tensor = Tensor.Create(new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var a = np.asarray(tensor);
        Assert.Equal([2L, 3], a.Shape);
        Assert.Equal([12L, 4], a.Strides);
        a.SetItem(60f, 1, 2);
        Assert.Equal(60f, tensor[1, 2]);
        Assert.Same(tensor, a.Base);
        var boxed = np.asarray((object)tensor);
        Assert.True(np.shares_memory(a, boxed));
    }

    [Fact]
    public void TensorSpanAndSpanAreCopied()
    {
        var data = new double[] { 1, 2, 3, 4 };
        var fromSpan = np.array<double>(data.AsSpan());
        fromSpan.SetItem(0.0, 0);
        Assert.Equal(1.0, data[0]);
        var fromTensorSpan = np.array(new ReadOnlyTensorSpan<double>(data, [2, 2]));
        Assert.Equal([2L, 2], fromTensorSpan.Shape);
        Assert.Equal(4.0, fromTensorSpan.GetItem<double>(1, 1));
        Assert.True(fromTensorSpan.OwnsData);
    }

    private sealed class Exporter(ArrayInterfaceInfo info) : IArrayInterface
    {
        public ArrayInterfaceInfo ArrayInterface => info;
    }
}
