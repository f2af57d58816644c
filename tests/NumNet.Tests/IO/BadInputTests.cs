using NumNet.IO;

namespace NumNet.Tests.IO;

/// <summary>Damaged and hostile files give one clear exception, and failed saves leave nothing behind.</summary>
public sealed class BadInputTests
{
    private static byte[] Good => File.ReadAllBytes(IoTestData.Fixture("layout_c_3d.npy"));

    [Fact]
    public void Truncated_anywhere_is_invalid_data()
    {
        var good = Good;
        using var dir = new TempDir();
        foreach (int length in new[] { 0, 3, 7, 9, 50, 127, 128, 129, good.Length - 1 })
        {
            var bytes = good[..length];
            var e = Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(bytes)));
            Assert.True(e.Message.Contains("truncated") || e.Message.Contains("empty"), e.Message);
            string path = dir.File($"t{length}.npy");
            File.WriteAllBytes(path, bytes);
            Assert.Throws<InvalidDataException>(() => np.load(path));
            Assert.Throws<InvalidDataException>(() => np.load(path, mmapMode: "r"));
            // Through a pipe, where the length is unknown until the end.
            Assert.Throws<InvalidDataException>(() => np.load(new ForwardOnlyStream(bytes)));
        }
    }

    [Fact]
    public void Header_length_past_the_end_of_the_file()
    {
        var bytes = Good[..200];
        bytes[8] = 0xF0;
        bytes[9] = 0x20; // 0x20F0 = 8432 bytes of header claimed, 190 present
        Assert.Contains("header claims 8432 bytes", Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(bytes))).Message);
    }

    [Fact]
    public void Shape_larger_than_the_file_is_refused_before_allocating()
    {
        var header = HeaderTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000,), }");
        var e = Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream([.. header, .. new byte[16]])));
        Assert.Contains("8000000000000 bytes", e.Message);
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("big.npy"), [.. header, .. new byte[16]]);
        Assert.Throws<InvalidDataException>(() => np.load(dir.File("big.npy"), mmapMode: "r"));
    }

    [Fact]
    public void Byte_size_overflow_is_refused()
    {
        var header = HeaderTests.Npy("{'descr': '<c32', 'fortran_order': False, 'shape': (1152921504606846976,), }");
        Assert.Contains("too big", Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(header))).Message);
    }

    [Fact]
    public void Object_arrays_are_pickled_only_when_allowed()
    {
        Assert.Contains("allow_pickle", Assert.Throws<ArgumentException>(() => np.load(IoTestData.Fixture("object.npy"))).Message);
        var objects = np.asarray(new object?[] { 1, "a", null }, dtype: np.object_);
        using var dir = new TempDir();
        string path = dir.File("o.npy");
        Assert.Contains("allow_pickle", Assert.Throws<ArgumentException>(() => np.save(path, objects, allowPickle: false)).Message);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
        np.save(path, objects);
        Assert.Equal("array([1, 'a', None], dtype=object)", np.load<NDArray>(path, allowPickle: true).Repr());
    }

    [Fact]
    public void A_failing_save_leaves_no_file_and_keeps_the_old_one()
    {
        using var dir = new TempDir();
        string path = dir.File("a.npy");
        File.WriteAllText(path, "old");
        // An element NumNet cannot pickle: refused before the file is touched.
        var objects = np.asarray(new object?[] { Guid.Empty }, dtype: np.object_);
        Assert.Throws<NotSupportedException>(() => np.save(path, objects));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Bad_mmap_mode_is_an_argument_error()
    {
        var e = Assert.Throws<ArgumentException>(() => np.load(IoTestData.Fixture("bool.npy"), mmapMode: "w+"));
        Assert.Equal("mmapMode", e.ParamName);
    }

    [Fact]
    public void Typed_load_of_the_other_kind_is_invalid_data()
    {
        Assert.Throws<InvalidDataException>(() => np.load<NpzFile>(IoTestData.Fixture("bool.npy")));
        Assert.Throws<InvalidDataException>(() => np.load<NDArray>(IoTestData.Fixture("archive_named.npz")));
    }
}
