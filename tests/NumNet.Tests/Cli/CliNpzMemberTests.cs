using System.Diagnostics;
using System.IO.Compression;
using NumNet.Cli;
using NumNet.Tests.IO;
using Xunit.Abstractions;

namespace NumNet.Tests.Cli;

/// <summary>
/// <c>numnet convert IN FILE.npz:NAME</c> into an existing archive: adds or replaces that one member, keeps every other
/// member byte for byte (compressed data included), needs <c>--force</c> only to replace, and fails atomically.
/// </summary>
public sealed class CliNpzMemberTests(ITestOutputHelper output)
{
    private static (int Code, string Out, string Err) Numnet(params string[] args) => CliProcess.InProcess(args);

    /// <summary>Each member's raw (still compressed) bytes, read past its local header as the zip format lays it out.</summary>
    private static Dictionary<string, (byte[] Raw, bool Compressed)> RawMembers(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        var members = new Dictionary<string, (byte[], bool)>();
        using var zip = ZipFile.OpenRead(path);
        int at = 0;
        foreach (var entry in zip.Entries)
        {
            at = IndexOfLocalHeader(file, at, entry.FullName);
            int nameLength = BitConverter.ToUInt16(file, at + 26);
            int extraLength = BitConverter.ToUInt16(file, at + 28);
            int method = BitConverter.ToUInt16(file, at + 8);
            int start = at + 30 + nameLength + extraLength;
            members[entry.FullName] = (file[start..(start + (int)entry.CompressedLength)], method != 0);
            at = start;
        }
        return members;
    }

    private static int IndexOfLocalHeader(byte[] file, int from, string name)
    {
        byte[] nameBytes = System.Text.Encoding.UTF8.GetBytes(name);
        for (int i = from; i + 30 + nameBytes.Length <= file.Length; i++)
        {
            if (file[i] == 0x50 && file[i + 1] == 0x4b && file[i + 2] == 3 && file[i + 3] == 4
                && BitConverter.ToUInt16(file, i + 26) == nameBytes.Length
                && file.AsSpan(i + 30, nameBytes.Length).SequenceEqual(nameBytes))
                return i;
        }
        throw new InvalidDataException("no local header for " + name);
    }

