using System.Numerics.Tensors;

namespace NumNet.Tests.Creation;

/// <summary>NDArray → System.Numerics.Tensors: spans over the array's own memory, tensors that share it when they can.</summary>
public class TensorExportTests
{
    [Fact]
    public void TensorSpanSharesNativeMemoryBothWays()
    {
        using var a = np.arange(12).AsType(np.float64).Reshape(3, 4);
        var span = a.AsTensorSpan<double>();
        Assert.Equal([3, 4], span.Lengths.ToArray());
        Assert.Equal(6.0, span[1, 2]);
        span[2, 3] = -1;
        Assert.Equal(-1.0, a.GetItem<double>(2, 3));
        a.SetItem(42.0, 0, 1);
        Assert.Equal(42.0, span[0, 1]);
    }

    [Fact]
    public void TransposedAndSteppedViewsKeepTheirStrides()
    {
        var a = np.arange(12).Reshape(3, 4);
        var t = a.T[new Slice(null, null, 2)]; // shape (2, 3): columns 0 and 2
        var span = t.AsReadOnlyTensorSpan<long>();
        Assert.Equal([2, 3], span.Lengths.ToArray());
        Assert.Equal([2, 4], span.Strides.ToArray());
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(t.GetItem<long>(i, j), span[i, j]);
    }

    [Fact]
    public void NegativeStridesAndWrongElementTypesAreRefused()
    {
        var a = np.arange(5);
        var reversed = a[new Slice(null, null, -1)];
        var e = Assert.Throws<ArgumentException>(() => reversed.AsReadOnlyTensorSpan<long>());
        Assert.Contains("negative stride", e.Message);
        e = Assert.Throws<ArgumentException>(() => a.AsReadOnlyTensorSpan<int>());
        Assert.Contains("int64", e.Message);
        Assert.Throws<ArgumentException>(() => a.AsType(">i8").AsReadOnlyTensorSpan<long>());
        // A tensor that copies is still possible, in logical order.
        var copied = reversed.AsTensor<long>();
        Assert.Equal([4L, 3, 2, 1, 0], copied.ToArray());
    }

    [Fact]
    public void ReadOnlyArraysGiveOnlyReadOnlySpansAndTensorsThatCopy()
    {
        var backing = new double[] { 1, 2, 3 };
        var a = np.asarray((ReadOnlyMemory<double>)backing);
        Assert.Throws<ReadOnlyArrayException>(() => a.AsTensorSpan<double>());
        Assert.Equal(2.0, a.AsReadOnlyTensorSpan<double>()[1]);
        var tensor = a.AsTensor<double>();
        tensor[0] = 99;
        Assert.Equal(1.0, backing[0]);
        var e = Assert.Throws<ArgumentException>(() => a.AsTensor<double>(copy: false));
        Assert.Contains("Unable to avoid copy", e.Message);
    }

    [Fact]
    public void TensorOverAManagedArraySharesIt()
    {
        var data = new float[] { 0, 1, 2, 3, 4, 5, 6, 7 };
        var a = np.asarray(data)[new Slice(2, null)].Reshape(2, 3);
        var tensor = a.AsTensor<float>(copy: false);
        Assert.Equal([2, 3], tensor.Lengths.ToArray());
        tensor[1, 2] = -7;
        Assert.Equal(-7f, data[7]);
        Assert.Equal(-7f, a.GetItem<float>(1, 2));
        var copy = a.AsTensor<float>(copy: true);
        copy[0, 0] = 100;
        Assert.Equal(2f, data[2]);
    }

    [Fact]
    public void TensorRoundTripGivesBackTheSameTensor()
    {
        var tensor = Tensor.Create(new int[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        var a = np.asarray(tensor);
        Assert.Same(tensor, a.AsTensor<int>());
        // A view that is not the whole tensor in its own layout is shared only when the memory is a T[]: here it copies.
        Assert.Equal([1, 4], a[":, 0"].AsTensor<int>().ToArray());
    }

    [Fact]
    public void NativeArraysCopyIntoTensorsAndRefuseWhenCopyIsFalse()
    {
        using var a = np.ones([4, 4], np.float32);
        Assert.Throws<ArgumentException>(() => a.AsTensor<float>(copy: false));
        var tensor = a.AsTensor<float>();
        Assert.Equal(16, tensor.FlattenedLength);
        Assert.True(tensor.IsDense);
    }

    [Fact]
    public void ZeroDimensionalAndEmptyArrays()
    {
        var scalar = np.asarray(2.5);
        var span = scalar.AsReadOnlyTensorSpan<double>();
        Assert.Equal(1, span.Rank);
        Assert.Equal(2.5, span[0]);
        Assert.Equal([2.5], scalar.AsTensor<double>().ToArray());
        using var empty = np.zeros([3, 0], np.int16);
        Assert.Equal(0, empty.AsReadOnlyTensorSpan<short>().FlattenedLength);
        Assert.Equal([3, 0], empty.AsTensorSpan<short>().Lengths.ToArray());
        Assert.Equal(0, empty.AsTensor<short>().FlattenedLength);
    }
}
