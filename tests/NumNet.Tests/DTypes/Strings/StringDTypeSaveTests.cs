using NumNet.Tests.IO;

namespace NumNet.Tests.DTypes.Strings;

/// <summary>
/// <c>np.save</c> / <c>np.load</c> of StringDType arrays. NumPy 2's <c>numpy/lib/format.py</c> (<c>dtype_to_descr</c>
/// and <c>write_array</c>) stores a non-legacy dtype as a Python pickle of the whole array under descr <c>'|O'</c>,
/// after the UserWarning "Custom dtypes are saved as python objects using the pickle protocol. Loading this file
/// requires allow_pickle=True to be set.", and refuses with allow_pickle=False. NumNet writes and reads no pickles,
/// so it refuses before writing anything, naming the dtype, and loads such a file as it loads any pickled array: not.
/// A sized <c>U</c> copy is the portable form, and round-trips.
/// </summary>
public sealed class StringDTypeSaveTests
{
    [Fact]
    public void SavingIsRefusedByNameAndLeavesNoFile()
    {
        using var dir = new TempDir();
        using var a = np.asarray(new[] { "a", "bc" }, dtype: np.dtypes.StringDType());
        string path = dir.File("strings.npy");
        var e = Assert.Throws<NotSupportedException>(() => np.save(path, a));
        Assert.Contains("StringDType()", e.Message);
        Assert.Contains("pickle", e.Message);
        Assert.Contains("Custom dtypes are saved as python objects using the pickle protocol. Loading this file requires allow_pickle=True to be set.", e.Message);
        Assert.False(File.Exists(path));
        Assert.Throws<NotSupportedException>(() => np.savez(dir.File("strings.npz"), ("a", a)));
        Assert.False(File.Exists(dir.File("strings.npz")));
        using var stream = new MemoryStream();
        Assert.Throws<NotSupportedException>(() => np.save(stream, a));
        Assert.Equal(0, stream.Length);
    }

    // What NumPy 2 writes for a StringDType array: descr '|O' and a pickle. NumNet refuses it as every pickle,
    // whatever allowPickle says.
    [Fact]
    public void NumPysPickledFileIsRefusedAsAPickle()
    {
        byte[] header = HeaderTests.Npy("{'descr': '|O', 'fortran_order': False, 'shape': (2,), }");
        byte[] file = [.. header, 0x80, 0x04, 0x95, 0x00];
        var e = Assert.Throws<NotSupportedException>(() => np.load(new MemoryStream(file), allowPickle: true));
        Assert.Contains("pickle", e.Message);
    }

    [Fact]
    public void ASizedUnicodeCopyRoundTrips()
    {
        using var dir = new TempDir();
        string longText = new('q', 300);
        using var a = np.asarray(new[] { "a", "€😊", longText }, dtype: np.dtypes.StringDType());
        using var portable = a.AsType("U300");
        string path = dir.File("portable.npy");
        np.save(path, portable);
        using var loaded = np.load<NDArray>(path);
        using var back = loaded.AsType(np.dtypes.StringDType());
        Assert.Equal(StringDTypeTests.Values(a), StringDTypeTests.Values(back));
    }
}
