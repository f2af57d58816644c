using System.Diagnostics;
using System.Globalization;
using NumNet.Platform;

namespace NumNet.Hostile;

/// <summary>
/// A file loaded with <c>np.load(path, mmapMode: ...)</c> that another process truncates, shrinks or rewrites while it
/// is mapped. NumPy dies with SIGBUS at the next touch of a lost page; NumNet must keep the array's contents (modes
/// "r" and "c") or throw a clear exception at its next access (mode "r+"), and never crash.
/// </summary>
public static class MappedTruncation
{
    private const int Elements = 1 << 17; // 1 MiB of float64: 256 pages, so most of them are lost to the truncation

    /// <summary>How the other process damages the file.</summary>
    private static readonly Dictionary<string, Func<string, (string File, string[] Arguments)>> Damages = new(StringComparer.Ordinal)
    {
        ["truncate"] = path => ("/usr/bin/python3", ["-c", "import os, sys; os.truncate(sys.argv[1], 0)", path]),
        ["shrink"] = path => ("/usr/bin/python3", ["-c", "import os, sys; os.truncate(sys.argv[1], 4096)", path]),
        // coreutils' truncate opens without blocking, so it fails at once while the lease is held (as it does for
        // any leased file); like a user, it tries again.
        ["coreutils-truncate"] = path => ("/bin/sh", ["-c", "for i in $(seq 200); do truncate -s 0 \"$1\" 2>/dev/null && exit 0; sleep 0.05; done; exit 1", "sh", path]),
        // Prints how long its open waited (in ms): the delay a lease break costs the other process.
        ["open-wb"] = path => ("/usr/bin/python3", ["-c", "import sys, time; t = time.perf_counter(); open(sys.argv[1], 'wb').close(); print((time.perf_counter() - t) * 1000)", path]),
        ["numpy-save"] = path => ("/usr/bin/python3", ["-c", "import sys, numpy; numpy.save(sys.argv[1], numpy.zeros(3))", path]),
    };

    /// <summary>
    /// Arguments: mode ("r", "c" or "r+"), damage (truncate, shrink, coreutils-truncate, open-wb, numpy-save), rounds,
    /// and a folder to work in. Each round saves 1 MiB of float64, maps it, reads it, lets another process damage the
    /// file while a second thread keeps summing the array, then reads every element again: "r" and "c" keep their
    /// contents, "r+" (whose writes could no longer reach the file) throws at its next access.
    /// </summary>
    [Scenario("mmap-truncated-by-another-process")]
    public static void TruncatedByAnotherProcess(string[] args)
    {
        string mode = args[0], damage = args[1];
        var plan = new Rounds(mode, Parse(args[2]), Path.Combine(args[3], "mapped.npy"), ExpectEnded: mode == "r+");
        Run(plan, path => RunOtherProcess(Damages[damage](path)), damage);
    }

    /// <summary>
    /// Arguments: mode, rounds, folder. As <c>mmap-truncated-by-another-process</c>, but a thread of this process opens
    /// the file for writing and truncates it: the kernel breaks this process's own lease the same way.
    /// </summary>
    [Scenario("mmap-truncated-by-this-process")]
    public static void TruncatedByThisProcess(string[] args)
    {
        string mode = args[0];
        var plan = new Rounds(mode, Parse(args[1]), Path.Combine(args[2], "mapped.npy"), ExpectEnded: mode == "r+");
        Run(plan, path => Task.Run(() => TruncateHere(path)).Result, "truncated by this process");
    }

    /// <summary>
    /// Arguments: mode, rounds, folder. The mapping is taken as too large to copy (the limit set to 0 bytes): every
    /// mode then ends its array, lets running reads finish, and leaves zero pages, never a lost one.
    /// </summary>
    [Scenario("mmap-too-large-to-copy")]
    public static void TooLargeToCopy(string[] args)
    {
        LeaseBreakTiming.CopyLimitOverride = 0;
        var plan = new Rounds(args[0], Parse(args[1]), Path.Combine(args[2], "mapped.npy"), ExpectEnded: true);
        Run(plan, path => RunOtherProcess(Damages["truncate"](path)), "truncate, too large to copy");
    }

