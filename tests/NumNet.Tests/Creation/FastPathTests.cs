using System.Collections.ObjectModel;
using System.Numerics;
using NumNet.Creation;
using NumNet.Layout;

namespace NumNet.Tests.Creation;

/// <summary>
/// The typed and boxed fast paths of asarray (<see cref="TypedSources"/>, <see cref="BoxedRows"/>) against the general
/// pipeline they shortcut: for every input, both must give the same dtype, shape, strides and values, or the same error.
/// </summary>
public class FastPathTests
{
    // The pipeline as it runs without the fast paths: classify, discover, allocate, fill.
    private static NDArray General(object? obj, DType? dtype, MemoryOrder order)
    {
        var request = RequestedDType.For(dtype);
        var classifier = new Classifier(dtype);
        var node = classifier.Resolve(obj);
        if (node.Kind == NodeKind.Array)
            return Decide.FromArray(node.Array!, request, order, null);
        var result = Allocate.For(Discoverer.Run(obj, request, classifier), order);
        Filler.Run(result, obj, classifier);
        return result;
    }

    private static void AssertSameAsGeneral(object? obj, DType? dtype = null, string order = "K")
    {
        var memoryOrder = MemoryOrders.Parse(order);
        Exception? expectedError = null, actualError = null;
        NDArray? expected = null, actual = null;
        try { expected = General(obj, dtype, memoryOrder); } catch (Exception e) { expectedError = e; }
        try { actual = np.asarray(obj, dtype, order); } catch (Exception e) { actualError = e; }
        if (expectedError is not null || actualError is not null)
        {
            Assert.Equal(expectedError?.GetType(), actualError?.GetType());
            Assert.Equal(expectedError!.Message, actualError!.Message);
            return;
        }
        Assert.Equal(expected!.DType.Str, actual!.DType.Str);
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.Strides, actual.Strides);
        Assert.Equal(expected.ToString(), actual.ToString());
        var index = new long[expected.NDim];
        for (long n = 0; n < expected.Size; n++)
        {
            Assert.Equal(expected.GetValue(index), actual.GetValue(index));
            Odometer.Next(index, expected.ShapeRef);
        }
    }

    private sealed class ReadOnlyOnly<T>(T[] values) : IReadOnlyList<T>
    {
        public T this[int index] => values[index];
        public int Count => values.Length;
        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)values).GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static TheoryData<object, string?> TypedCollections() => new()
    {
        { new List<double> { 1.5, -2, double.NaN }, null },
        { new List<int> { 1, 2, 3 }, null },
        { new List<int> { 1, 2, 3 }, "f8" },
        { new List<int> { 1, 2, 3 }, ">i8" },
        { new List<int> { 1, 2, 3 }, "c16" },
        { new List<float> { 1.5f, float.NaN }, "f8" },
        { new List<bool> { true, false }, "u1" },
        { new List<Half> { (Half)1.5 }, null },
        { new List<Complex> { new(1, 2) }, null },
        { new List<Complex> { new(1, 2) }, "f8" },
        { new List<double> { 1.7, -1.7 }, "i4" },
        { new List<double> { double.NaN }, "i8" },
        { new List<long> { 300, -1 }, "u1" },
        { new List<long> { 300 }, "i1" },
        { new List<int> { 1, 22 }, "U" },
        { new List<int> { 1, 22 }, "S3" },
        { new List<int> { 1, 22 }, "O" },
        { new List<long> { 1 }, "M8[s]" },
        { new List<int>(), null },
        { new List<int>(), "i4" },
        { new ReadOnlyCollection<short>([1, 2]), null },
        { new ReadOnlyOnly<ulong>([1, ulong.MaxValue]), null },
        { new ReadOnlyOnly<byte>([]), null },
        { new double[][] { [1, 2, 3], [4, 5, 6] }, null },
        { new double[][] { [1, 2, 3], [4, 5, 6] }, "f4" },
        { new double[][] { [1, 2, 3], [4, 5, 6] }, ">f8" },
        { new double[][] { [1.5, double.NaN] }, "i8" },
        { new double[][] { [1, 2, 3], [4, 5] }, null },
        { new double[][] { [1, 2, 3], null! }, null },
        { new double[][] { [1, 2], [3, 4] }, "O" },
        { new double[][] { [1, 2], [3, 4] }, "U" },
        { new double[][] { [], [] }, null },
        { Array.Empty<double[]>(), null },
        { new Complex[][] { [new(1, 2)] }, "f8" },
        { new int[][] { [1, 2], (int[])(object)new uint[] { 3, uint.MaxValue } }, null },
        { new List<int[]> { new[] { 1, 2 }, new[] { 3, 4 } }, null },
        { new List<int[]> { new[] { 1, 2 }, new[] { 3, 4 } }, "i2" },
    };

    [Theory]
    [MemberData(nameof(TypedCollections))]
    public void TypedCollectionsMatchTheGeneralPipeline(object input, string? dtype)
    {
        AssertSameAsGeneral(input, dtype is null ? null : np.dtype(dtype));
        AssertSameAsGeneral(input, dtype is null ? null : np.dtype(dtype), "F");
    }

    public static TheoryData<object, string?> BoxedInputs()
    {
        object[] Rows(Func<int, int, object?> leaf, int n, int m) =>
            Enumerable.Range(0, n).Select(i => (object)Enumerable.Range(0, m).Select(j => leaf(i, j)).ToArray()).ToArray();
        var self = new List<object?> { 1.0 };
        self.Add(self);
        var selfRows = new object?[2];
        selfRows[0] = new object?[] { 1, 2 };
        selfRows[1] = selfRows;
        return new()
        {
            { Rows((i, j) => (double)(i * 3 + j), 4, 3), null },
            { Rows((i, j) => i * 3 + j, 4, 3), null },
            { Rows((i, j) => (long)(i * 3 + j), 4, 3), null },
            { Rows((i, j) => new BigInteger(i * 3 + j), 4, 3), null },
            { Rows((i, j) => j == 2 ? new BigInteger(i) : (long)i, 4, 3), null },
            { Rows((i, j) => j == 2 ? (object)BigInteger.Pow(2, 63) : new BigInteger(i), 2, 3), null },
            { Rows((i, j) => j == 2 ? (object)(-BigInteger.Pow(2, 63)) : new BigInteger(i), 2, 3), null },
            { Rows((i, j) => (i + j) % 2 == 0, 2, 3), null },
            { Rows((i, j) => (float)j, 2, 3), null },
            { Rows((i, j) => i == 1 && j == 1 ? 2.5 : (object)j, 2, 3), null },
            { Rows((i, j) => i == 1 && j == 1 ? null : (object)1.0, 2, 3), null },
            { Rows((i, j) => i == 1 && j == 1 ? new[] { 1.0 } : (object)1.0, 2, 3), null },
            { Rows((i, j) => (double)j, 3, 2), "f8" },
            { Rows((i, j) => (double)j, 3, 2), "f4" },
            { Rows((i, j) => j, 3, 2), "i8" },
            { Rows((i, j) => j, 3, 2), "O" },
            { Rows((i, j) => 'x', 1, 2), null },
            { Rows((i, j) => "ab", 1, 2), null },
            { new object[] { new object[] { 1, 2 }, new object[] { 3 } }, null },
            { new object[] { new object[] { 1, 2 }, new object[] { 3 } }, "O" },
            { new object[] { new object[] { 1, 2 }, 3 }, null },
            { new object[] { new object[] { 1, 2 }, new List<object?> { 3, 4 } }, null },
            { new object[] { new object[] { 1, 2 }, new int[] { 3, 4 } }, null },
            { new object[] { new object[] { 1, 2 }, new string[] { "a", "b" } }, null },
            { new object[] { new object[] { new object[] { 1 } }, new object[] { new object[] { 2 } } }, null },
            { new object[] { 1.0, 2.0, 3.5 }, null },
            { new object[] { 1.0, 2, 3.5 }, null },
            { new object[] { new object[0], new object[0] }, null },
            { new object[0], null },
            { new List<object?> { 1, 2, 3 }, null },
            { new List<object?> { new BigInteger(5), 6L }, null },
            { self, null },
            { selfRows, null },
        };
    }

    [Theory]
    [MemberData(nameof(BoxedInputs))]
    public void BoxedInputsMatchTheGeneralPipeline(object input, string? dtype)
    {
        AssertSameAsGeneral(input, dtype is null ? null : np.dtype(dtype));
        AssertSameAsGeneral(input, dtype is null ? null : np.dtype(dtype), "F");
    }

    [Fact]
    public void TypedCollectionsAreCopied()
    {
        var list = new List<double> { 1, 2 };
        var rows = new[] { new[] { 1.0, 2.0 } };
        var fromList = np.asarray(list);
        var fromRows = np.asarray(rows);
        list[0] = 9;
        rows[0][0] = 9;
        Assert.Equal(1.0, fromList.GetItem<double>(0));
        Assert.Equal(1.0, fromRows.GetItem<double>(0, 0));
    }

    [Fact]
    public void CopyFalseIsRefusedForCollections()
    {
        Assert.Throws<ArgumentException>(() => np.asarray(new List<double> { 1 }, copy: false));
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { new[] { 1.0 } }, copy: false));
        Assert.Throws<ArgumentException>(() => np.asarray(new object[] { 1.0 }, copy: false));
    }

    [Fact]
    public void PythonIntsThatFitInt64AreStoredExactly()
    {
        var values = new List<object?> { new BigInteger(long.MaxValue), new BigInteger(long.MinValue), BigInteger.Zero };
        var a = np.asarray(values);
        Assert.Equal(np.int64, a.DType);
        Assert.Equal(long.MaxValue, a.GetItem<long>(0));
        Assert.Equal(long.MinValue, a.GetItem<long>(1));
    }
}
