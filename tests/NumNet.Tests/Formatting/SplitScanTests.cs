using NumNet.Formatting;

namespace NumNet.Tests.Formatting;

/// <summary>
/// The first pass of a long float printout split over threads (<see cref="SplitScan"/>): the same text at one and two
/// threads, and no split below the threshold.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class SplitScanTests
{
    [Fact]
    public void Long_float_printouts_are_the_same_at_one_and_two_threads()
    {
        var random = new Random(3);
        int n = SplitScan.FromValues * 2 + 17;
        // Positional (values in [1, 2) with a wide and a narrow end), scientific (a spread of magnitudes), specials.
        var positional = Enumerable.Range(0, n).Select(i => i == n - 5 ? 123456.5 : 1 + random.NextDouble()).ToArray();
        var scientific = Enumerable.Range(0, n).Select(i => i % 11 == 0 ? double.NaN : Math.ScaleB(random.NextDouble(), random.Next(-60, 60))).ToArray();
        using var scope = np.printoptions(threshold: long.MaxValue);
        foreach (var values in new[] { positional, scientific })
        {
            using var a = np.array(values);
            using var f = a.AsType(np.float32);
            Assert.Equal(ThreadSettings.At(1, a.Repr), ThreadSettings.At(2, a.Repr));
            Assert.Equal(ThreadSettings.At(1, a.ToString), ThreadSettings.At(2, a.ToString));
            Assert.Equal(ThreadSettings.At(1, f.Repr), ThreadSettings.At(2, f.Repr));
        }
    }

    [Fact]
    public void Below_the_threshold_the_scan_runs_whole_on_the_calling_thread()
    {
        int caller = Environment.CurrentManagedThreadId;
        var below = new double[SplitScan.FromValues - 1];
        var parts = new System.Collections.Concurrent.ConcurrentBag<(int Thread, int First, int Length)>();
        int saved = NumNetSettings.MaxThreads;
        try
        {
            NumNetSettings.MaxThreads = 2;
            SplitScan.Run<double, int>(below, (part, first) => { parts.Add((Environment.CurrentManagedThreadId, first, part.Length)); return 0; }, Math.Max);
            Assert.Equal([(caller, 0, below.Length)], parts);
            parts.Clear();
            var above = new double[SplitScan.FromValues + 1];
            SplitScan.Run<double, int>(above, (part, first) => { parts.Add((Environment.CurrentManagedThreadId, first, part.Length)); return 0; }, Math.Max);
            var ordered = parts.OrderBy(p => p.First).ToArray();
            Assert.Equal(2, ordered.Length);
            Assert.Equal(0, ordered[0].First);
            Assert.Equal(ordered[0].Length, ordered[1].First);
            Assert.Equal(above.Length, ordered[1].First + ordered[1].Length);
        }
        finally
        {
            NumNetSettings.MaxThreads = saved;
        }
    }
}
