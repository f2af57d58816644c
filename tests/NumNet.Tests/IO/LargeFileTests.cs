namespace NumNet.Tests.IO;

/// <summary>
/// Arrays large enough to take more than one write chunk or copy slab, where the writer and reader loop: the bytes on
/// disk and the bytes loaded back must be the same as for a small array.
/// </summary>
public sealed class LargeFileTests
{
    [Fact]
    public void A_transpose_over_several_slabs_saves_in_C_order_and_loads_back()
    {
        using var dir = new TempDir();
        // Neither C nor F: 3000 leading rows of 16 000 bytes, two full 16 MiB slabs and a short third one.
        using var source = np.arange(6_000_000).Reshape(100, 3000, 20);
        var t = source.Transpose(1, 0, 2);
        Assert.False(t.IsCContiguous || t.IsFContiguous);
        string path = dir.File("t.npy");
        np.save(path, t);

        using var back = np.load<NDArray>(path);
        Assert.Equal(t.Shape, back.Shape);
        Assert.True(back.IsCContiguous);
        Assert.Equal(IoTestData.CBytes(t), IoTestData.CBytes(back));
        Assert.Equal(new FileInfo(path).Length, back.NBytes + HeaderLength(path));
    }

    [Fact]
    public void A_contiguous_array_over_several_chunks_round_trips_and_leaves_no_temporary_file()
    {
        using var dir = new TempDir();
        // 160 MB: more than two 64 MiB write and read chunks, with a partial last one.
        using var a = np.arange(20_000_000);
        string path = dir.File("big.npy");
        np.save(path, a);
        np.save(path, a); // over an existing file

        using var back = np.load<NDArray>(path);
        Assert.Equal(IoTestData.CBytes(a), IoTestData.CBytes(back));
        Assert.Equal(new FileInfo(path).Length, back.NBytes + HeaderLength(path));
        Assert.Equal(["big.npy"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    private static long HeaderLength(string path)
    {
        using var s = File.OpenRead(path);
        var prefix = new byte[10];
        s.ReadExactly(prefix);
        return 10 + BitConverter.ToUInt16(prefix, 8);
    }
}
