using System.Collections;
using NumNet.Creation;

namespace NumNet.Tests.Creation;

/// <summary>
/// The errors for input that changed between discovery and fill name what changed and where. Only changes that
/// cannot write past a buffer even without the checks (shrinking, replacing) run here; growing sources, which could,
/// run in a child process (<see cref="InconsistentSourceTests"/>).
/// </summary>
public class SourceChangedTests
{
    // An ArrayList whose Count, after its first answer, is one less: discovery measures one length, fill another.
    private sealed class ShrinkingList(params object?[] items) : ArrayList(items)
    {
        private bool _asked;

        public override int Count
        {
            get
            {
                int count = base.Count - (_asked ? 1 : 0);
                _asked = true;
                return count;
            }
        }
    }

    // Runs an action when discovery converts it, then stands for the number 1.5.
    private sealed class Trigger(Action sideEffect) : IArrayConvertible
    {
        public NDArray ToNDArray(DType? dtype, bool? copy)
        {
            sideEffect();
            return np.asarray(1.5);
        }
    }

    [Fact]
    public void TheInputShrinkingIsNamedWithBothLengths()
    {
        var e = Assert.Throws<ArgumentException>(() => np.asarray(new ShrinkingList(1.0, 2.0, 3.0)));
        Assert.Equal(
            "Inconsistent object during array creation? Content of sequences changed (length inconsistent): the input had 3 " +
            "items when its shape was discovered and 2 when it was filled.", e.Message);
    }

    [Fact]
    public void ARowShrinkingIsNamedByItsIndex()
    {
        var e = Assert.Throws<ArgumentException>(() => np.asarray(new object[] { new[] { 1.0, 2.0 }, new ShrinkingList(3.0, 4.0) }));
        Assert.EndsWith("the sequence at index (1,) had 2 items when its shape was discovered and 1 when it was filled.", e.Message);
    }

    [Fact]
    public void ADeeperRowShrinkingIsNamedByItsFullIndex()
    {
        var deep = new object[] { new object[] { new[] { 1, 2 }, new[] { 3, 4 } }, new object[] { new[] { 5, 6 }, new ShrinkingList(7, 8) } };
        var e = Assert.Throws<ArgumentException>(() => np.asarray(deep));
        Assert.EndsWith("the sequence at index (1, 1) had 2 items when its shape was discovered and 1 when it was filled.", e.Message);
    }

    [Fact]
    public void ARowReplacedByANumberIsNamed()
    {
        var rows = new object?[2];
        rows[0] = new object?[] { 1.0, 2.0 };
        rows[1] = new object?[] { 3.0, new Trigger(() => rows[0] = 2.5) };
        var e = Assert.Throws<ArgumentException>(() => np.asarray(rows));
        Assert.EndsWith("the element at index (0,) was a sequence when its shape was discovered and is a Double when it was filled.", e.Message);
    }

    [Fact]
    public void ARowReplacedByAnArrayOfAnotherShapeIsNamed()
    {
        // An object[] is read in place (as NumPy's PySequence_Fast reads a list), so fill meets the replaced row.
        var rows = new object?[] { new List<object?> { 1.0, 2.0 }, null };
        rows[1] = new List<object?> { 3.0, new Trigger(() => rows[0] = np.zeros([5])) };
        var e = Assert.Throws<ArgumentException>(() => np.asarray(rows));
        Assert.EndsWith("the array at index (0,) has shape (5,) where (2,) was discovered.", e.Message);
    }

    [Fact]
    public void AListOfObjectsIsCopiedOnceSoFillWritesWhatDiscoveryRead()
    {
        // A List<object?> is copied when first classified: a row replaced during discovery is not seen by fill, which
        // writes the values discovery measured (a race test once met a slot cleared between the two walks, as NaN).
        var rows = new List<object?> { new List<object?> { 1.0, 2.0 } };
        rows.Add(new List<object?> { 3.0, new Trigger(() => rows[0] = np.zeros([5])) });
        using var a = np.asarray(rows);
        Assert.Equal("[[1.  2. ]\n [3.  1.5]]", a.ToString());
    }

    [Fact]
    public void ANumberReplacedByARowIsNamed()
    {
        var row = new object?[] { 1.0, 2.0, null };
        row[2] = new Trigger(() => row[0] = new List<object?> { 1.0, 2.0 });
        var e = Assert.Throws<ArgumentException>(() => np.asarray(row));
        Assert.EndsWith("an element of the input was a scalar when its shape was discovered and is a List<Object> when it was filled.", e.Message);
    }

    [Fact]
    public void AnEnumerableIsReadOnceSoItsLaterAnswersDoNotMatter()
    {
        int enumerations = 0;
        IEnumerable<double> Yield()
        {
            enumerations++;
            for (int i = 0; i < (enumerations == 1 ? 3 : 1); i++)
                yield return i;
        }
        var sequence = Yield();
        var a = np.asarray(new object[] { sequence, new[] { 5.0, 6.0, 7.0 } });
        Assert.Equal([2L, 3L], a.Shape);
        Assert.Equal([0.0, 1.0, 2.0, 5.0, 6.0, 7.0], a.Ravel().ToArray<double>());
        Assert.Equal(1, enumerations);
    }
}
