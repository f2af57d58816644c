using System.Diagnostics;
using NumNet.IO;

namespace NumNet.Tests.IO;

/// <summary>
/// <see cref="ReplacedFile"/>: a save over a large file holds the old file across the rename and lets it go afterwards,
/// so no descriptor of it outlives the save for long; a failed save lets it go at once and leaves the target as it was;
/// small files are not held. Linux only (elsewhere nothing is held, and the tests return at once).
/// </summary>
public sealed class ReplacedFileTests
{
    // The descriptors of this process that name path, marked "(deleted)" by the kernel once the file is replaced.
    private static List<string> DescriptorsOf(string path)
    {
        var found = new List<string>();
        foreach (var fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith(path, StringComparison.Ordinal))
                    found.Add(target);
            }
            catch (IOException)
            {
                // The descriptor closed while the folder was read.
            }
        }
        return found;
    }

    // Polls until no descriptor names path; a generous limit catches a hold that is never let go.
    private static void AssertLetGo(string path)
    {
        var clock = Stopwatch.StartNew();
        while (DescriptorsOf(path).Count > 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"a descriptor of the replaced file is still open: {string.Join(", ", DescriptorsOf(path))}");
            Thread.Sleep(10);
        }
    }

    // A file just large enough to be held, with no data written (sparse), so the tests stay quick.
    private static string SparseFileAboveHoldSize(TempDir dir, string name)
    {
        string path = dir.File(name);
        using var stream = File.Create(path);
        stream.SetLength(ReplacedFile.HoldFrom + 1);
        return path;
    }

    [Fact]
    public void A_save_over_a_large_file_replaces_it_and_lets_the_old_one_go()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDir();
        string path = SparseFileAboveHoldSize(dir, "big.npy");
        using (var a = np.arange(10))
            np.save(path, a);
        using (var back = np.load<NDArray>(path))
            Assert.Equal("array([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])", back.Repr());
        AssertLetGo(path);
    }

    [Fact]
    public void A_failed_save_over_a_large_file_keeps_it_and_holds_nothing()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDir();
        string path = SparseFileAboveHoldSize(dir, "big.bin");
        Assert.Throws<InvalidOperationException>(() =>
            AtomicFile.Write(path, 16, _ => throw new InvalidOperationException("the writer failed"), _ => { }));
        Assert.Equal(ReplacedFile.HoldFrom + 1, new FileInfo(path).Length);
        Assert.Empty(DescriptorsOf(path));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void The_hold_names_the_old_file_until_it_is_let_go_and_small_files_are_not_held()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDir();
        string path = dir.File("old.bin"), replacement = dir.File("new.bin");
        File.WriteAllText(path, "old");
        File.WriteAllText(replacement, "new");
        Assert.False(ReplacedFile.Hold(path, ReplacedFile.HoldFrom - 1).IsHeld);
        var held = ReplacedFile.Hold(path, ReplacedFile.HoldFrom);
        Assert.True(held.IsHeld);
        File.Move(replacement, path, overwrite: true);
        Assert.Equal(path + " (deleted)", Assert.Single(DescriptorsOf(path)));
        held.ReleaseNow();
        Assert.Empty(DescriptorsOf(path));
        Assert.Equal("new", File.ReadAllText(path));
    }
}
