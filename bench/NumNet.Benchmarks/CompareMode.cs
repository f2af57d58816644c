using System.Diagnostics;
using System.Globalization;

namespace NumNet.Benchmarks;

/// <summary>
/// A light timing harness for <c>bench/compare.sh</c>: warm up, run each workload repeatedly, print the median.
/// BenchmarkDotNet is more careful but takes minutes per workload; a ratio against NumPy only needs a stable median,
/// measured the same way on both sides.
/// </summary>
/// <remarks>
/// Output lines are <c>result	NAME	MEDIAN_MS	BYTES	RUNS</c> (tab-separated); anything else is commentary.
/// </remarks>
public static class CompareMode
{
    /// <summary>Runs the workloads whose name contains <paramref name="filter"/> (all when null).</summary>
    public static int Run(bool quick, string? filter)
    {
        // Quick: enough runs for a stable median within the 3-minute budget of compare.sh (runs of 0.2 s or more: 3).
        int minRuns = quick ? 5 : 15;
        double budgetSeconds = quick ? 1.0 : 6.0;
        foreach (var w in Catalog.All)
        {
            if (filter is not null && !w.Name.Contains(filter, StringComparison.Ordinal))
                continue;
            if ((w.Runs == WorkloadRuns.FullOnly && quick) || (w.Runs == WorkloadRuns.OnRequest && filter is null))
                continue;
            using var p = w.Prepare();
            GC.Collect();
            GC.WaitForPendingFinalizers();

            // Warm-up lets the JIT reach its optimised tier and the allocator fill its reuse cache. It is bounded by
            // time, not by a run count: tier-up happens on a background thread after a delay, and 50 runs of a 3 ms
            // workload used to end the warm-up before the optimised code arrived (repr_f8_1000 measured 2.6-4.4 ms
            // in quick runs against 0.52 ms in a full one). compare.sh sets that delay to zero
            // (DOTNET_TC_CallCountingDelayMs), so half a second is enough in a quick run.
            var clock = Stopwatch.StartNew();
            int warm = 0;
            double warmSeconds = quick ? 0.5 : Math.Max(budgetSeconds / 4, 1.0);
            double lastRun = 0;
            // Three warm-up runs at least, one for runs of 2 s or more. The file rows (0.1-0.5 s a run) need the three:
            // their first runs take fresh page-cache pages, which on the benchmark VM are slow to touch (memory the
            // guest freed is handed back to the host), and one warm-up left them in the median (docs/performance.md).
            while (warm < (lastRun >= 2.0 ? 1 : 3) || (lastRun < 0.2 && clock.Elapsed.TotalSeconds < warmSeconds && warm < 10_000))
            {
                long w0 = Stopwatch.GetTimestamp();
                p.Run();
                lastRun = Stopwatch.GetElapsedTime(w0).TotalSeconds;
                warm++;
            }

            var times = new List<double>();
            clock.Restart();
            // Runs of 2 s or more (the 1 GB CSV rows: NumPy's loadtxt takes many seconds) get three timed runs in a
            // full run too, or the full run would not fit its 20 minutes.
            int runs = (quick && lastRun >= 0.2) || lastRun >= 2.0 ? 3 : minRuns;
            while (times.Count < runs || (clock.Elapsed.TotalSeconds < budgetSeconds && times.Count < 201))
            {
                long t0 = Stopwatch.GetTimestamp();
                p.Run();
                times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
            times.Sort();
            double median = times.Count % 2 == 1
                ? times[times.Count / 2]
                : (times[times.Count / 2 - 1] + times[times.Count / 2]) / 2;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"result\t{w.Name}\t{median:F4}\t{w.Bytes}\t{times.Count}"));
        }
        return 0;
    }
}
