namespace NumNet.Tests.Creation;

/// <summary>
/// A <see cref="Memory{T}"/> or <see cref="ReadOnlyMemory{T}"/> of any element type becomes what the same
/// <c>T[]</c> becomes (it used to be a 0-d object array holding the Memory struct itself).
/// </summary>
public class MemoryOfAnyTypeTests
{
    private static void SameAsArray(NDArray fromMemory, NDArray fromArray)
    {
        Assert.Equal(fromArray.DType, fromMemory.DType);
        Assert.Equal(fromArray.Shape, fromMemory.Shape);
        Assert.Equal(fromArray.Repr(), fromMemory.Repr());
    }

    [Fact]
    public void CharsOfAStringAreACharArray()
    {
        using var fromMemory = np.asarray("ab".AsMemory());
        using var fromArray = np.asarray((object)new[] { 'a', 'b' });
        SameAsArray(fromMemory, fromArray);
        Assert.Equal("array(['a', 'b'], dtype='<U1')", fromMemory.Repr());
        using var part = np.asarray("xabx".AsMemory(1, 2));
        SameAsArray(part, fromArray);
    }

    [Fact]
    public void DatesAndDurations()
    {
        var dates = new[] { new DateTime(2020, 1, 2), new DateTime(2021, 3, 4, 5, 6, 7) };
        using var fromMemory = np.asarray(dates.AsMemory());
        using var fromArray = np.asarray((object)dates);
        SameAsArray(fromMemory, fromArray);
        Assert.Equal("datetime64[us]", fromMemory.DType.ToString());
        Assert.Equal(dates, fromMemory.ToArray<DateTime>());
        var spans = new[] { TimeSpan.FromSeconds(1), TimeSpan.FromDays(2) };
        using var deltas = np.asarray((ReadOnlyMemory<TimeSpan>)spans.AsMemory(1, 1));
        Assert.Equal(new[] { TimeSpan.FromDays(2) }, deltas.ToArray<TimeSpan>());
    }

    [Fact]
    public void DecimalsGuidsTuplesAndStrings()
    {
        var decimals = new[] { 1.1m, 2.25m };
        using (var fromMemory = np.asarray(decimals.AsMemory()))
        using (var fromArray = np.asarray((object)decimals))
            SameAsArray(fromMemory, fromArray);
        var guids = new[] { Guid.Empty, Guid.Empty };
        using (var fromMemory = np.asarray(new ReadOnlyMemory<Guid>(guids)))
        using (var fromArray = np.asarray((object)guids))
        {
            SameAsArray(fromMemory, fromArray);
            Assert.Equal([2L], fromMemory.Shape);
        }
        var pairs = new[] { (1, 2.5), (3, 4.5) };
        using (var fromMemory = np.asarray(pairs.AsMemory()))
        using (var fromArray = np.asarray((object)pairs))
        {
            SameAsArray(fromMemory, fromArray);
            Assert.Equal("array([[1. , 2.5],\n       [3. , 4.5]])", fromMemory.Repr());
        }
        var words = new[] { "one", "three" };
        using var text = np.asarray((object)words.AsMemory());
        Assert.Equal("array(['one', 'three'], dtype='<U5')", text.Repr());
    }

    [Fact]
    public void NumbersStayZeroCopyViews()
    {
        var values = new[] { 1.0, 2.0, 3.0 };
        using var view = np.asarray(values.AsMemory(1));
        view.SetItem(9.0, 0);
        Assert.Equal(9.0, values[1]);
    }
}
