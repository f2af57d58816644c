namespace NumNet.Tests.Creation;

/// <summary>
/// The shape and range spellings a C# caller reaches for first: <c>np.zeros(3)</c>, <c>int[]</c> shapes, collection
/// expressions, and <c>np.arange</c> over doubles with NumPy's length and fill rule.
/// </summary>
public class ShapeSpellingTests
{
    [Fact]
    public void OneNumberIsAOneDimensionalShape()
    {
        using var z = np.zeros(3);
        Assert.Equal([3L], z.Shape);
        Assert.Equal("array([0., 0., 0.])", z.Repr());
        using var o = np.ones(2, dtype: np.int8);
        Assert.Equal("array([1, 1], dtype=int8)", o.Repr());
        using var f = np.full(2, 7L);
        Assert.Equal("array([7, 7])", f.Repr());
        using var e = np.empty(4);
        Assert.Equal([4L], e.Shape);
    }

    [Fact]
    public void IntArraysAndCollectionExpressionsAreShapes()
    {
        int[] shape = [2, 3];
        using var a = np.zeros(shape);
        using var b = np.ones([2, 3]);
        using var c = np.full(new[] { 1, 2 }, 0.5);
        using var d = np.empty(shape, dtype: np.float32);
        Assert.Equal([2L, 3], a.Shape);
        Assert.Equal([2L, 3], b.Shape);
        Assert.Equal("array([[0.5, 0.5]])", c.Repr());
        Assert.Equal([2L, 3], d.Shape);
    }

    [Fact]
    public void EmptyCollectionIsTheZeroDimensionalShapeAndShapesAreCopied()
    {
        using var z = np.zeros([]);
        Assert.Equal(0, z.NDim);
        long[] dims = [2, 2];
        using var a = np.ones(dims);
        dims[0] = 99;
        Assert.Equal([2L, 2], a.Shape);
        using var like = np.zeros_like(a, shape: 5);
        Assert.Equal([5L], like.Shape);
        Assert.Equal("(2, 3)", ((ShapeLike)new[] { 2, 3 }).ToString());
        Assert.Equal((ShapeLike)3, (ShapeLike)new long[] { 3 });
    }

    [Fact]
    public void FloatArangeHasNumPysLengthAndValues()
    {
        // NumPy 1.24 and 2.x: repr(np.arange(0.0, 1.0, 0.1)), np.arange(0.0, 0.3, 0.1).tolist(), np.arange(1.0, 0.0, -0.3)
        Assert.Equal("array([0. , 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])", np.arange(0.0, 1.0, 0.1).Repr());
        Assert.Equal([0.0, 0.1, 0.2], np.arange(0.0, 0.3, 0.1).ToArray<double>());
        Assert.Equal("array([1. , 0.7, 0.4, 0.1])", np.arange(1.0, 0.0, -0.3).Repr());
        Assert.Equal("array([0., 1., 2., 3., 4.])", np.arange(5.0).Repr());
        Assert.Equal("array([], dtype=float64)", np.arange(1.0, 0.0, 0.1).Repr());
        Assert.Equal(np.int64, np.arange(5).DType);   // integers keep the int64 overload
        Assert.Equal([1L], np.arange(0.0, 1e-320, 1e300).Shape);
    }

    [Fact]
    public void FloatArangeErrorsAreNumPys()
    {
        Assert.Throws<DivideByZeroException>(() => np.arange(0.0, 1.0, 0.0));
        Assert.Equal("arange: cannot compute length", Assert.Throws<ArgumentException>(() => np.arange(0.0, double.NaN, 1.0)).Message);
        Assert.StartsWith("arange: Maximum allowed size exceeded", Assert.Throws<ArgumentException>(() => np.arange(0.0, double.PositiveInfinity, 1.0)).Message);
    }
}
