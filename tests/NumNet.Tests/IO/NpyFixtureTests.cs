namespace NumNet.Tests.IO;

/// <summary>Files written by real NumPy load bit for bit, and saving them again reproduces NumPy's bytes exactly.</summary>
public sealed class NpyFixtureTests
{
    public static IEnumerable<object[]> Names => IoTestData.FixtureNames();

    [Theory]
    [MemberData(nameof(Names))]
    public void Loads_bit_exactly(string name)
    {
        var expected = IoTestData.Get(name);
        using var a = np.load<NDArray>(IoTestData.Fixture(name + ".npy"));
        Check(expected, a);
        Assert.True(a.IsWriteable);
        Assert.True(a.OwnsData);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Saving_what_was_loaded_gives_numpys_bytes(string name)
    {
        string path = IoTestData.Fixture(name + ".npy");
        using var a = np.load<NDArray>(path);
        var ms = new MemoryStream();
        np.save(ms, a);
        Assert.Equal(File.ReadAllBytes(path), ms.ToArray());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Memory_maps_bit_exactly(string name)
    {
        var expected = IoTestData.Get(name);
        using var a = np.load<NDArray>(IoTestData.Fixture(name + ".npy"), mmapMode: "r");
        Check(expected, a);
        Assert.False(a.IsWriteable);
    }

    [Fact]
    public void Loads_from_a_non_seekable_stream()
    {
        var bytes = File.ReadAllBytes(IoTestData.Fixture("layout_f_2d.npy"));
        using var a = (NDArray)np.load(new ForwardOnlyStream(bytes));
        Check(IoTestData.Get("layout_f_2d"), a);
    }

    [Fact]
    public void Values_read_back_as_numpy_prints_them()
    {
        using var f = np.load<NDArray>(IoTestData.Fixture("layout_f_2d.npy"));
        Assert.Equal("array([[ 0,  1,  2,  3],\n       [ 4,  5,  6,  7],\n       [ 8,  9, 10, 11]], dtype=int32)", f.Repr());
        using var s = np.load<NDArray>(IoTestData.Fixture("str_U3.npy"));
        Assert.Equal("array(['abc', '', 'été', '😀'], dtype='<U3')", s.Repr());
        using var t = np.load<NDArray>(IoTestData.Fixture("datetime_D.npy"));
        Assert.Equal("array(['2024-02-29', '1900-01-01',        'NaT'], dtype='datetime64[D]')", t.Repr());
    }

    private static void Check(IoTestData.Expected expected, NDArray a)
    {
        Assert.Equal(expected.Descr, a.DType.Str);
        Assert.Equal(expected.Shape, a.Shape);
        Assert.Equal(expected.FortranOrder, a.IsFContiguous && !a.IsCContiguous);
        Assert.Equal(expected.CBytesHex, Convert.ToHexString(IoTestData.CBytes(a)).ToLowerInvariant());
    }
}

/// <summary>A stream that can only be read forward, like a pipe.</summary>
internal sealed class ForwardOnlyStream(byte[] data) : Stream
{
    private readonly MemoryStream _inner = new(data);
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
