namespace NumNet.Tests.Creation;

/// <summary>
/// The registered array-like adapter: another runtime's objects translated once, at the top of np.asarray and for
/// like=, into inputs the pipeline already knows (NumNet.Python's adapter is tested against real Python objects in
/// tests/NumNet.Python.Tests).
/// </summary>
public class ArrayLikeAdapterTests
{
    /// <summary>A stand-in for a foreign object: a payload the adapter turns into an ordinary input.</summary>
    private sealed record Foreign(object? Payload, IArrayFunction? Function = null);

    private sealed class ForeignAdapter : IArrayLikeAdapter
    {
        public static readonly ForeignAdapter Instance = new();
        public readonly List<(DType? DType, bool? Copy)> Calls = [];

        public bool Owns(object obj) => obj is Foreign;

        public object? Translate(object obj, DType? dtype, bool? copy)
        {
            lock (Calls)
                Calls.Add((dtype, copy));
            return ((Foreign)obj).Payload;
        }

        public IArrayFunction? AsArrayFunction(object like) => ((Foreign)like).Function;
    }

    private sealed class Backend : IArrayFunction
    {
        public object? ArrayFunction(string name, IReadOnlyDictionary<string, object?> arguments) => np.asarray(new[] { 42L });
    }

    public ArrayLikeAdapterTests() => ArrayLikeAdapters.Register(ForeignAdapter.Instance);

    [Fact]
    public void ATranslatedSequenceIsDiscoveredAsAnyOther()
    {
        var a = np.asarray(new Foreign(new object?[] { new object?[] { 1L, 2.5 }, new object?[] { 3L, 4L } }));
        Assert.Equal("array([[1. , 2.5],\n       [3. , 4. ]])", np.repr(a));
    }

    [Fact]
    public void ATranslatedArrayIsReturnedWithoutACopy()
    {
        var data = new[] { 1.0, 2.0 };
        var a = np.asarray(new Foreign(data));
        a.SetItem(9.0, 0);
        Assert.Equal(9.0, data[0]);
    }

    [Fact]
    public void TheCallersDTypeAndCopyReachTheAdapter()
    {
        var a = np.array(new Foreign(new[] { 1, 2 }), dtype: np.float32, copy: true);
        Assert.Equal(np.float32, a.DType);
        lock (ForeignAdapter.Instance.Calls)
            Assert.Contains((np.float32, (bool?)true), ForeignAdapter.Instance.Calls);
    }

    [Fact]
    public void AnUntranslatableObjectIsAnObjectElement()
    {
        var inner = new object();
        var a = np.asarray(new Foreign(inner));
        Assert.Equal(np.dtype("O"), a.DType);
        Assert.Same(inner, a.Item());
    }

    [Fact]
    public void LikeTakesTheAdaptersArrayFunction()
    {
        var a = np.asarray(new[] { 1.0 }, like: new Foreign(null, new Backend()));
        Assert.Equal(42L, a.GetItem<long>(0));
        Assert.Throws<ArgumentException>(() => np.asarray(new[] { 1.0 }, like: new Foreign(null)));
    }

    [Fact]
    public void RegisteringTwiceAddsTheAdapterOnce()
    {
        ArrayLikeAdapters.Register(ForeignAdapter.Instance);
        ArrayLikeAdapters.Register(ForeignAdapter.Instance);
        Assert.Same(ForeignAdapter.Instance, ArrayLikeAdapters.OwnerOf(new Foreign(1L)));
        Assert.Null(ArrayLikeAdapters.OwnerOf("text"));
    }
}
