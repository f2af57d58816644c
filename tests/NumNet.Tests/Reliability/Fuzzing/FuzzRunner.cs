using System.Diagnostics;
using NumNet.Memory;

namespace NumNet.Tests.Reliability.Fuzzing;

/// <summary>How long and from where a fuzz run goes.</summary>
/// <param name="Seed">Base seed; input <c>i</c> uses a seed mixed from this and <c>i</c>.</param>
/// <param name="Seconds">Wall-clock budget.</param>
/// <param name="MaxInputs">Input budget; the run stops at whichever budget ends first.</param>
/// <param name="CrashDirectory">Where failing inputs are appended as JSON lines (null: only reported).</param>
internal sealed record FuzzSettings(int Seed, double Seconds, long MaxInputs, string? CrashDirectory, long Start = 0)
{
    /// <summary>
    /// The CI budget (exactly <paramref name="ciInputs"/> inputs from the fixed seed; the time limit is only a backstop
    /// for a pathologically slow machine), unless the environment asks for a long run of this target:
    /// <c>NUMNET_FUZZ_TARGET</c> names it, <c>NUMNET_FUZZ_SECONDS</c>, <c>NUMNET_FUZZ_SEED</c>,
    /// <c>NUMNET_FUZZ_MAX_INPUTS</c> and <c>NUMNET_FUZZ_CRASH_DIR</c> override the rest (tests/fuzz.sh sets them).
    /// </summary>
    public static FuzzSettings For(string target, long ciInputs, double ciBackstopSeconds = 300)
    {
        static string? Env(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } v ? v : null;
        int seed = Env("NUMNET_FUZZ_SEED") is { } s ? int.Parse(s) : 20250101;
        string? crashDir = Env("NUMNET_FUZZ_CRASH_DIR");
        if (!string.Equals(Env("NUMNET_FUZZ_TARGET"), target, StringComparison.OrdinalIgnoreCase))
            return new FuzzSettings(seed, ciBackstopSeconds, ciInputs, crashDir);
        double seconds = Env("NUMNET_FUZZ_SECONDS") is { } sec ? double.Parse(sec, System.Globalization.CultureInfo.InvariantCulture) : 60;
        long max = Env("NUMNET_FUZZ_MAX_INPUTS") is { } m ? long.Parse(m) : long.MaxValue;
        // NUMNET_FUZZ_START replays a run from input i on (with NUMNET_FUZZ_MAX_INPUTS=1, exactly input i).
        long start = Env("NUMNET_FUZZ_START") is { } st ? long.Parse(st) : 0;
        return new FuzzSettings(seed, seconds, max, crashDir, start);
    }
}

/// <summary>One input that broke an invariant.</summary>
internal sealed record FuzzFailure(long Index, string Input, string Problem);

/// <summary>What a run did: inputs tried, how each ended, and the failures.</summary>
internal sealed class FuzzReport
{
    public required string Target { get; init; }
    public long Inputs { get; set; }
    public long Succeeded { get; set; }
    public SortedDictionary<string, long> Rejections { get; } = new(StringComparer.Ordinal);
    public List<FuzzFailure> Failures { get; } = [];
    public TimeSpan Elapsed { get; set; }
    public long SlowestTicks { get; set; }
    public long SlowestIndex { get; set; }
    public string? SlowestInput { get; set; }

    public override string ToString() =>
        $"{Target}: {Inputs} inputs in {Elapsed.TotalSeconds:F1} s, {Succeeded} accepted, rejected: " +
        string.Join(", ", Rejections.Select(kv => $"{kv.Key} {kv.Value}")) +
        $"; slowest #{SlowestIndex} {SlowestTicks * 1000.0 / Stopwatch.Frequency:F0} ms; {Failures.Count} failures" +
        (SlowestInput is null ? "" : $"\n  slowest input: {(SlowestInput.Length > 2000 ? SlowestInput[..2000] + "..." : SlowestInput)}") +
        string.Concat(Failures.Take(10).Select(f => $"\n  #{f.Index}: {f.Problem}\n    input: {f.Input}"));
}

/// <summary>
/// The generic driver: generates inputs from per-input seeds, runs each, and sorts the outcome into accepted,
/// rejected with a documented exception, or failed (undocumented exception, broken invariant, too much allocated,
/// a damaged fence around native memory).
/// </summary>
internal static class FuzzRunner
{
    private const int MaxRecordedFailures = 50;