    /// <summary>
    /// Arguments: mode, rounds, folder. A third thread disposes the array at a random moment while another process
    /// truncates the file and a second thread reads: whichever comes first, no access faults.
    /// </summary>
    [Scenario("mmap-dispose-during-break")]
    public static void DisposeDuringBreak(string[] args)
    {
        var plan = new Rounds(args[0], Parse(args[1]), Path.Combine(args[2], "mapped.npy"), ExpectEnded: null, DisposeMeanwhile: true);
        Run(plan, path => RunOtherProcess(Damages["open-wb"](path)), "open-wb, disposed meanwhile");
    }

    /// <summary>What a run of rounds does: <paramref name="ExpectEnded"/> null admits either outcome.</summary>
    private sealed record Rounds(string Mode, int Count, string Path, bool? ExpectEnded, bool DisposeMeanwhile = false);

    private static void Run(Rounds plan, Func<string, string> damage, string label)
    {
        double expectedSum = (double)Elements * (Elements - 1) / 2;
        int kept = 0, ended = 0;
        var waits = new List<double>();
        var random = new Random(13);
        for (int round = 0; round < plan.Count; round++)
        {
            using (var source = np.arange((double)Elements))
                np.save(plan.Path, source);
            using var a = np.load<NDArray>(plan.Path, mmapMode: plan.Mode);
            Expect.That(a.Buffer is NumNet.Memory.MemoryMappedFileBuffer, $"round {round}: the file was not mapped");
            Expect.That(Sum(a) == expectedSum, $"round {round}: the mapped file does not read back whole");
            if (plan.Mode != "r")
                a.SetItem(-1.0, 0);
            double expectedNow = plan.Mode == "r" ? expectedSum : expectedSum - 1;

            using var stop = new CancellationTokenSource();
            var reader = Task.Run(() => ReadUntilStopped(a, expectedNow, stop.Token));
            int disposeAfter = random.Next(0, 40);
            var disposer = plan.DisposeMeanwhile ? Task.Run(() => { Thread.Sleep(disposeAfter); a.Dispose(); }) : Task.CompletedTask;
            string printed = damage(plan.Path);
            if (double.TryParse(printed, CultureInfo.InvariantCulture, out double waited))
                waits.Add(waited);
            stop.Cancel();
            string readerOutcome = reader.Result;
            disposer.Wait();

            var outcome = ReadAfterDamage(a, expectedNow);
            Expect.That(outcome is "kept" or "ended", $"round {round}: {outcome}");
            Expect.That(readerOutcome is "kept" or "ended", $"round {round}, reading thread: {readerOutcome}");
            if (plan.ExpectEnded is bool expectEnded)
                Expect.That(outcome == (expectEnded ? "ended" : "kept"), $"round {round}: mode {plan.Mode} {outcome} the array");
            if (outcome == "kept")
                kept++;
            else
                ended++;
        }
        Console.WriteLine($"mode {plan.Mode}, {label}: {plan.Count} rounds, contents kept {kept}, next access threw {ended}");
        if (waits.Count > 0)
        {
            waits.Sort();
            Console.WriteLine(FormattableString.Invariant($"the damaging open waited: median {waits[waits.Count / 2]:F2} ms, max {waits[^1]:F2} ms"));
        }
    }

