using System.IO.Compression;
using NumNet.IO;

namespace NumNet.Tests.IO;

/// <summary>.npz archives: NumPy's load lazily, ours round-trip, and hostile ones are refused early.</summary>
public sealed class NpzTests
{
    [Fact]
    public void Numpy_archives_load_lazily_by_name()
    {
        using var z = np.load<NpzFile>(IoTestData.Fixture("archive_named.npz"));
        Assert.Equal(["first", "second"], z.Files);
        Assert.True(z.ContainsKey("first.npy"));
        Assert.False(z.ContainsKey("third"));
        using var first = z["first"];
        Assert.Equal("array([[0, 1, 2],\n       [3, 4, 5]])", first.Repr());
        using var second = z["second.npy"];
        Assert.Equal("array(['x', 'yz'], dtype='<U2')", second.Repr());
        Assert.Throws<KeyNotFoundException>(() => z["third"]);
    }

    [Fact]
    public void Positional_and_compressed_archives()
    {
        using (var z = np.load<NpzFile>(IoTestData.Fixture("archive_positional.npz")))
        {
            Assert.Equal(["arr_0", "arr_1"], z.Keys.ToArray());
            using var b = z["arr_1"];
            Assert.Equal("array([1.5, 1.5, 1.5], dtype=float32)", b.Repr());
        }
        using (var z = np.load<NpzFile>(IoTestData.Fixture("archive_compressed.npz")))
        {
            Assert.Equal(2, z.Count);
            using var f = z["f"];
            Assert.True(f.IsFContiguous && !f.IsCContiguous);
            using var zeros = z["zeros"];
            Assert.Equal([5000L], zeros.Shape);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Savez_round_trips(bool compressed)
    {
        using var dir = new TempDir();
        using var a = np.arange(12).Reshape(3, 4);
        using var b = np.asarray(new[] { "x", "hello" });
        string path = dir.File("out");
        if (compressed)
            np.savez_compressed(path, ("a", a.T), ("b", b));
        else
            np.savez(path, ("a", a.T), ("b", b));
        Assert.True(File.Exists(path + ".npz"));
        Assert.Single(Directory.GetFiles(dir.Path));
        using var z = np.load<NpzFile>(path + ".npz");
        using var a2 = z["a"];
        Assert.Equal(a.T.Repr(), a2.Repr());
        Assert.True(a2.IsFContiguous);
        using var b2 = z["b"];
        Assert.Equal(b.Repr(), b2.Repr());
        var pairs = z.ToList();
        Assert.Equal(["a", "b"], pairs.Select(p => p.Key));
    }

    [Fact]
    public void Positional_savez_names_arr_n()
    {
        using var dir = new TempDir();
        np.savez(dir.File("p.npz"), np.arange(2), np.arange(3));
        using var z = np.load<NpzFile>(dir.File("p.npz"));
        Assert.Equal(["arr_0", "arr_1"], z.Files);
    }

    [Fact]
    public void Repeated_names_are_refused_before_writing()
    {
        using var dir = new TempDir();
        Assert.Throws<ArgumentException>(() => np.savez(dir.File("r.npz"), ("a", np.arange(1)), ("a", np.arange(2))));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_allocating()
    {
        // 800 GB promised by the header, backed by a few MB of zeros that deflate to kilobytes.
        var bomb = Zip("bomb.npy", HeaderTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000,), }"), 4 << 20);
        using var z = new NpzFile(new MemoryStream(bomb));
        var e = Assert.Throws<InvalidDataException>(() => z["bomb"]);
        Assert.Contains("member 'bomb'", e.Message);
        Assert.Contains("800000000000 bytes", e.Message);
    }

    [Fact]
    public void Members_over_the_configured_limit_are_refused()
    {
        var honest = Zip("z.npy", HeaderTests.Npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2000000,), }"), 2_000_000);
        using (var z = new NpzFile(new MemoryStream(honest), maxMemberBytes: 1_000_000))
            Assert.Contains("limit", Assert.Throws<InvalidDataException>(() => z["z"]).Message);
        using (var z = new NpzFile(new MemoryStream(honest)))
        using (var a = z["z"])
            Assert.Equal(2_000_000, a.Size);
    }

    [Fact]
    public void A_truncated_member_and_a_damaged_archive()
    {
        var shortMember = Zip("s.npy", HeaderTests.Npy("{'descr': '<i8', 'fortran_order': False, 'shape': (10,), }"), 40);
        using (var z = new NpzFile(new MemoryStream(shortMember)))
            Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => z["s"]).Message);
        var damaged = File.ReadAllBytes(IoTestData.Fixture("archive_named.npz"))[..100];
        Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(damaged)));
    }

    private static byte[] Zip(string name, byte[] header, int zeroBytes)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            s.Write(header);
            s.Write(new byte[zeroBytes]);
        }
        return ms.ToArray();
    }
}