    /// <summary>Runs <paramref name="target"/> within the budget of <paramref name="settings"/>.</summary>
    public static FuzzReport Run<T>(FuzzTarget<T> target, FuzzSettings settings)
    {
        var report = new FuzzReport { Target = target.Name };
        var clock = Stopwatch.StartNew();
        long budgetTicks = (long)(settings.Seconds * Stopwatch.Frequency);
        for (long i = settings.Start; i - settings.Start < settings.MaxInputs && clock.ElapsedTicks < budgetTicks; i++)
        {
            var rng = new Random(InputSeed(settings.Seed, i));
            T input;
            try
            {
                input = target.Generate(rng);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{target.Name}: the generator failed on input {i}", e);
            }
            long started = clock.ElapsedTicks;
            string? problem = RunTimed(target, input, report, $"seed {settings.Seed}, input {i}", out bool stalled);
            long took = clock.ElapsedTicks - started;
            if (took > report.SlowestTicks)
            {
                (report.SlowestTicks, report.SlowestIndex) = (took, i);
                if (took > Stopwatch.Frequency / 5)
                    report.SlowestInput = target.Encode(input);
            }
            report.Inputs++;
            if (problem is not null)
                Record(target, settings, report, i, input, problem);
            // The stalled input still holds the worker (a thread cannot be stopped safely), so the run ends here.
            if (stalled)
                break;
        }
        report.Elapsed = clock.Elapsed;
        return report;
    }

    /// <summary>Runs each corpus line through the same checks; the failures name the offending lines.</summary>
    public static FuzzReport Replay<T>(FuzzTarget<T> target, IEnumerable<string> lines)
    {
        var report = new FuzzReport { Target = target.Name };
        long i = 0;
        foreach (var line in lines)
        {
            var input = target.Decode(line);
            string? problem = RunTimed(target, input, report, $"corpus line {i}", out bool stalled);
            report.Inputs++;
            if (problem is not null)
                report.Failures.Add(new FuzzFailure(i, line, problem));
            if (stalled)
                break;
            i++;
        }
        return report;
    }

    /// <summary>Longest one input may run before the run reports it and stops, instead of stalling for minutes.</summary>
    public static TimeSpan InputTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <see cref="RunOne"/> on a worker thread (allocation is counted per thread, so the count stays the input's),
    /// reporting an input that outlives <see cref="InputTimeout"/> as a failure named by <paramref name="where"/>.
    /// </summary>
    private static string? RunTimed<T>(FuzzTarget<T> target, T input, FuzzReport report, string where, out bool stalled)
    {
        // Counters are updated on a private report so that a stalled worker cannot race with the caller's.
        var local = new FuzzReport { Target = report.Target };
        string? problem = null;
        Exception? escaped = null;
        var thread = new Thread(() =>
        {
            try
            {
                problem = RunOne(target, input, local);
            }
            catch (Exception e)
            {
                escaped = e;
            }
        }) { IsBackground = true, Name = "fuzz input" };
        thread.Start();
        stalled = !thread.Join(InputTimeout);
        if (stalled)
            return $"ran longer than {InputTimeout.TotalSeconds:F0} s ({where}); abandoned, the run stops here";
        if (escaped is not null)
            throw new InvalidOperationException($"{target.Name}: the runner failed on {where}", escaped);
        report.Succeeded += local.Succeeded;
        foreach (var (key, count) in local.Rejections)
            report.Rejections[key] = report.Rejections.GetValueOrDefault(key) + count;
        return problem;
    }

    /// <summary>Runs one input; null when every invariant held, otherwise what broke.</summary>
    public static string? RunOne<T>(FuzzTarget<T> target, T input, FuzzReport report)
    {
        int violationsBefore = NativeGuard.Violations.Count;
        long managedBefore = GC.GetAllocatedBytesForCurrentThread();
        long nativeBefore = NativeGuard.RentedBytesOnThisThread;
        string? problem = null;
        try
        {
            target.Execute(input);
            report.Succeeded++;
        }
        catch (Exception e) when (target.IsDocumented(e))
        {
            string key = e.GetType().Name;
            report.Rejections[key] = report.Rejections.GetValueOrDefault(key) + 1;
            if (string.IsNullOrWhiteSpace(e.Message))
                problem = $"{key} without a message";
        }
        catch (Exception e)
        {
            problem = $"undocumented {e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - managedBefore + NativeGuard.RentedBytesOnThisThread - nativeBefore;
        if (problem is null && allocated > target.AllocationLimit)
            problem = $"allocated {allocated} bytes (limit {target.AllocationLimit})";
        if (problem is null && NativeGuard.Violations.Count > violationsBefore)
            problem = "native fence damaged: " + string.Join("; ", NativeGuard.Violations.Skip(violationsBefore));
        return problem;
    }

    private static void Record<T>(FuzzTarget<T> target, FuzzSettings settings, FuzzReport report, long index, T input, string problem)
    {
        if (report.Failures.Count >= MaxRecordedFailures)
            return;
        string line = target.Encode(input);
        report.Failures.Add(new FuzzFailure(index, line, problem));
        if (settings.CrashDirectory is { } dir)
        {
            Directory.CreateDirectory(dir);
            File.AppendAllText(Path.Combine(dir, target.Name + ".jsonl"), line + "\n");
        }
    }

    // SplitMix64 of (seed, index): neighbouring indices get unrelated streams.
    private static int InputSeed(int seed, long index)
    {
        ulong z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 1);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }
}