    private static string MakeArchive(TempDir dir, string name, bool compressed)
    {
        string path = dir.File(name);
        using var x = np.arange(1000);
        using var y = np.asarray(new[] { 0.0, 0.25, 0.5, 0.75, 1.0 });
        if (compressed)
            np.savez_compressed(path, ("x", x), ("y", y));
        else
            np.savez(path, ("x", x), ("y", y));
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Adding_a_member_keeps_the_others_byte_for_byte(bool compressed)
    {
        using var dir = new TempDir();
        string archive = MakeArchive(dir, "w.npz", compressed);
        var before = RawMembers(archive);
        using (var n = np.asarray(new[] { 1.5, 2.5 }))
            np.save(dir.File("new.npy"), n);

        var (code, _, err) = Numnet("convert", dir.File("new.npy"), archive + ":new");
        Assert.True(code == 0, err);

        var after = RawMembers(archive);
        Assert.Equal(["x.npy", "y.npy", "new.npy"], after.Keys);
        foreach (var name in new[] { "x.npy", "y.npy" })
        {
            Assert.Equal(before[name].Raw, after[name].Raw);
            Assert.Equal(compressed, after[name].Compressed);
        }
        Assert.Equal(compressed, after["new.npy"].Compressed);
        using var z = np.load<NpzFile>(archive);
        Assert.Equal(["x", "y", "new"], z.Files);
        using var added = z["new"];
        Assert.Equal("array([1.5, 2.5])", added.Repr());
        using var kept = z["x"];
        Assert.Equal(999L, kept.GetItem<long>(999));
    }

    [Fact]
    public void Replacing_a_member_needs_force_and_keeps_the_rest()
    {
        using var dir = new TempDir();
        string archive = MakeArchive(dir, "w.npz", compressed: true);
        byte[] original = File.ReadAllBytes(archive);
        using (var n = np.asarray(new[] { 7, 8 }))
            np.save(dir.File("n.npy"), n);

        var (code, _, err) = Numnet("convert", dir.File("n.npy"), archive + ":y");
        Assert.Equal(1, code);
        Assert.Contains("already has a member 'y'; use --force to replace it", err);
        Assert.Equal(original, File.ReadAllBytes(archive));

        var before = RawMembers(archive);
        Assert.Equal(0, Numnet("convert", dir.File("n.npy"), archive + ":y", "--force").Code);
        var after = RawMembers(archive);
        Assert.Equal(["x.npy", "y.npy"], after.Keys.Order());
        Assert.Equal(before["x.npy"].Raw, after["x.npy"].Raw);
        Assert.True(after["y.npy"].Compressed);
        using var z = np.load<NpzFile>(archive);
        using var y = z["y"];
        Assert.Equal("array([7, 8], dtype=int32)", y.Repr());
        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void A_file_that_is_not_an_npz_is_bad_input_and_stays()
    {
        using var dir = new TempDir();
        string target = dir.File("junk.npz");
        File.WriteAllText(target, "just text");
        foreach (var force in new[] { false, true })
        {
            string[] args = force ? ["convert", IoTestData.Fixture("bool.npy"), target + ":x", "--force"] : ["convert", IoTestData.Fixture("bool.npy"), target + ":x"];
            var (code, _, err) = Numnet(args);
            Assert.Equal(1, code);
            Assert.Contains("cannot take a new member: not a valid .npz", err);
            Assert.Equal("just text", File.ReadAllText(target));
        }
        Assert.Equal(["junk.npz"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_update_leaves_the_old_archive()
    {
        if (OperatingSystem.IsWindows())
            return;
        using var dir = new TempDir();
        string archive = MakeArchive(dir, "w.npz", compressed: false);
        byte[] original = File.ReadAllBytes(archive);
        // An input that fails only after the archive was checked: its cast is refused.
        var (code, _, err) = Numnet("convert", IoTestData.Fixture("layout_c_3d.npy"), archive + ":c", "--dtype", "int8");
        Assert.Equal(1, code);
        Assert.Contains("same_kind", err);
        // A read-only archive is refused as any read-only target is.
        File.SetUnixFileMode(archive, UnixFileMode.UserRead);
        var (code2, _, err2) = Numnet("convert", IoTestData.Fixture("bool.npy"), archive + ":b");
        Assert.Equal(1, code2);
        Assert.Contains("read-only", err2);
        Assert.Equal(original, File.ReadAllBytes(archive));
        Assert.Equal(["w.npz"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_missing_archive_is_created_and_a_plain_npz_target_still_replaces_the_whole_file()
    {
        using var dir = new TempDir();
        string archive = dir.File("fresh.npz");
        Assert.Equal(0, Numnet("convert", IoTestData.Fixture("bool.npy"), archive + ":b").Code);
        using (var z = np.load<NpzFile>(archive))
            Assert.Equal(["b"], z.Files);
        // FILE.npz without a member names a whole new archive, so an existing one needs --force, as any output does.
        Assert.Equal(1, Numnet("convert", IoTestData.Fixture("bool.npy"), archive).Code);
        Assert.Equal(0, Numnet("convert", IoTestData.Fixture("bool.npy"), archive, "--force").Code);
        using (var z = np.load<NpzFile>(archive))
            Assert.Equal(["arr_0"], z.Files);
    }

    [Fact]
    public void An_interrupted_update_leaves_the_old_archive_and_no_temporary_file()
    {
        using var dir = new TempDir();
        string archive = MakeArchive(dir, "w.npz", compressed: true);
        byte[] original = File.ReadAllBytes(archive);
        // Deflating a few million floats takes long enough to be caught in the middle; if the tool was faster than
        // the signal, the next try is four times larger.
        for (long size = 2_000_000; ; size *= 4)
        {
            string input = dir.File("big.npy");
            using (var ints = np.arange(size))
            using (var a = ints.AsType(np.float64))
                np.save(input, a);
            using var process = CliProcess.Start("convert", input, archive + ":big");
            bool sawTemp = CliProcess.WaitForTempFile(dir.Path, process);
            if (sawTemp)
                CliProcess.Signal(process, "INT");
            var outcome = CliProcess.Finish(process);
            if (!sawTemp || outcome.ExitCode == 0)
            {
                Assert.True(size < 32_000_000, "the update always ended before it could be interrupted: " + outcome);
                File.WriteAllBytes(archive, original);
                continue;
            }
            Assert.NotEqual(0, outcome.ExitCode);
            Assert.DoesNotContain("Unhandled", outcome.Stderr);
            Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
            Assert.Equal(original, File.ReadAllBytes(archive));
            return;
        }
    }

    private const string NumPyCheck = """
        import sys, numpy as np
        z = np.load(sys.argv[1])
        assert z.files == ['x', 'y', 'new', 'b'], z.files
        assert (z['x'] == np.arange(1000)).all()
        assert (z['y'] == np.linspace(0.0, 1.0, 5)).all()
        assert z['new'].tolist() == [[1.5, 2.5]], z['new'].tolist()
        assert z['b'].dtype == np.int32 and z['b'].tolist() == [5, 6]
        print("numpy agrees")
        """;

    [Fact]
    public void Numpy_loads_the_updated_archive()
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            output.WriteLine("SKIPPED: /usr/bin/python3 is not installed");
            return;
        }
        using var dir = new TempDir();
        string archive = MakeArchive(dir, "w.npz", compressed: true);
        using (var n = np.asarray(new[,] { { 1.5, 2.5 } }))
            np.save(dir.File("new.npy"), n);
        using (var b = np.asarray(new[] { 5, 6 }))
            np.save(dir.File("b.npy"), b);
        Assert.Equal(0, Numnet("convert", dir.File("new.npy"), archive + ":new").Code);
        Assert.Equal(0, Numnet("convert", dir.File("b.npy"), archive + ":b").Code);

        var (exitCode, stdout, stderr) = Python(archive);
        if (stderr.Contains("No module named 'numpy'", StringComparison.Ordinal))
        {
            output.WriteLine("SKIPPED: numpy is not importable by /usr/bin/python3");
            return;
        }
        Assert.True(exitCode == 0, stdout + stderr);
        Assert.Contains("numpy agrees", stdout);
    }

    private static (int Code, string Stdout, string Stderr) Python(string archive)
    {
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(NumPyCheck);
        psi.ArgumentList.Add(archive);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr.Result);
    }
}
