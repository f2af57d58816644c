using System.Diagnostics;
using System.IO.MemoryMappedFiles;
using NumNet.IO;
using NumNet.Memory;
using NumNet.Platform;
using NumNet.Tests.IO;
using Xunit.Abstractions;

namespace NumNet.Tests.Reliability;

/// <summary>
/// Memory-mapped loads whose file is truncated, shrunk or rewritten while mapped (tests/NumNet.Hostile/MappedTruncation.cs,
/// each in a child process, since a regression ends the process with SIGBUS): modes "r" and "c" keep their contents,
/// "r+" throws at its next access, and nothing crashes; and where no lease can be had, "r" and "c" read the file into
/// memory and "r+" is refused.
/// </summary>
public sealed class MappedTruncationTests(ITestOutputHelper output)
{
    private const string Rounds = "20";

    public static TheoryData<string, string> ModesAndDamages()
    {
        var data = new TheoryData<string, string>();
        foreach (string mode in new[] { "r", "c", "r+" })
        {
            foreach (string damage in new[] { "truncate", "shrink", "coreutils-truncate", "open-wb", "numpy-save" })
                data.Add(mode, damage);
        }
        return data;
    }

    public static TheoryData<string> Modes() => new() { "r", "c", "r+" };

    [Theory]
    [MemberData(nameof(ModesAndDamages))]
    public void A_file_another_process_truncates_or_rewrites_never_crashes_its_mapper(string mode, string damage)
    {
        PassesInNewFolder("mmap-truncated-by-another-process", Python(needsNumPy: damage == "numpy-save"), mode, damage, Rounds);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_file_this_process_truncates_never_crashes_it(string mode)
    {
        PassesInNewFolder("mmap-truncated-by-this-process", OperatingSystem.IsLinux(), mode, Rounds);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void A_mapping_too_large_to_copy_ends_its_array_without_crashing(string mode)
    {
        PassesInNewFolder("mmap-too-large-to-copy", Python(needsNumPy: false), mode, Rounds);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Dispose_racing_a_lease_break_never_crashes(string mode)
    {
        PassesInNewFolder("mmap-dispose-during-break", Python(needsNumPy: false), mode, Rounds);
    }

    [Fact]
    public void A_file_another_process_holds_open_for_writing_is_read_into_memory_and_r_plus_is_refused()
    {
        PassesInNewFolder("mmap-of-a-file-open-for-writing", Python(needsNumPy: false));
    }

    [Fact]
    public void A_file_this_process_does_not_own_is_read_into_memory_and_r_plus_is_refused()
    {
        // Root holds CAP_LEASE, which leases any file: the scenario runs as root without it (setpriv).
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/usr/bin/setpriv"))
        {
            output.WriteLine("SKIPPED: needs Linux, root and setpriv to run a process without CAP_LEASE");
            return;
        }
        using var dir = new TempDir();
        File.SetUnixFileMode(dir.Path, (UnixFileMode)0x1FF);
        // Through a shell only to merge the two streams into one pipe, read to its end before waiting.
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        foreach (string a in new[] { "-c", "exec /usr/bin/setpriv --bounding-set=-lease --inh-caps=-lease dotnet \"$0\" mmap-of-a-file-not-owned \"$1\" 2>&1", ChildProcess.RunnerPath, dir.Path })
            info.ArgumentList.Add(a);
        info.Environment["DOTNET_DbgEnableMiniDump"] = "0";
        using var process = Process.Start(info)!;
        string text = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "the scenario hangs");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}\n{text}");
        output.WriteLine(text);
    }

    [Fact]
    public void A_file_this_process_holds_open_for_writing_is_read_not_mapped()
    {
        using var dir = new TempDir();
        string path = dir.File("held.npy");
        np.save(path, np.arange(10.0));
        using var writer = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);

        using var r = np.load<NDArray>(path, mmapMode: "r");
        Assert.IsNotType<MemoryMappedFileBuffer>(r.Buffer);
        Assert.False(r.IsWriteable);
        Assert.Equal(9.0, r.GetItem<double>(9));

        using var c = np.load<NDArray>(path, mmapMode: "c");
        Assert.IsNotType<MemoryMappedFileBuffer>(c.Buffer);
        c.SetItem(-1.0, 9);
        using (var reread = np.load<NDArray>(path))
            Assert.Equal(9.0, reread.GetItem<double>(9));

        var refused = Assert.Throws<IOException>(() => np.load<NDArray>(path, mmapMode: "r+"));
        Assert.Contains("mmapMode 'r+'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("open elsewhere", refused.Message, StringComparison.Ordinal);
        Assert.Throws<IOException>(() => new MemoryMappedFileBuffer(path, 0, 8, MemoryMappedFileAccess.Read));
    }

    [Fact]
    public void A_mapping_keeps_its_lease_while_this_process_reads_the_file()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDir();
        string path = dir.File("read.npy");
        np.save(path, np.arange(1000.0));
        foreach (string mode in new[] { "r", "c" })
        {
            using var a = np.load<NDArray>(path, mmapMode: mode);
            var buffer = Assert.IsType<MemoryMappedFileBuffer>(a.Buffer);
            Assert.True(buffer.HoldsFileLease);
            // An open for reading does not break a read lease.
            using (var again = np.load<NDArray>(path))
                Assert.Equal(999.0, again.GetItem<double>(999));
            Assert.True(buffer.HoldsFileLease);
            Assert.Equal(999.0, a.GetItem<double>(999));
        }
    }

