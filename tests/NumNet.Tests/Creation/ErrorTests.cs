using System.Numerics;

namespace NumNet.Tests.Creation;

/// <summary>Ragged, self-containing and too-deep input, overflow rules, and that failures leave nothing behind.</summary>
public class ErrorTests
{
    [Fact]
    public void RaggedInputNamesTheDepthAndShape()
    {
        var ex = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { new object[] { 1, 2 }, new object[] { 3 } }));
        Assert.Contains("inhomogeneous shape after 1 dimensions", ex.Message);
        Assert.Contains("(2,)", ex.Message);
        var deeper = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { new object[] { new[] { 1 }, new[] { 2 } }, new object[] { new[] { 3 }, 4 } }));
        Assert.Contains("after 2 dimensions", deeper.Message);
    }

    [Fact]
    public void RaggedInputIntoObjectKeepsTheSubSequences()
    {
        var first = new List<object?> { 1, 2 };
        var second = new List<object?> { 3 };
        var a = np.asarray(new object[] { first, second }, np.object_);
        Assert.Equal([2L], a.Shape);
        Assert.Same(first, a.GetValue(0));
        Assert.Same(second, a.GetValue(1));
    }

    [Fact]
    public void SelfContainingSequenceIsRejected()
    {
        var list = new List<object?>();
        list.Add(list);
        var ex = Assert.Throws<ArgumentException>(() => np.asarray(list));
        Assert.Contains("contains itself", ex.Message);
        // Beside a scalar it is first of all ragged, as NumPy reports it.
        var mixed = new List<object?> { 1 };
        mixed.Add(mixed);
        Assert.Throws<ArgumentException>(() => np.asarray(mixed));
        var outer = new object?[1];
        outer[0] = new object?[] { outer };
        Assert.Throws<ArgumentException>(() => np.asarray(outer, np.object_));
    }

    [Fact]
    public void NestingDeeperThan64IsRejected()
    {
        object inner = 1;
        for (int i = 0; i < 65; i++)
            inner = new object[] { inner };
        var ex = Assert.Throws<ArgumentException>(() => np.asarray(inner));
        Assert.Contains("maximum number of dimension", ex.Message);
        var asObject = np.asarray(inner, np.object_);
        Assert.Equal(64, asObject.NDim);

        object ok = 1;
        for (int i = 0; i < 64; i++)
            ok = new object[] { ok };
        Assert.Equal(64, np.asarray(ok).NDim);

        object veryDeep = 1;
        for (int i = 0; i < 100_000; i++)
            veryDeep = new object[] { veryDeep };
        Assert.Throws<ArgumentException>(() => np.asarray(veryDeep));
    }

    [Fact]
    public void PythonIntsFollowNumPy2Overflow()
    {
        Assert.Throws<OverflowException>(() => np.asarray(new object[] { new BigInteger(128) }, "i1"));
        Assert.Throws<OverflowException>(() => np.asarray(new BigInteger(-1), "u8"));
        Assert.Throws<OverflowException>(() => np.asarray(new object[] { 256.0 }, "u1"));
        Assert.Throws<OverflowException>(() => np.asarray(new object[] { "300" }, "i1"));
        Assert.Equal((byte)255, np.asarray(new object[] { 255.9 }, "u1").GetItem<byte>(0));
        Assert.Equal(-1, np.asarray(new object[] { -1.5 }, "i8").GetItem<long>(0));
        // NumPy scalars (typed .NET numbers) wrap into unsigned dtypes and are checked into signed ones.
        Assert.Equal(uint.MaxValue, np.asarray(new object[] { -1L }, "u4").GetItem<uint>(0));
        Assert.Throws<OverflowException>(() => np.asarray(new object[] { 128L }, "i1"));
        // Arrays cast as C does.
        Assert.Equal((sbyte)-128, np.asarray(np.asarray(new long[] { 128 }), "i1").GetItem<sbyte>(0));
    }

    [Fact]
    public void DiscoveryOfPythonIntsByValue()
    {
        Assert.Equal(np.int64, np.asarray(new object[] { new BigInteger(1), new BigInteger(2) }).DType);
        Assert.Equal(np.uint64, np.asarray(new object[] { BigInteger.Pow(2, 63) }).DType);
        Assert.Equal(np.float64, np.asarray(new object[] { BigInteger.Pow(2, 63), BigInteger.One }).DType);
        Assert.Equal(np.object_, np.asarray(new object[] { BigInteger.Pow(2, 64) }).DType);
    }

    [Fact]
    public void ConversionErrorsMapToDotNetExceptions()
    {
        Assert.Throws<ArgumentException>(() => np.asarray("abc", "f8"));
        Assert.Throws<InvalidCastException>(() => np.asarray(new Complex(1, 2), "f8"));
        Assert.Throws<InvalidCastException>(() => np.asarray(new object?[] { 1, null }, "i8"));
        Assert.True(double.IsNaN(np.asarray(new object?[] { 1, null }, "f8").GetItem<double>(1)));
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { 1 }, order: "X"));
        Assert.Throws<ArgumentException>(() => np.array(5, ndmin: 65));
        Assert.Throws<ArgumentException>(() => np.asarray(new object[] { 1, 2 }, copy: false));
    }

    [Fact]
    public void CopyFalseIsRefusedAfterDiscoverySoItsErrorsComeFirst()
    {
        // PyArray_FromAny_int (ctors.c) discovers dtype and shape before it refuses NPY_COPY_NEVER:
        // np.asarray([[1, 2], [3]], copy=False) is the ragged ValueError, np.asarray([1, 2], copy=False) the refusal.
        var ragged = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { new object[] { 1L, 2L }, new object[] { 3L } }, copy: false));
        Assert.Contains("inhomogeneous shape after 1 dimensions", ragged.Message);
        var refused = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { 1L, 2L }, copy: false));
        Assert.StartsWith("Unable to avoid copy while creating an array as requested.", refused.Message);
    }

    [Fact]
    public void FailureLeavesTheCallerUntouched()
    {
        var data = new double[] { 1, 2, 3 };
        var nested = new object[] { data, new object[] { 1.0, "x", 3.0 } };
        Assert.Throws<ArgumentException>(() => np.asarray(nested, np.float64));
        Assert.Equal([1.0, 2, 3], data);
    }

    [Fact]
    public void StringsAndBytesWithoutSizeTakeTheLongestValue()
    {
        Assert.Equal("<U3", np.asarray(new object[] { new BigInteger(1), new BigInteger(22), new BigInteger(333) }, "U").DType.Str);
        Assert.Equal("|S4", np.asarray(new object[] { true }, "S").DType.Str);
        Assert.Equal("<U21", np.asarray(new object[] { new BigInteger(1), "a" }).DType.Str);
        Assert.Equal("ab", np.asarray(new object[] { "abc" }, "U2").GetValue(0));
    }

    [Fact]
    public void GenericDateTimeTakesTheUnitOfTheText()
    {
        Assert.Equal("<M8[D]", np.asarray(new object[] { "2003-10-02", "2003-10" }, "M8").DType.Str);
        Assert.Equal("<M8[m]", np.asarray(new object[] { "2003-10-02T12:34" }, "M8").DType.Str);
    }
}
