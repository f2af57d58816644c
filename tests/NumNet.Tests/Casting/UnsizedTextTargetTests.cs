namespace NumNet.Tests.Casting;

/// <summary>
/// <c>np.can_cast</c> to an unsized <c>S</c>/<c>U</c>: NumPy takes it as the class (no descriptor), so the cast picks a
/// native one and the byte order written in the target does not count.
/// </summary>
public sealed class UnsizedTextTargetTests
{
    [Fact]
    public void SwappedTextToUnsizedSwappedTextIsAnEquivCast()
    {
        // The target becomes <U8: the byte order changes, the length does not.
        Assert.False(np.can_cast(np.dtype(">U8"), np.dtype(">U"), "no"));
        Assert.True(np.can_cast(np.dtype(">U8"), np.dtype(">U"), "equiv"));
    }

    [Fact]
    public void NativeTextToUnsizedSwappedTextNeedsNoCast()
    {
        Assert.True(np.can_cast(np.dtype("<U10"), np.dtype(">U"), "no"));
        Assert.True(np.can_cast(np.asarray("2003-10-02"), np.dtype(">U"), "no"));
        Assert.True(np.can_cast(np.dtype("S4"), np.dtype(">U"), "safe"));
    }

    [Fact]
    public void UnsizedTextToUnsizedSwappedTextNeedsNoCast()
    {
        // U (U0) -> >U: the class target becomes a native U0, as the source is (numpy can_cast('U', '>U', 'no') is True);
        // a swapped unsized source still needs the byte swap.
        Assert.True(np.can_cast(np.dtype("U"), np.dtype(">U"), "no"));
        Assert.False(np.can_cast(np.dtype(">U"), np.dtype(">U"), "no"));
        Assert.True(np.can_cast(np.dtype(">U"), np.dtype(">U"), "equiv"));
        Assert.False(np.can_cast(np.dtype("S"), np.dtype(">U"), "equiv"));
        Assert.True(np.can_cast(np.dtype("S"), np.dtype(">U"), "safe"));
    }
}
