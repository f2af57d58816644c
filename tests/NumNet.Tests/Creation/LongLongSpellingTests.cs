namespace NumNet.Tests.Creation;

/// <summary>
/// <c>'q'</c>/<c>longlong</c> is its own type object in NumPy (not <c>np.int_</c>), so its arrays print
/// <c>dtype=int64</c>; an int64 array copied without a cast keeps its own <c>'l'</c> descriptor (found by the
/// differential run of seed 20261206).
/// </summary>
public sealed class LongLongSpellingTests
{
    [Fact]
    public void PythonIntsAskedAsLongLongKeepTheSpelling()
    {
        // The boxed-rows fast path allocates the requested descriptor, not the equal int64 it guessed.
        var q = np.array(new List<object?> { new System.Numerics.BigInteger(0) }, np.dtype("q"));
        Assert.Equal('q', q.DType.Char);
        Assert.Equal("array([0], dtype=int64)", q.Repr());
        var rows = np.asarray(new List<object?> { new List<object?> { 5L, 6L } }, np.dtype("longlong"));
        Assert.Equal('q', rows.DType.Char);
    }

    [Fact]
    public void ACopyWithoutACastKeepsTheArraysDescriptor()
    {
        // _array_fromobject_generic (numpy/_core/src/multiarray/multiarraymodule.c): a view-safe dtype with copy=True
        // is PyArray_NewCopy and then descr = oldtype.
        var l = np.asarray(new long[] { -937 });
        var copied = np.asarray(l, np.dtype("longlong"), copy: true);
        Assert.Equal('l', copied.DType.Char);
        Assert.Equal("array([-937])", copied.Repr());
        // Without a copy it is a view with the spelling asked for.
        var view = np.asarray(l, np.dtype("longlong"));
        Assert.Equal('q', view.DType.Char);
    }

    [Fact]
    public void PythonIntsAboveInt64AreUnsignedLongLong()
    {
        // discover_descriptor_from_pylong (numpy/_core/src/multiarray/abstractdtypes.c): above int64, 'Q'. Asked back
        // as 'u8' ('L') the array is a new view of the same memory; as 'Q' it is the input (seed 20261214's failure).
        var big = System.Numerics.BigInteger.Parse("9223382098103454833", System.Globalization.CultureInfo.InvariantCulture);
        using var a = np.asarray(new List<object?> { big, big + 1 });
        Assert.Equal('Q', a.DType.Char);
        Assert.Equal("array([9223382098103454833, 9223382098103454834], dtype=uint64)", a.Repr());
        using var asU8 = np.asarray(a, np.dtype("u8"));
        Assert.NotSame(a, asU8);
        Assert.True(np.shares_memory(a, asU8));
        Assert.Same(a, np.asarray(a, np.dtype("Q")));
        // With an int64 value it is float64, as before.
        using var mixed = np.asarray(new List<object?> { big, System.Numerics.BigInteger.One });
        Assert.Equal(np.float64, mixed.DType);
    }
}