    [Fact]
    public void Any_other_open_ends_an_r_plus_mapping_after_its_writes_reached_the_file()
    {
        if (!OperatingSystem.IsLinux())
            return;
        using var dir = new TempDir();
        string path = dir.File("rw.npy");
        np.save(path, np.arange(1000.0));
        using var a = np.load<NDArray>(path, mmapMode: "r+");
        using var view = a[np.s(10, 20)];
        Assert.True(((MemoryMappedFileBuffer)a.Buffer).HoldsFileLease);
        a.SetItem(-5.0, 3);
        // This open waits until the write lease is given up: by then the write is in the file and the array ended.
        using (var reread = np.load<NDArray>(path))
            Assert.Equal(-5.0, reread.GetItem<double>(3));
        var ended = Assert.Throws<ObjectDisposedException>(() => a.GetItem<double>(3));
        Assert.Contains("mmapMode 'r+'", ended.Message, StringComparison.Ordinal);
        Assert.Throws<ObjectDisposedException>(() => view.GetItem<double>(0));
        // Mapped again, it holds the write lease anew.
        using var b = np.load<NDArray>(path, mmapMode: "r+");
        Assert.True(((MemoryMappedFileBuffer)b.Buffer).HoldsFileLease);
        Assert.Equal(-5.0, b.GetItem<double>(3));
    }

    [Fact]
    public void Lease_errors_name_their_reason()
    {
        Assert.Equal(LeaseRefusal.OpenElsewhere, LeasedFileMapping.RefusalFor(LeaseLibc.EAgain));
        Assert.Equal(LeaseRefusal.NotOwner, LeasedFileMapping.RefusalFor(LeaseLibc.EAccess));
        Assert.Equal(LeaseRefusal.Unsupported, LeasedFileMapping.RefusalFor(22)); // EINVAL: a file system without leases
        Assert.Contains("does not own", MemoryMappedFileBuffer.Describe(LeaseRefusal.NotOwner, MemoryMappedFileAccess.ReadWrite), StringComparison.Ordinal);
        Assert.Contains("open for writing", MemoryMappedFileBuffer.Describe(LeaseRefusal.OpenElsewhere, MemoryMappedFileAccess.Read), StringComparison.Ordinal);
        Assert.Contains("only on Linux", MemoryMappedFileBuffer.Describe(LeaseRefusal.NotLinux, MemoryMappedFileAccess.Read), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_lease_r_and_c_are_read_into_memory_and_r_plus_is_refused()
    {
        const long available = 1L << 30;
        Assert.Equal(MemoryMapLoader.UnleasedPlan.ReadIntoMemory, MemoryMapLoader.WithoutLease(MemoryMappedFileAccess.Read, 1000, available));
        Assert.Equal(MemoryMapLoader.UnleasedPlan.ReadIntoMemory, MemoryMapLoader.WithoutLease(MemoryMappedFileAccess.CopyOnWrite, available / 2, available));
        Assert.Equal(MemoryMapLoader.UnleasedPlan.Refuse, MemoryMapLoader.WithoutLease(MemoryMappedFileAccess.ReadWrite, 1000, available));
        // More than half the memory available: a mapping would have cost nothing, a read could end in the OOM killer.
        Assert.Equal(MemoryMapLoader.UnleasedPlan.RefuseTooLarge, MemoryMapLoader.WithoutLease(MemoryMappedFileAccess.Read, available / 2 + 1, available));
        Assert.Equal(MemoryMapLoader.UnleasedPlan.RefuseTooLarge, MemoryMapLoader.WithoutLease(MemoryMappedFileAccess.CopyOnWrite, 1L << 40, available));
    }

    // Runs the scenario with a new folder as its last argument, or notes the skip when it cannot run here.
    private void PassesInNewFolder(string scenario, bool canRun, params string[] arguments)
    {
        if (!canRun)
        {
            output.WriteLine($"SKIPPED: {scenario} needs Linux and /usr/bin/python3 (with NumPy to save over the file)");
            return;
        }
        using var dir = new TempDir();
        var outcome = ChildProcess.Run(scenario, [.. arguments, dir.Path]);
        Assert.True(outcome.ExitCode == 0, $"scenario '{scenario}' failed: {outcome}");
        output.WriteLine(outcome.Stdout);
    }

    // The other process of most scenarios is Debian's Python; NumPy only for the np.save damage.
    private static bool Python(bool needsNumPy)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/python3"))
            return false;
        if (!needsNumPy)
            return true;
        using var probe = Process.Start("/usr/bin/python3", ["-c", "import numpy"]);
        probe.WaitForExit();
        return probe.ExitCode == 0;
    }
}
