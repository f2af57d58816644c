using System.Numerics;

namespace NumNet.Tests.Layout;

/// <summary>
/// Writing into arrays and views as NumPy does: <c>np.copyto</c> with its casting rule and broadcasting, the indexer
/// setter (<c>a[1.., ..2] = 0.0</c>), and iteration over rows. Expected values are NumPy's (1.24 for arrays, NumPy 2's
/// NEP 50 rules for Python scalars, as its copyto source applies them).
/// </summary>
public class AssignmentTests
{
    [Fact]
    public void SliceAssignmentOfAScalarBroadcastsIntoTheView()
    {
        using var a = np.zeros([3, 4]);
        a[1.., ..2] = 5.0;
        Assert.Equal([0, 0, 0, 0, 5, 5, 0, 0, 5, 5, 0, 0], a.ToArray<double>());
    }

    [Fact]
    public void IndexTextAndRowsTakeAssignmentsToo()
    {
        using var a = np.zeros([2, 3], dtype: np.int64);
        a["1, ::2"] = 7L;
        a[0] = np.asarray(new long[] { 1, 2, 3 });
        Assert.Equal([1L, 2, 3, 7, 0, 7], a.ToArray<long>());
    }

    [Fact]
    public void ArrayValuesAreCastUnsafelyAsNumPySetitemDoes()
    {
        using var a = np.zeros([3], dtype: np.int8);
        a[..] = np.asarray(new[] { 1.7, -1.2, 2.0 });
        Assert.Equal(new sbyte[] { 1, -1, 2 }, a.ToArray<sbyte>());
    }

    [Fact]
    public void ScalarsAreStoredAsPythonScalars()
    {
        using var ints = np.zeros([2], dtype: np.int64);
        ints[0] = 1.5;                                    // int(1.5)
        Assert.Equal(1L, ints.GetItem<long>(0));
        using var small = np.zeros([2], dtype: np.int8);
        Assert.Throws<OverflowException>(() => small[0] = 300);
        Assert.Equal(0, small.GetItem<sbyte>(0));         // untouched
        Assert.Throws<ArgumentException>(() => ints[1] = double.NaN);
        using var text = np.zeros([2], dtype: "U5");
        text[0] = 1.5;
        Assert.Equal("array(['1.5', ''], dtype='<U5')", text.Repr());
    }

    [Fact]
    public void CopyToChecksTheCastingRule()
    {
        using var dst = np.zeros([3], dtype: np.int64);
        using var src = np.asarray(new[] { 1.5, 2.0, 3.0 });
        var e = Assert.Throws<InvalidCastException>(() => np.copyto(dst, src));
        Assert.Equal("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'same_kind'", e.Message);
        np.copyto(dst, src, casting: "unsafe");
        Assert.Equal([1L, 2, 3], dst.ToArray<long>());
        Assert.Throws<InvalidCastException>(() => np.copyto(dst, src, CastingRule.Safe));
        Assert.Throws<ArgumentException>(() => np.copyto(dst, src, casting: "sometimes"));
    }

    [Fact]
    public void CopyToTreatsDotNetNumbersAsPythonScalars()
    {
        using var small = np.zeros([2], dtype: np.int8);
        np.copyto(small, 100);                            // takes int8, fits
        Assert.Equal(new sbyte[] { 100, 100 }, small.ToArray<sbyte>());
        Assert.Throws<OverflowException>(() => np.copyto(small, 300));
        Assert.Throws<OverflowException>(() => np.copyto(small, new BigInteger(300)));
        Assert.Throws<InvalidCastException>(() => np.copyto(small, 1.5));   // float64 to int8 is not same_kind
        using var f32 = np.zeros([1], dtype: np.float32);
        np.copyto(f32, 0.1);                              // a Python float takes float32
        Assert.Equal(0.1f, f32.GetItem<float>(0));
        using var flags = np.zeros([1], dtype: np.bool_);
        Assert.Throws<InvalidCastException>(() => np.copyto(flags, 1));     // int64 to bool is not same_kind
        np.copyto(flags, 1, casting: "unsafe");
        Assert.True(flags.GetItem<bool>(0));
    }

    [Fact]
    public void CopyToBroadcastsWithNumPysMessage()
    {
        using var dst = np.zeros([2, 3]);
        np.copyto(dst, np.asarray(new[] { 1.0, 2.0, 3.0 }));
        Assert.Equal([1.0, 2, 3, 1, 2, 3], dst.ToArray<double>());
        var e = Assert.Throws<ArgumentException>(() => np.copyto(dst, np.ones([2])));
        Assert.Equal("could not broadcast input array from shape (2,) into shape (2,3)", e.Message);
    }

    [Fact]
    public void OverlappingSourceIsReadBeforeAnythingIsWritten()
    {
        using var a = np.arange(6);
        np.copyto(a[1..], a[..^1]);
        Assert.Equal([0L, 0, 1, 2, 3, 4], a.ToArray<long>());
        using var b = np.arange(6);
        b[..^1] = b[1..];
        Assert.Equal([1L, 2, 3, 4, 5, 5], b.ToArray<long>());
        using var c = np.arange(6).Reshape(2, 3);
        c[..] = c.T.T[np.s(null, null, -1)];              // rows swapped through a reversed view of the same memory
        Assert.Equal([3L, 4, 5, 0, 1, 2], c.ToArray<long>());
    }

    [Fact]
    public void ReadOnlyDestinationsAreRefused()
    {
        using var a = np.zeros([2]);
        a.SetWriteable(false);
        Assert.Throws<ReadOnlyArrayException>(() => np.copyto(a, 1.0));
        Assert.Throws<ReadOnlyArrayException>(() => a[0] = 1.0);
    }

    [Fact]
    public void EmptyDestinationsTakeAnyBroadcastableValue()
    {
        using var a = np.zeros([0, 3]);
        np.copyto(a, 1.0);
        a[..] = np.asarray(new[] { 1.0, 2.0, 3.0 });
        Assert.Equal(0, a.Size);
    }

    [Fact]
    public void ForeachVisitsRowsAndLengthIsTheFirstDimension()
    {
        using var a = np.arange(6).Reshape(2, 3);
        Assert.Equal(2, a.Length);
        var rows = a.Select(row => row.Repr()).ToList();
        Assert.Equal(["array([0, 1, 2])", "array([3, 4, 5])"], rows);
        using var v = np.arange(3);
        Assert.Equal([0L, 1, 2], v.Select(x => x.Item<long>()).ToArray());
        using var scalar = np.asarray(5.0);
        Assert.Equal("len() of unsized object: a 0-d array has no length", Assert.Throws<InvalidOperationException>(() => scalar.Length).Message);
        Assert.Throws<InvalidOperationException>(() => scalar.GetEnumerator());
        using var empty = np.zeros([0, 2]);
        Assert.Empty(empty);
    }

    [Fact]
    public void CanCastStillRefusesDotNetNumbersDespiteTheImplicitConversions()
    {
        // Were can_cast(NDArray, ...) an overload, 300L would become a 0-d int64 array and be answered by its dtype.
        Assert.Throws<ArgumentException>(() => np.can_cast(300L, np.int8));
        Assert.True(np.can_cast(np.asarray(new long[] { 1 }), np.float64));
    }
}
