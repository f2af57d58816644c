using System.Collections.Concurrent;
using NumNet.Casting.Loops;
using NumNet.Memory;
using NumNet.Tests.IO;

namespace NumNet.Tests.Casting;

/// <summary>
/// The text ↔ float64 casts split over threads (<see cref="SplitLineLoop"/>): the same bytes at one and two threads,
/// the first error in element order, and no split below the threshold.
/// </summary>
[Collection(nameof(ThreadSettingsCollection))]
public sealed class SplitLineLoopTests
{
    private const int Count = 50_000; // above SplitLineLoop.SplitFromElements

    /// <summary>Doubles of every kind the text casts treat differently: short and long digits, exponents, specials.</summary>
    private static NDArray Values()
    {
        var random = new Random(5);
        var values = new double[Count];
        for (int i = 0; i < Count; i++)
        {
            values[i] = (i % 7) switch
            {
                0 => i / 7.0,
                1 => BitConverter.Int64BitsToDouble(random.NextInt64()),
                2 => Math.ScaleB(random.NextDouble(), random.Next(-1074, 1024)),
                3 => i % 3 == 0 ? double.NaN : i % 3 == 1 ? double.NegativeInfinity : -0.0,
                4 => Math.Pow(2, i % 200),
                _ => Math.Round(random.NextDouble() * 1000, i % 5),
            };
        }
        return np.array(values);
    }

    [Fact]
    public void Text_casts_give_the_same_bytes_at_one_and_two_threads()
    {
        using var values = Values();
        foreach (string text in new[] { "U32", "U12", ">U32" })
        {
            using var one = ThreadSettings.At(1, () => values.AsType(np.dtype(text)));
            using var two = ThreadSettings.At(2, () => values.AsType(np.dtype(text)));
            Assert.Equal(IoTestData.CBytes(one), IoTestData.CBytes(two));
            if (text == "U12")
                continue; // cut texts such as '6.184428827e' do not parse back
            using var backOne = ThreadSettings.At(1, () => one.AsType(np.float64));
            using var backTwo = ThreadSettings.At(2, () => one.AsType(np.float64));
            Assert.Equal(IoTestData.CBytes(backOne), IoTestData.CBytes(backTwo));
        }
    }

    [Fact]
    public void The_error_is_the_first_in_element_order_at_any_thread_count()
    {
        var texts = Enumerable.Range(0, Count).Select(i => i == 30_000 ? "not a number" : i == 45_000 ? "nor this" : (i / 7.0).ToString("R", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        using var a = np.array(texts);
        var one = Assert.ThrowsAny<Exception>(() => ThreadSettings.At(1, () => a.AsType(np.float64)));
        var two = Assert.ThrowsAny<Exception>(() => ThreadSettings.At(2, () => a.AsType(np.float64)));
        Assert.Equal(one.GetType(), two.GetType());
        Assert.Equal(one.Message, two.Message);
        Assert.Contains("not a number", two.Message);
    }

    /// <summary>A loop that records which thread ran which run of elements.</summary>
    private sealed class RecordingLoop : CastLoop
    {
        public ConcurrentBag<(int Thread, long Start, long Count)> Runs { get; } = [];

        public override void Run(LeasedMemory src, long srcOffset, long srcStride, LeasedMemory dst, long dstOffset, long dstStride, long count) =>
            Runs.Add((Environment.CurrentManagedThreadId, srcOffset / srcStride, count));
    }

    private static List<(int Thread, long Start, long Count)> Split(long count, int threads)
    {
        var recorder = new RecordingLoop();
        using var src = np.zeros([count], np.float64);
        using var dst = np.zeros([count], np.float64);
        using (var s = src.Lease())
        using (var d = dst.Lease())
        {
            int saved = NumNetSettings.MaxThreads;
            NumNetSettings.MaxThreads = threads;
            try
            {
                new SplitLineLoop(recorder).Run(s.Memory, 0, 8, d.Memory, 0, 8, count);
            }
            finally
            {
                NumNetSettings.MaxThreads = saved;
            }
        }
        return [.. recorder.Runs.OrderBy(r => r.Start)];
    }

    [Fact]
    public void Below_the_threshold_or_at_one_thread_the_line_runs_whole_on_the_calling_thread()
    {
        long below = SplitLineLoop.SplitFromElements - 1;
        Assert.Equal([(Environment.CurrentManagedThreadId, 0L, below)], Split(below, threads: 2));
        Assert.Equal([(Environment.CurrentManagedThreadId, 0L, 100_000L)], Split(100_000, threads: 1));
    }

    [Fact]
    public void Above_the_threshold_the_line_is_cut_into_one_run_per_thread()
    {
        long count = SplitLineLoop.SplitFromElements + 1;
        var runs = Split(count, threads: 3);
        Assert.Equal(3, runs.Count);
        Assert.Equal(0, runs[0].Start);
        for (int k = 1; k < runs.Count; k++)
            Assert.Equal(runs[k - 1].Start + runs[k - 1].Count, runs[k].Start);
        Assert.Equal(count, runs[^1].Start + runs[^1].Count);
    }
}
