using System.Globalization;
using System.Text;

namespace NumNet.Tests.IO;

/// <summary>
/// np.save and np.savez write the target rather than replace it: permissions kept, links followed, read-only targets
/// refused, long names saved, no temporary file left by any failure.
/// </summary>
public sealed class SafeSaveTests
{
    private static NDArray Sample() => np.arange(12).Reshape(3, 4);

    private static void AssertHoldsSample(string path)
    {
        using var a = np.load<NDArray>(path);
        using var expected = Sample();
        Assert.Equal(expected.Repr(), a.Repr());
    }

    [Fact]
    public void A_private_target_stays_private()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempDir();
        string npy = dir.File("secret.npy"), npz = dir.File("secret.npz");
        foreach (var path in new[] { npy, npz })
        {
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        using (var a = Sample())
        {
            np.save(npy, a);
            np.savez(npz, ("a", a));
        }
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(npy));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(npz));
        AssertHoldsSample(npy);
        Assert.Equal(2, Directory.GetFileSystemEntries(dir.Path).Length);
    }

    [Fact]
    public void Unusual_permission_bits_are_kept_exactly()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempDir();
        string path = dir.File("shared.npy");
        File.WriteAllText(path, "old");
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherRead;
        File.SetUnixFileMode(path, mode);
        using (var a = Sample())
            np.save(path, a);
        Assert.Equal(mode, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_owner_and_group_are_kept_where_the_system_allows()
    {
        // Only root may give a file to another user, so this runs as root (the CI container) and is empty elsewhere.
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            return;
        using var dir = new TempDir();
        string path = dir.File("theirs.npy");
        File.WriteAllText(path, "old");
        Assert.Equal(0, Run("chown", ["1:1", path], out _));
        using (var a = Sample())
            np.save(path, a);
        Assert.Equal(0, Run("stat", ["-c", "%u:%g", path], out string owner));
        Assert.Equal("1:1", owner.Trim());
        AssertHoldsSample(path);
    }

    private static int Run(string file, string[] args, out string output)
    {
        var info = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in args)
            info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode;
    }

    [Fact]
    public void A_read_only_target_is_refused_and_left_alone()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempDir();
        string npy = dir.File("kept.npy"), npz = dir.File("kept.npz");
        foreach (var path in new[] { npy, npz })
        {
            File.WriteAllText(path, "old");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
        using (var a = Sample())
        {
            var e = Assert.Throws<UnauthorizedAccessException>(() => np.save(npy, a));
            Assert.Contains("read-only", e.Message);
            Assert.Throws<UnauthorizedAccessException>(() => np.savez(npz, ("a", a)));
        }
        Assert.Equal("old", File.ReadAllText(npy));
        Assert.Equal("old", File.ReadAllText(npz));
        Assert.Equal(2, Directory.GetFileSystemEntries(dir.Path).Length);
    }

    [Fact]
    public void A_symbolic_link_is_followed_and_stays_a_link()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("real"));
        string real = dir.File(Path.Combine("real", "data.npy"));
        File.WriteAllText(real, "stale");
        string link = dir.File("link.npy");
        File.CreateSymbolicLink(link, Path.Combine("real", "data.npy"));
        using (var a = Sample())
            np.save(link, a);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        AssertHoldsSample(real);
        AssertHoldsSample(link);
        // The temporary file was made beside the real target and is gone.
        Assert.Equal([real], Directory.GetFileSystemEntries(dir.File("real")));
        Assert.Equal(2, Directory.GetFileSystemEntries(dir.Path).Length);
    }

    [Fact]
    public void A_dangling_link_creates_its_target()
    {
        using var dir = new TempDir();
        string link = dir.File("link.npz");
        File.CreateSymbolicLink(link, "made.npz");
        using (var a = Sample())
            np.savez(link, a);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        using var z = np.load<NpzFile>(dir.File("made.npz"));
        Assert.Equal(["arr_0"], z.Files);
    }

    [Theory]
    [InlineData(250, 'n')]
    [InlineData(255, 'n')]
    [InlineData(84, '\u00e9')] // 2 UTF-8 bytes each: 168 + ".npy" + the temporary suffix would pass 255 if kept whole
    public void Names_up_to_the_file_system_limit_are_saved(int length, char c)
    {
        using var dir = new TempDir();
        string name = new string(c, length - (c == 'n' ? 4 : 0)) + ".npy";
        Assert.True(Encoding.UTF8.GetByteCount(name) <= 255);
        string path = dir.File(name);
        using (var a = Sample())
            np.save(path, a);
        AssertHoldsSample(path);
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Temporary_names_stay_short()
    {
        string temp = NumNet.IO.AtomicFile.TempName(new string('x', 251) + ".npy");
        Assert.True(Encoding.UTF8.GetByteCount(temp) < 140, temp);
        Assert.StartsWith(".xxx", temp);
        Assert.EndsWith(".tmp", temp);
        // A cut never splits a character.
        string cut = NumNet.IO.AtomicFile.TempName(new string('\u00e9', 200));
        Assert.DoesNotContain('\uFFFD', cut);
    }

    [Fact]
    public void A_save_interrupted_by_a_signal_throws_and_leaves_the_target()
    {
        // In a process of its own: the interrupt reaches every save in progress in the process.
        using var dir = new TempDir();
        NumNet.Tests.Reliability.ChildProcess.AssertPasses("file-save-interrupted", dir.Path);
    }

    [Fact]
    public void Saving_over_a_mapped_file_leaves_the_mapping_intact()
    {
        // np.save renames a new file over the old one instead of truncating it in place (as NumPy does), so an array
        // that maps the old file keeps reading the old bytes instead of faulting.
        using var dir = new TempDir();
        string path = dir.File("m.npy");
        using (var a = np.arange(100_000))
            np.save(path, a);
        using var mapped = np.load<NDArray>(path, mmapMode: "r");
        using (var small = np.arange(3))
            np.save(path, small);
        Assert.Equal(99_999L, mapped.GetValue(99_999));
        using var reloaded = np.load<NDArray>(path);
        Assert.Equal(3, reloaded.Size);
    }

    [Fact]
    public void A_directory_target_is_an_io_error()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("d.npy"));
        using var a = Sample();
        Assert.Contains("is a directory", Assert.Throws<IOException>(() => np.save(dir.File("d.npy"), a)).Message);
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void A_device_is_written_in_place()
    {
        // Only where the save can tell a device from a file (statx); elsewhere a root test run must not risk /dev/null.
        if (NumNet.IO.FileStatus.Of("/dev/null").Kind != NumNet.IO.FileKindOnDisk.Special)
            return;
        using var a = Sample();
        // Renaming a temporary file over /dev/null (as root) would replace the device with a regular file.
        np.save("/dev/null", a);
        Assert.Equal(NumNet.IO.FileKindOnDisk.Special, NumNet.IO.FileStatus.Of("/dev/null").Kind);
    }

    [Fact]
    public void A_huge_unicode_descr_is_invalid_data()
    {
        // 536870912 four-byte characters: 2 GiB per element, more than a dtype's item size can hold.
        var npy = HeaderTests.Npy("{'descr': '<U536870912', 'fortran_order': False, 'shape': (1,), }");
        var e = Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(npy)));
        Assert.Contains("'<U536870912'", e.Message);
    }

    [Fact]
    public void Header_text_in_messages_is_quoted_as_python_repr()
    {
        var npy = HeaderTests.Npy("{'descr': '<f8\u001b[2J', 'fortran_order': False, 'shape': (1,), }");
        var e = Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(npy)));
        Assert.Contains("'<f8\\x1b[2J'", e.Message);
        Assert.DoesNotContain('\u001b', e.Message);
        var key = HeaderTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x\\'\u0007': 1}");
        var keyError = Assert.Throws<InvalidDataException>(() => np.load(new MemoryStream(key)));
        Assert.DoesNotContain('\u0007', keyError.Message);
    }

    [Fact]
    public void Messages_read_the_same_under_any_culture()
    {
        var hostile = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        hostile.NumberFormat.NegativeSign = "\u2212";
        hostile.NumberFormat.NumberDecimalSeparator = ",";
        hostile.NumberFormat.NumberGroupSeparator = "\u00a0";
        var invariantMessages = Messages();
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = hostile;
        try
        {
            Assert.Equal(invariantMessages, Messages());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
        Assert.All(invariantMessages, m => Assert.DoesNotContain('\u2212', m));
    }

    // Every failure message of np.load / NpzFile that prints numbers, negative ones included.
    private static List<string> Messages()
    {
        var messages = new List<string>();
        void Record(Action action)
        {
            try
            {
                action();
                messages.Add("(no error)");
            }
            catch (Exception e)
            {
                messages.Add(e.GetType().Name + ": " + e.Message);
            }
        }
        var good = HeaderTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }");
        Record(() => np.load(new MemoryStream(good), maxHeaderSize: -1));
        Record(() => np.load(new MemoryStream(good)));
        Record(() => np.load(new MemoryStream(good[..^3])));
        Record(() => np.load(new MemoryStream(HeaderTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (-4,), }"))));
        Record(() => np.load(new MemoryStream(HeaderTests.Npy("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }"))));
        Record(() => np.load(new MemoryStream(HeaderTests.Npy("{'descr': '<i8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }"))));
        Record(() => np.load(new MemoryStream([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 7, 1])));
        var archive = new MemoryStream();
        using (var a = np.arange(1000))
            np.savez(archive, ("m", a));
        archive.Position = 0;
        using (var z = new NpzFile(archive, leaveOpen: true))
        {
            z.MaxMemberBytes = 100;
            Record(() => z["m"].Dispose());
        }
        return messages;
    }
}