    private static int Parse(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    // Opens for writing (which waits for this process's own lease to be given up) and empties the file; prints the wait.
    private static string TruncateHere(string path)
    {
        long start = Stopwatch.GetTimestamp();
        using var f = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        double waited = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        f.SetLength(0);
        return waited.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Arguments: a folder. Maps a file while another process holds it open for writing (no lease can be taken): "r" and
    /// "c" read it into memory instead, "r+" is refused, and the writer may then truncate it without harm.
    /// </summary>
    [Scenario("mmap-of-a-file-open-for-writing")]
    public static void FileOpenForWriting(string[] args)
    {
        string path = Path.Combine(args[0], "written.npy");
        using (var source = np.arange((double)Elements))
            np.save(path, source);
        double expectedSum = (double)Elements * (Elements - 1) / 2;
        var writer = Process.Start(new ProcessStartInfo("/usr/bin/python3")
        {
            ArgumentList = { "-c", "import sys, time; f = open(sys.argv[1], 'r+b'); print('open', flush=True); sys.stdin.readline(); f.truncate(0); f.close()", path },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            Expect.That(writer.StandardOutput.ReadLine() == "open", "the writer did not open the file");
            using var r = np.load<NDArray>(path, mmapMode: "r");
            using var c = np.load<NDArray>(path, mmapMode: "c");
            Expect.That(!r.IsWriteable && c.IsWriteable, "modes r and c keep their writeability when read into memory");
            IOException? refused = null;
            try
            {
                np.load<NDArray>(path, mmapMode: "r+").Dispose();
            }
            catch (IOException e)
            {
                refused = e;
            }
            Expect.That(refused is not null && refused.Message.Contains("r+", StringComparison.Ordinal), $"r+ over a file another process writes: {refused?.Message ?? "mapped"}");
            writer.StandardInput.WriteLine("go");
            writer.StandardInput.Flush();
            Expect.That(writer.WaitForExit(60_000), "the writer hangs");
            Expect.That(new FileInfo(path).Length == 0, "the writer truncated the file");
            Expect.That(Sum(r) == expectedSum && Sum(c) == expectedSum, "the arrays read into memory lost their contents");
            Console.WriteLine("r and c read into memory; r+ refused: " + refused!.Message);
        }
        finally
        {
            if (!writer.HasExited)
                writer.Kill();
            writer.Dispose();
        }
    }

    /// <summary>
    /// Arguments: a folder. Run as root without CAP_LEASE (<c>setpriv --bounding-set=-lease --inh-caps=-lease</c>):
    /// a file given to another owner cannot be leased, so "r" and "c" read it into memory and "r+" is refused naming
    /// the owner.
    /// </summary>
    [Scenario("mmap-of-a-file-not-owned")]
    public static void FileNotOwned(string[] args)
    {
        string path = Path.Combine(args[0], "not-owned.npy");
        using (var source = np.arange(1000.0))
            np.save(path, source);
        var chown = Process.Start("chown", ["65534:65534", path]);
        chown.WaitForExit();
        Expect.That(chown.ExitCode == 0, "chown failed");
        using var r = np.load<NDArray>(path, mmapMode: "r");
        using var c = np.load<NDArray>(path, mmapMode: "c");
        Expect.That(r.Buffer is not NumNet.Memory.MemoryMappedFileBuffer && c.Buffer is not NumNet.Memory.MemoryMappedFileBuffer,
            "a file this process does not own was mapped: does the process still hold CAP_LEASE?");
        Expect.That(!r.IsWriteable && c.IsWriteable, "modes r and c keep their writeability when read into memory");
        Expect.That(Sum(r) == 999.0 * 1000 / 2 && Sum(c) == 999.0 * 1000 / 2, "the arrays read into memory are wrong");
        c.SetItem(-1.0, 0);
        using (var reread = np.load<NDArray>(path))
            Expect.That(reread.GetItem<double>(1) == 1.0 && reread.GetItem<double>(0) == 0.0, "a write to mode c reached the file");
        IOException? refused = null;
        try
        {
            np.load<NDArray>(path, mmapMode: "r+").Dispose();
        }
        catch (IOException e)
        {
            refused = e;
        }
        Expect.That(refused?.Message.Contains("does not own", StringComparison.Ordinal) == true, $"r+ of a file not owned: {refused?.Message ?? "mapped"}");
        Console.WriteLine("r and c read into memory; r+ refused: " + refused!.Message);
    }

    private static double Sum(NDArray a)
    {
        // Every element, through the same typed read any caller would use.
        double sum = 0;
        foreach (double x in a.ToArray<double>())
            sum += x;
        return sum;
    }

    private static string ReadAfterDamage(NDArray a, double expected)
    {
        try
        {
            double sum = Sum(a);
            return sum == expected ? "kept" : $"contents changed: sum {sum}, expected {expected}";
        }
        catch (Exception e) when (e is ObjectDisposedException or IOException)
        {
            return "ended";
        }
    }

    private static string ReadUntilStopped(NDArray a, double expected, CancellationToken stop)
    {
        string outcome = "kept";
        while (!stop.IsCancellationRequested)
        {
            outcome = ReadAfterDamage(a, expected);
            if (outcome != "kept")
                return outcome;
        }
        return outcome;
    }

    private static string RunOtherProcess((string File, string[] Arguments) command)
    {
        var info = new ProcessStartInfo(command.File) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in command.Arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new ScenarioFailedException("could not start " + command.File);
        var output = process.StandardOutput.ReadToEndAsync();
        string err = process.StandardError.ReadToEnd();
        // A hang detector only: a lease that is never released holds the other process for the kernel's
        // lease-break-time (45 s by default) before it goes on regardless.
        Expect.That(process.WaitForExit(120_000), $"{command.File} still runs after 2 minutes");
        Expect.That(process.ExitCode == 0, $"{command.File} failed: {err}");
        return output.Result.Trim();
    }
}
