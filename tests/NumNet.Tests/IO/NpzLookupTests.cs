using System.IO.Compression;
using System.Text;

namespace NumNet.Tests.IO;

/// <summary>
/// .npz names are looked up as NumPy's NpzFile looks them up over Python's zipfile. The expected values are what
/// NumPy 1.24 and 2.x answer for the same archive, built in Python with zipfile.writestr.
/// </summary>
public sealed class NpzLookupTests
{
    private static byte[] Npy(long value)
    {
        var ms = new MemoryStream();
        using (var a = np.asarray(new[] { value }))
            np.save(ms, a);
        return ms.ToArray();
    }

    private static NpzFile Archive(Encoding? names, params (string Name, long Value)[] members)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true, names))
        {
            foreach (var (name, value) in members)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Npy(value));
            }
        }
        ms.Position = 0;
        return new NpzFile(ms);
    }

    private static long Value(NpzFile z, string key)
    {
        using var a = z[key];
        return (long)a.GetValue(0)!;
    }

    [Fact]
    public void A_repeated_member_name_reads_the_last_copy()
    {
        // Python: f.files == ['a', 'a'], f['a'] == f['a.npy'] == [2].
        using var z = Archive(null, ("a.npy", 1), ("a.npy", 2));
        Assert.Equal(["a", "a"], z.Files);
        Assert.Equal(2, z.Count);
        Assert.Equal(2, Value(z, "a"));
        Assert.Equal(2, Value(z, "a.npy"));
        Assert.All(z, pair => Assert.Equal(2, (long)pair.Value.GetValue(0)!));
    }

    [Fact]
    public void A_full_member_name_wins_over_a_name_without_its_suffix()
    {
        // Python: files == ['x', 'x.npy']; f['x'] == f['x.npy'] == [10], f['x.npy.npy'] == [20].
        using var z = Archive(null, ("x.npy", 10), ("x.npy.npy", 20));
        Assert.Equal(["x", "x.npy"], z.Files);
        Assert.Equal(10, Value(z, "x"));
        Assert.Equal(10, Value(z, "x.npy"));
        Assert.Equal(20, Value(z, "x.npy.npy"));
    }

    [Fact]
    public void Every_member_is_listed_and_names_end_at_a_nul()
    {
        // Python: a member named 'b\0junk.npy' is 'b' (zipfile ends names at NUL), listed and read as 'b'; a member
        // that is not .npy is listed under its own name, and reading it is refused here (NumPy returns its bytes).
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("b\0junk.npy").Open())
                s.Write(Npy(30));
            using (var s = zip.CreateEntry("notes.txt").Open())
                s.Write("hello"u8);
        }
        ms.Position = 0;
        using var z = new NpzFile(ms);
        Assert.Equal(["b", "notes.txt"], z.Files);
        Assert.Equal(30, Value(z, "b"));
        Assert.Contains("magic", Assert.Throws<InvalidDataException>(() => z["notes.txt"]).Message);
        Assert.Throws<KeyNotFoundException>(() => z["b\0junk"]);
    }

    [Fact]
    public void Names_without_the_utf8_flag_are_code_page_437()
    {
        // Written unflagged in code page 437, 'é' is the byte 0x82, which zipfile reads back as 'é'; flagged UTF-8 names
        // (what Python writes for non-ASCII names) read as UTF-8.
        var cp437 = CodePagesEncodingProvider.Instance.GetEncoding(437)!;
        using (var z = Archive(cp437, ("\u00e9t\u00e9.npy", 40)))
        {
            Assert.Equal(["\u00e9t\u00e9"], z.Files);
            Assert.Equal(40, Value(z, "\u00e9t\u00e9"));
        }
        using (var z = Archive(null, ("\u00e9t\u00e9.npy", 41)))
            Assert.Equal(41, Value(z, "\u00e9t\u00e9"));
    }

    [Fact]
    public void Messages_quote_names_as_python_repr_does()
    {
        using var z = Archive(null, ("line\nbreak\u001b[31m.npy", 1));
        Assert.Equal(["line\nbreak\u001b[31m"], z.Files);
        var missing = Assert.Throws<KeyNotFoundException>(() => z["other\n\u001b[2J"]);
        Assert.Equal("'other\\n\\x1b[2J' is not a file in the archive", missing.Message);
    }
}
