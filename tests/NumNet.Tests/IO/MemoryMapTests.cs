using Xunit.Abstractions;
using NumNet.IO;
using NumNet.Memory;

namespace NumNet.Tests.IO;

/// <summary>Memory-mapped loads: zero-copy, the three modes, deterministic close, and files larger than RAM.</summary>
public sealed class MemoryMapTests(ITestOutputHelper output)
{
    [Fact]
    public void Read_only_map_refuses_writes()
    {
        using var a = np.load<NDArray>(IoTestData.Fixture("layout_c_3d.npy"), mmapMode: "r");
        Assert.IsType<MemoryMappedFileBuffer>(a.Buffer);
        Assert.True(a.IsAligned);
        Assert.Equal(23.0, a.GetItem<double>(1, 2, 3));
        Assert.Throws<ReadOnlyArrayException>(() => a.SetItem(1.0, 0, 0, 0));
        Assert.Throws<ArgumentException>(() => a.SetWriteable(true));
    }

    [Fact]
    public void Read_write_map_writes_through_and_copy_on_write_does_not()
    {
        using var dir = new TempDir();
        string path = dir.File("w.npy");
        np.save(path, np.asfortranarray(np.arange(6).Reshape(2, 3)));
        using (var a = np.load<NDArray>(path, mmapMode: "c"))
        {
            a.SetItem(-1L, 1, 2);
            Assert.Equal(-1L, a.GetItem<long>(1, 2));
        }
        using (var a = np.load<NDArray>(path))
            Assert.Equal(5L, a.GetItem<long>(1, 2));
        using (var a = np.load<NDArray>(path, mmapMode: "r+"))
        {
            Assert.True(a.IsFContiguous);
            a.SetItem(-7L, 1, 2);
        }
        using (var a = np.load<NDArray>(path))
            Assert.Equal(-7L, a.GetItem<long>(1, 2));
    }

    [Fact]
    public void Views_keep_the_mapping_until_they_too_are_disposed_then_it_is_unmapped()
    {
        using var dir = new TempDir();
        string path = dir.File("d.npy");
        np.save(path, np.arange(10));
        var a = np.load<NDArray>(path, mmapMode: "r");
        var view = a[np.s(2, 5)];
        Assert.Equal(3L, view.GetItem<long>(1));
        a.Dispose();
        Assert.Throws<ObjectDisposedException>(() => a.GetItem<long>(1));
        Assert.False(((MemoryMappedFileBuffer)a.Buffer).IsDisposed);
        Assert.Equal(3L, view.GetItem<long>(1));
        view.Dispose();
        Assert.True(((MemoryMappedFileBuffer)a.Buffer).IsDisposed);
        Assert.Throws<ObjectDisposedException>(() => view.GetItem<long>(1));
        a.Dispose();
        // The file is free again: it can be replaced and deleted.
        np.save(path, np.arange(3));
        File.Delete(path);
    }

    [Fact]
    public void Buffer_validates_its_range()
    {
        using var dir = new TempDir();
        string path = dir.File("b.bin");
        File.WriteAllBytes(path, new byte[100]);
        Assert.Throws<InvalidDataException>(() => new MemoryMappedFileBuffer(path, 50, 51, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MemoryMappedFileBuffer(path, -1, 1, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read));
        File.WriteAllBytes(path, []);
        Assert.Throws<InvalidDataException>(() => new MemoryMappedFileBuffer(path, 0, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read));
        using var empty = np.load<NDArray>(IoTestData.Fixture("layout_empty_3d.npy"), mmapMode: "r");
        Assert.Equal(0, empty.Size);
    }

    [Fact]
    public void A_sparse_4_GB_file_maps_and_indexes_its_far_end()
    {
        const long count = (4L << 30) / 8 + 16; // a little over 4 GiB of float64
        string dir = Path.GetTempPath();
        long free = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(dir))!).AvailableFreeSpace;
        if (free < (1L << 30))
        {
            output.WriteLine($"SKIPPED: only {free >> 20} MiB free in {dir}; the sparse 4 GB file needs about 1 GiB of headroom");
            return;
        }
        string path = Path.Combine(dir, $"numnet-sparse-{Guid.NewGuid():N}.npy");
        try
        {
            var header = NpyFormat.Wrap(NpyFormat.DictText(np.float64, [count], false));
            using (var f = new FileStream(path, FileMode.CreateNew))
            {
                f.Write(header);
                f.SetLength(header.Length + count * 8);
                f.Position = header.Length + (count - 1) * 8;
                f.Write(BitConverter.GetBytes(2.5));
            }
            using (var a = np.load<NDArray>(path, mmapMode: "r+"))
            {
                Assert.Equal([count], a.Shape);
                Assert.Equal(2.5, a.GetItem<double>(count - 1));
                Assert.Equal(0.0, a.GetItem<double>(count / 2));
                a.SetItem(-1.0, count - 2);
            }
            using (var a = np.load<NDArray>(path, mmapMode: "r"))
                Assert.Equal(-1.0, a.GetItem<double>(-2));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.False(File.Exists(path));
    }
}
