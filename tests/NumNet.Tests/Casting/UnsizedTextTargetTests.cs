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
    public void AnUnsizedSourceMeetsANativeUnsizedTarget()
    {
        // string_to_string_resolve_descriptors (numpy/_core/src/multiarray/convert_datatype.c): with no target
        // descriptor the target is the canonical source, U0 too (found by the differential run of seed 20261206).
        Assert.True(np.can_cast(np.dtype("U"), np.dtype(">U"), "no"));
        Assert.True(np.can_cast(np.dtype("=U0"), np.dtype(">U"), "no"));
        Assert.False(np.can_cast(np.dtype(">U0"), np.dtype(">U"), "no"));
        Assert.True(np.can_cast(np.dtype(">U0"), np.dtype(">U"), "equiv"));
        // Bytes into text is a new kind, not an equivalent one.
        Assert.False(np.can_cast(np.dtype("S"), np.dtype(">U"), "equiv"));
        Assert.True(np.can_cast(np.dtype("S"), np.dtype(">U"), "safe"));
    }
}

/// <summary>
/// An object array cast to an unsized <c>S</c> is sized from its values: bytes by their length, as they are
/// (<c>string_discover_descr_from_pyobject</c>, <c>numpy/_core/src/multiarray/dtypemeta.c</c>), so bytes beyond ASCII
/// are stored, not decoded (found by the differential run of seed 20261206).
/// </summary>
public sealed class ObjectToUnsizedBytesTests
{
    [Fact]
    public void BytesBeyondAsciiAreStoredAsTheyAre()
    {
        var objects = np.asarray(new object?[] { new Bytes(new byte[] { 0xff }), new Bytes(new byte[] { 0x20, 0xe9, 0x01 }), 4L }, np.dtype("O"));
        var s = objects.AsType("S");
        Assert.Equal("|S3", s.DType.Str);
        Assert.Equal(new byte[] { 0xff }, ((Bytes)s.GetValue(0)!).Span.ToArray());
        Assert.Equal(new byte[] { 0x20, 0xe9, 0x01 }, ((Bytes)s.GetValue(1)!).Span.ToArray());
        Assert.Equal("4", ((Bytes)s.GetValue(2)!).ToLatin1());

    }
}

/// <summary>
/// asarray/array of an object array whose texts are all empty into an unsized U or S: the request is still unsized
/// after adapting to the elements, and NumPy's <c>PyArray_FromArray</c> (<c>numpy/_core/src/multiarray/ctors.c</c>)
/// gives it the source's item size, 8 bytes: <c>&lt;U2</c> and <c>|S8</c>; astype gives one character (found by the
/// differential run of seed 20261208, <c>array:3y3LSJUN6z5f</c>).
/// </summary>
public sealed class ObjectOfEmptyTextsToUnsizedTests
{
    [Fact]
    public void AsarrayTakesTheObjectItemSizeAndAstypeOneCharacter()
    {
        using var objects = np.asarray(new object?[] { "", "" }, np.dtype("O"));
        using var u = np.asarray(objects, np.dtype("U"));
        Assert.Equal("<U2", u.DType.Str);
        using var s = np.array(objects, np.dtype("S"));
        Assert.Equal("|S8", s.DType.Str);
        using var cast = objects.AsType("U");
        Assert.Equal("<U1", cast.DType.Str);
        // Any text with characters sizes the result from the texts.
        using var mixed = np.asarray(np.asarray(new object?[] { new Bytes(""u8.ToArray()), "a" }, np.dtype("O")), np.dtype("U"));
        Assert.Equal("<U1", mixed.DType.Str);
        // No elements: the default one character.
        using var empty = np.asarray(np.asarray(Array.Empty<object?>(), np.dtype("O")), np.dtype("U"));
        Assert.Equal("<U1", empty.DType.Str);
    }
}
